import { errorMessage } from '@kube-platform/plugin-kubernetes-node';
import type { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { ANNOTATION_LOCATION, ANNOTATION_ORIGIN_LOCATION, type Entity } from '@backstage/catalog-model';
import type { EntityProvider, EntityProviderConnection } from '@backstage/plugin-catalog-node';
import type { IngestorConfig } from '../config/types';
import { convertLocatedDefinitions, type LocatedObject, type TypesGenerator } from '../templates';

import { LastGoodByCluster } from './lastGood';
import { scheduleRefresh, warnOnceWith } from './scheduling';

export const TEMPLATE_PROVIDER_NAME = 'kubernetes-ingestor-templates';
const LOCATION = 'kubernetes-ingestor:templates';

/** The catalog only accepts provider entities that say where they are managed. */
function withLocation(entity: Entity): Entity {
  const annotations = { [ANNOTATION_LOCATION]: LOCATION, [ANNOTATION_ORIGIN_LOCATION]: LOCATION, ...entity.metadata.annotations };
  return { ...entity, metadata: { ...entity.metadata, annotations } };
}

export interface KubernetesTemplateProviderOptions<C extends { name: string }> {
  config: IngestorConfig;
  logger: LoggerService;
  /** The clusters to read, resolved at each run. */
  connections(): Promise<C[]>;
  /** The definitions of one cluster; throws when the cluster cannot be read. */
  read(connection: C, signal?: AbortSignal): Promise<LocatedObject[]>;
  /** When given, runs on `templates.schedule` as task `kubernetes-ingestor-templates:refresh`. */
  scheduler?: SchedulerService;
  /** TypeScript types for API entities; `null` leaves them out (tests). */
  typesGenerator?: TypesGenerator | null;
}

export interface TemplateRunSummary {
  clustersOk: string[];
  clustersFailed: Array<{ cluster: string; error: string }>;
  entities: number;
  rejected: number;
}

/**
 * Emits a Template and an API entity per XRD / selected CRD version, with the workload provider's
 * loss-free rule: a cluster that cannot be read keeps the definitions it had last time.
 */
export class KubernetesTemplateProvider<C extends { name: string }> implements EntityProvider {
  private connection?: EntityProviderConnection;
  private readonly lastGood = new LastGoodByCluster<LocatedObject[]>();
  private readonly warnOnce: (message: string) => void;

  constructor(private readonly opts: KubernetesTemplateProviderOptions<C>) {
    this.warnOnce = warnOnceWith(opts.logger);
  }

  getProviderName(): string {
    return TEMPLATE_PROVIDER_NAME;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    const { scheduler, config, logger } = this.opts;
    if (!scheduler) return;
    await scheduleRefresh(scheduler, TEMPLATE_PROVIDER_NAME, config.templates.schedule, signal => this.refresh(signal), logger, 'Template generation');
  }

  async refresh(signal?: AbortSignal): Promise<TemplateRunSummary> {
    if (!this.connection) throw new Error(`${TEMPLATE_PROVIDER_NAME} is not connected to the catalog yet`);
    const { logger, config } = this.opts;
    const connections = await this.opts.connections();
    const summary: TemplateRunSummary = { clustersOk: [], clustersFailed: [], entities: 0, rejected: 0 };
    await Promise.all(
      connections.map(async conn => {
        try {
          this.lastGood.record(conn.name, { ok: true, value: await this.opts.read(conn, signal) });
          summary.clustersOk.push(conn.name);
        } catch (error) {
          const message = errorMessage(error);
          summary.clustersFailed.push({ cluster: conn.name, error: message });
          logger.warn(`Reading definitions from cluster ${conn.name} failed, keeping its previous templates: ${message}`);
        }
      }),
    );
    this.lastGood.retain(connections.map(c => c.name));
    const located = this.lastGood.clusterNames().flatMap(name => this.lastGood.get(name) ?? []);
    const result = await convertLocatedDefinitions(located, config.templates.options, { typesGenerator: this.opts.typesGenerator });
    for (const e of result.errors) this.warnOnce(`Definition ${e.source} yields no template: ${e.message}`);
    for (const w of result.warnings) this.warnOnce(`Definition ${w.source}: ${w.message}`);
    await this.connection.applyMutation({
      type: 'full',
      entities: result.entities.map(entity => ({ entity: withLocation(entity), locationKey: TEMPLATE_PROVIDER_NAME })),
    });
    summary.entities = result.entities.length;
    summary.rejected = result.errors.length;
    logger.info(
      `Template generation finished: clusters ok ${summary.clustersOk.length}, failed ${summary.clustersFailed.length}; entities ${summary.entities}; definitions rejected ${summary.rejected}`,
    );
    return summary;
  }

}
