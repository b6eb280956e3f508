import { errorMessage } from '@kube-platform/plugin-kubernetes-node';
import type { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { EntityProvider, EntityProviderConnection } from '@backstage/plugin-catalog-node';
import { mappingSettings } from '../config/mappingSettings';
import type { IngestorConfig } from '../config/types';
import type { ClusterReading, SourceKind } from '../types';
import { Ingestion, type ClusterSource } from './ingestion';
import { sourceKey } from './snapshots';
import { scheduleRefresh, warnOnceWith } from './scheduling';
import type { Emission } from './emit';
import { formatSummary, type CycleSummary } from './summary';
import { KindWatches, type KindWatcher, type WantedWatch } from './watches';

export type { KindWatcher, WatchHandlers } from './watches';

export const PROVIDER_NAME = 'kubernetes-ingestor';
const LOCATION_KEY = PROVIDER_NAME;

export interface KubernetesEntityProviderOptions<C extends { name: string }> {
  config: IngestorConfig;
  logger: LoggerService;
  clusters: ClusterSource<C>;
  /** When given, the full sync runs on the config's schedule as task `kubernetes-ingestor:refresh`. */
  scheduler?: SchedulerService;
  /** When given (and `watch.enabled`), changes between syncs arrive as delta mutations. */
  watcher?: KindWatcher<C>;
  /** How long watch events are batched into one delta mutation. */
  deltaDelayMs?: number;
  /**
   * Whether a sync skips listing the kinds a live watch keeps current, as an informer does (each kind
   * is still listed at least hourly, see RELIST_AFTER_MS); the module turns it on. Off, every sync
   * lists every kind.
   */
  followWatchedKinds?: boolean;
}

/** Entities by ref (filled in a loop: a pair array per entity would be a fleet's worth of garbage). */
function index({ entities, refs }: Emission): Map<string, Entity> {
  const byRef = new Map<string, Entity>();
  entities.forEach((entity, i) => byRef.set(refs[i], entity));
  return byRef;
}

/**
 * Whether the catalog must be sent `entity` again. Mapping hands back the very object it emitted before
 * for an object that did not change, so identity settles nearly every entity; only a rebuilt one is
 * compared by content (a rebuilt but equal entity is not sent).
 */
function changedSince(previous: Entity | undefined, entity: Entity): boolean {
  if (previous === entity) return false;
  return previous === undefined || JSON.stringify(previous) !== JSON.stringify(entity);
}

/**
 * Emits Components, Resources and Systems for the workloads and Crossplane objects of every cluster:
 * a full mutation on schedule, deltas from watches in between. A cluster or kind that fails keeps its
 * last good entities; only a successful listing (or a watch's deletion) removes one. With watches and
 * `followWatchedKinds`, a sync lists only the kinds no live watch follows (see {@link KindWatches.follows}).
 */
export class KubernetesEntityProvider<C extends { name: string }> implements EntityProvider {
  private connection?: EntityProviderConnection;
  private readonly ingestion: Ingestion<C>;
  private emitted = new Map<string, Entity>();
  private readonly watches?: KindWatches<C>;
  private readonly warnOnce: (message: string) => void;
  private deltaTimer?: NodeJS.Timeout;

  constructor(private readonly opts: KubernetesEntityProviderOptions<C>) {
    this.ingestion = new Ingestion(mappingSettings(opts.config), opts.clusters);
    this.warnOnce = warnOnceWith(opts.logger);
    if (opts.watcher && opts.config.watch.enabled) this.watches = new KindWatches(opts.watcher);
  }

  getProviderName(): string {
    return PROVIDER_NAME;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    const { scheduler, config, logger } = this.opts;
    if (!scheduler) return;
    await scheduleRefresh(scheduler, PROVIDER_NAME, config.schedule, signal => this.refresh(signal), logger, 'Kubernetes ingestion');
  }

  /** One full sync: read every cluster, keep last good snapshots, replace the provider's entities. */
  async refresh(signal?: AbortSignal): Promise<CycleSummary> {
    if (!this.connection) throw new Error(`${PROVIDER_NAME} is not connected to the catalog yet`);
    const { watches } = this;
    // Kinds a live watch keeps current are not listed again, as an informer would not.
    const followed = watches && this.opts.followWatchedKinds ? (cluster: string, source: SourceKind) => watches.follows(cluster, source) : undefined;
    const { emission, summary, readings, removedClusters } = await this.ingestion.sync(signal, { followed });
    const { logger } = this.opts;
    for (const r of readings) {
      if (r.error) logger.warn(`Cluster ${r.cluster} could not be read, keeping its previous entities: ${r.error}`);
      for (const k of r.kinds) {
        if (!k.outcome.ok) logger.warn(`Listing ${k.source.kind} in cluster ${r.cluster} failed, keeping its previous entities: ${k.outcome.error}`);
      }
      if (r.rolesFailed) {
        logger.warn(`Discovering the ${r.rolesFailed.roles.join(' and ')} kinds of cluster ${r.cluster} failed, keeping their previous entities: ${r.rolesFailed.error}`);
      }
    }
    for (const name of removedClusters) logger.info(`Cluster ${name} is no longer configured; its entities are removed`);
    for (const w of emission.warnings) this.warnOnce(`${w.cluster}: ${w.object}: ${w.message}`);
    // Skips by scope (excluded namespace, opt-out) are intended; an invalid object is worth a warning.
    for (const s of emission.skipped) if (s.reason === 'invalid') this.warnOnce(`${s.cluster}: ${s.object} skipped: ${s.message}`);
    await this.connection.applyMutation({
      type: 'full',
      entities: emission.entities.map(entity => ({ entity, locationKey: LOCATION_KEY })),
    });
    this.emitted = index(emission);
    logger.info(formatSummary(summary));
    this.ensureWatches(readings);
    return summary;
  }

  /** Stops watches and pending deltas (backend shutdown, tests). */
  stop(): void {
    this.watches?.stop();
    clearTimeout(this.deltaTimer);
    this.deltaTimer = undefined;
  }

  /** One watch per cluster and kind of the snapshots; see {@link KindWatches.ensure}. */
  private ensureWatches(readings: ClusterReading[]): void {
    const { watches } = this;
    if (!watches) return;
    const listedAt = new Map<string, string>();
    for (const r of readings) {
      if (r.error) continue;
      for (const k of r.kinds) if (k.outcome.ok && k.resourceVersion) listedAt.set(`${r.cluster}|${sourceKey(k.source)}`, k.resourceVersion);
    }
    const wanted: WantedWatch<C>[] = [];
    for (const connection of this.ingestion.connections()) {
      for (const source of this.ingestion.snapshots.sources(connection.name)) {
        wanted.push({ connection, source, resourceVersion: listedAt.get(`${connection.name}|${sourceKey(source)}`) });
      }
    }
    watches.ensure(wanted, (connection, source) => ({
      onEvent: (type, object) => {
        if (this.ingestion.applyEvent(connection.name, source, type, object)) this.scheduleDelta();
      },
      onResync: objects => {
        if (this.ingestion.replaceKind(connection.name, source, objects)) this.scheduleDelta();
      },
    }));
  }

  private scheduleDelta(): void {
    if (this.deltaTimer) return;
    this.deltaTimer = setTimeout(() => {
      this.deltaTimer = undefined;
      this.flushDelta().catch(error => this.opts.logger.error(`Applying Kubernetes changes failed: ${errorMessage(error)}`));
    }, this.opts.deltaDelayMs ?? 1000);
  }

  /** Sends only what changed since the last mutation: re-mapping reuses every unchanged cluster and object, catalog writes are not cheap. */
  private async flushDelta(): Promise<void> {
    if (!this.connection) return;
    const next = index(this.ingestion.emit());
    const added = [...next].filter(([ref, entity]) => changedSince(this.emitted.get(ref), entity)).map(([, entity]) => entity);
    const removed = [...this.emitted.keys()].filter(ref => !next.has(ref));
    if (added.length === 0 && removed.length === 0) return;
    await this.connection.applyMutation({
      type: 'delta',
      added: added.map(entity => ({ entity, locationKey: LOCATION_KEY })),
      removed: removed.map(entityRef => ({ entityRef, locationKey: LOCATION_KEY })),
    });
    this.emitted = next;
  }

}
