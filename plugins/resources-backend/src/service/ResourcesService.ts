import type { BackstageCredentials, LoggerService, PermissionsService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  kubernetesResourcesReadPermission,
  type NodeDetailsResponse,
  type NodeView,
  type ResourceTree,
} from '@kube-platform/plugin-kubernetes-common';
import { callerKey } from '../cluster/callerKey';
import type { Caller, ClusterAccess, ClusterReader } from '../cluster/types';
import type { TreeSettings } from '../config/readConfig';
import { diagnose } from '../diagnosis/diagnose';
import { eventsView } from '../node/eventsView';
import { logsView, type LogsQuery } from '../node/logsView';
import { yamlView } from '../node/yamlView';
import { buildTree, type BuiltTree, type Family } from '../tree/buildTree';
import { toResourceTree } from '../tree/toResourceTree';
import { entityRoot, type EntityRoot } from './entityRoot';
import { podLogTails } from './podLogTails';
import { podWarnings } from './podWarnings';
import { TreeCache } from './treeCache';

/** What the service needs; every cluster read goes through `access` on behalf of the caller. */
export interface ResourcesServiceOptions {
  catalog: CatalogService;
  permissions: PermissionsService;
  access: ClusterAccess;
  settings: TreeSettings;
  logger: LoggerService;
  families?: Family[];
  now?: () => Date;
}

interface CachedTree {
  built: BuiltTree;
  tree: ResourceTree;
}

const VIEWS: readonly NodeView[] = ['yaml', 'events', 'logs'];

/**
 * Trees and node views for entities, each request authorised as its caller: the entity is read from
 * the catalog with the caller's credentials (so `catalog.entity.read` and its conditions apply), then
 * `kubernetes-resources.read` is checked on it. Shared by the HTTP routes and the action.
 */
export class ResourcesService {
  private readonly cache: TreeCache<CachedTree>;

  constructor(private readonly options: ResourcesServiceOptions) {
    this.cache = new TreeCache(options.settings.cacheTtlMs);
  }

  /** The entity's resource tree with its summary. */
  async tree(entityRef: string, caller: Caller): Promise<ResourceTree> {
    return (await this.readWithRoot(entityRef, caller)).tree;
  }

  /**
   * One node's YAML, events or (for pods) logs. The node must be in the caller's tree of that entity; an id from any
   * other tree is refused, so no other object can be asked for.
   */
  async node(entityRef: string, nodeId: string, view: string, caller: Caller, logs: LogsQuery = {}): Promise<NodeDetailsResponse> {
    if (!VIEWS.includes(view as NodeView)) throw new InputError(`view must be one of ${VIEWS.join(', ')}, got "${view.slice(0, 40)}"`);
    if (!/^n[A-Za-z0-9_-]{1,64}$/.test(nodeId)) throw new InputError('nodeId is not a node id of a resource tree');
    const { built, root, ref } = await this.readWithRoot(entityRef, caller);
    const entry = built.entries.get(nodeId);
    if (!entry) throw new NotFoundError(`node ${nodeId} is not in the resource tree of ${ref}`);
    if (view === 'yaml') return yamlView(entry);
    if (view === 'events') return eventsView(entry, await this.reader(root, ref, caller));
    return logsView(entry, await this.reader(root, ref, caller), logs);
  }

  private async readWithRoot(entityRef: string, caller: Caller): Promise<CachedTree & { root: EntityRoot; ref: string }> {
    const { ref, root } = await this.authorize(entityRef, caller.credentials);
    const cached = await this.cache.get(`${callerKey(caller)}\u0000${ref}`, async () => {
      const reader = await this.reader(root, ref, caller);
      const built = await buildTree(reader, root.ref, {
        maxNodes: this.options.settings.maxNodes,
        concurrency: this.options.settings.concurrency,
        ...(this.options.families ? { families: this.options.families } : {}),
        onFamilyError: (node, err) => {
          const where = node.namespace ? `${node.namespace}/${node.name}` : node.name;
          // kubernetes-node's errors name the cluster and path, never a credential.
          this.options.logger.warn(`children of ${node.kind} ${where} in cluster ${root.cluster} could not be read: ${err instanceof Error ? err.message : 'unknown error'}`);
        },
      });
      const [warnings, logs] = await Promise.all([podWarnings(built, reader), podLogTails(built, reader)]);
      const problems = diagnose(built, { cluster: root.cluster, warnings, logs });
      return { built, tree: toResourceTree(built, (this.options.now ?? (() => new Date()))(), problems) };
    });
    return { ...cached, root, ref };
  }

  private async reader(root: EntityRoot, ref: string, caller: Caller): Promise<ClusterReader> {
    const reader = await this.options.access.reader(root.cluster, caller);
    if (!reader) throw new NotFoundError(`cluster ${root.cluster} of ${ref} is not configured for the resources backend`);
    return reader;
  }

  /** Reads the entity as the caller, then checks `kubernetes-resources.read` on it. */
  private async authorize(entityRef: string, credentials: BackstageCredentials): Promise<{ ref: string; root: EntityRoot }> {
    let ref: string;
    try {
      ref = stringifyEntityRef(parseEntityRef(entityRef));
    } catch {
      throw new InputError('entityRef must be an entity reference such as resource:default/orders-db');
    }
    const entity = await this.options.catalog.getEntityByRef(ref, { credentials });
    if (!entity) throw new NotFoundError(`entity ${ref} was not found`);
    const [decision] = await this.options.permissions.authorize(
      [{ permission: kubernetesResourcesReadPermission, resourceRef: ref }],
      { credentials },
    );
    if (decision?.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`not allowed to read the Kubernetes resources of ${ref}`);
    }
    return { ref, root: entityRoot(entity) };
  }
}
