import type { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import {
  apiVersionOf,
  connectionsFromDirectConfig,
  connectionsFromKubeconfig,
  createApiIndex,
  createLimiter,
  createProxyConnection,
  getObject,
  getSubresourceText,
  isAllowedCluster,
  limitConnection,
  listAll,
  listProxyClusters,
  requiresUserToken,
  resolveKind,
  type ApiIndex,
  type ClusterConnection,
  type ProxyCluster,
  type ResourceType,
} from '@kube-platform/plugin-kubernetes-node';
import type { ClustersConfig } from '../config/readConfig';
import { callerDiscovery } from './callerDiscovery';
import type { ClusterAccess, ClusterReader, ServedKind } from './types';

/** Discovery documents change only when CRDs do; a minute of reuse saves most discovery requests. */
const DISCOVERY_TTL_MS = 60_000;
/** Cluster and caller pairs whose proxy discovery is kept at once; the oldest goes first. */
const DISCOVERY_CALLERS = 500;

function resourceOf(kind: ServedKind): ResourceType {
  const slash = kind.apiVersion.indexOf('/');
  return {
    group: slash < 0 ? '' : kind.apiVersion.slice(0, slash),
    version: slash < 0 ? kind.apiVersion : kind.apiVersion.slice(slash + 1),
    kind: kind.kind,
    plural: kind.plural,
    namespaced: kind.namespaced,
  };
}

/** A {@link ClusterReader} over one kubernetes-node connection; kinds resolved through discovery only. */
export function readerFor(conn: ClusterConnection, api: ApiIndex, timeoutMs: number): ClusterReader {
  const resolved = new Map<string, Promise<ServedKind | undefined>>();
  return {
    cluster: conn.name,
    resolve(apiVersion, kind) {
      const key = `${apiVersion}\u0000${kind}`;
      let hit = resolved.get(key);
      if (!hit) {
        const slash = apiVersion.indexOf('/');
        const group = slash < 0 ? '' : apiVersion.slice(0, slash);
        const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
        hit = resolveKind(api, { group, version, kind, verb: 'get' }).then(r =>
          r.ok ? { apiVersion: apiVersionOf(r.resource), kind: r.resource.kind, plural: r.resource.plural, namespaced: r.resource.namespaced } : undefined,
        );
        resolved.set(key, hit);
      }
      return hit;
    },
    async get(kind, namespace, name) {
      return getObject(conn, resourceOf(kind), name, { namespace, timeoutMs });
    },
    async list(kind, namespace, options) {
      return listAll(conn, resourceOf(kind), { namespace, timeoutMs, ...options });
    },
    logs(pod, namespace, name, options) {
      return getSubresourceText(conn, resourceOf(pod), name, 'log', {
        namespace,
        timeoutMs,
        query: { container: options.container, tailLines: String(options.tailLines), ...(options.previous ? { previous: 'true' } : {}) },
      });
    },
  };
}

/**
 * Looks a cluster up in the kubernetes-backend's list (reused for a minute) and answers it when its auth
 * strategy needs the signed-in user's own token (oidc, google, client-side aks). A list that cannot be read
 * answers nothing: the proxy's own error then says what went wrong.
 */
function userTokenClusters(services: AccessServices, timeoutMs: number): (cluster: string) => Promise<ProxyCluster | undefined> {
  let cached: { clusters: Promise<ProxyCluster[]>; until: number } | undefined;
  return async cluster => {
    if (!cached || cached.until < Date.now()) {
      cached = { clusters: listProxyClusters({ ...services, timeoutMs }).catch(() => []), until: Date.now() + DISCOVERY_TTL_MS };
    }
    const found = (await cached.clusters).find(c => c.name === cluster);
    return found && requiresUserToken(found) ? found : undefined;
  };
}

/** Backstage services the proxy route needs. */
export interface AccessServices {
  discovery: DiscoveryService;
  auth: AuthService;
}

/**
 * Cluster access as configured: through the kubernetes-backend proxy with the caller's identity (and
 * their cluster credentials, when sent), or direct with the kubeconfig's or `direct` entries' own
 * credentials (tests, the demo, installations without the Kubernetes plugin).
 */
export function createClusterAccess(config: ClustersConfig, services: AccessServices): ClusterAccess {
  const limiter = createLimiter(config.maxConcurrentRequests);
  if (config.source === 'proxy') {
    const userTokenCluster = userTokenClusters(services, config.requestTimeoutMs);
    const discoveryFor = callerDiscovery({ timeoutMs: config.requestTimeoutMs, ttlMs: DISCOVERY_TTL_MS, maxEntries: DISCOVERY_CALLERS });
    return {
      async reader(cluster, caller) {
        if (!isAllowedCluster(cluster, config.allowedClusterNames)) return undefined;
        const needsToken = caller.clusterAuthHeaders ? undefined : await userTokenCluster(cluster);
        if (needsToken) {
          throw new ServiceUnavailableError(
            `cluster ${cluster} authenticates with the signed-in user's own ${needsToken.authProvider} token, which this request did not carry; ` +
              'give the cluster a service account or cloud workload identity in kubernetes.clusterLocatorMethods, or read it directly (kubernetesResources.clusters.source: direct)',
          );
        }
        const conn = limitConnection(
          await createProxyConnection({
            ...services,
            cluster,
            credentials: caller.credentials,
            ...(caller.clusterAuthHeaders ? { clusterAuthHeaders: caller.clusterAuthHeaders } : {}),
          }),
          limiter,
        );
        return readerFor(conn, discoveryFor(cluster, caller, conn), config.requestTimeoutMs);
      },
    };
  }
  let conns: Map<string, ClusterConnection> | undefined;
  const indexes = new Map<string, { api: ApiIndex; until: number }>();
  return {
    async reader(cluster) {
      if (!conns) {
        const list = [
          ...(config.kubeconfig ? connectionsFromKubeconfig({ path: config.kubeconfig, contexts: config.contexts, allowedClusterNames: config.allowedClusterNames }) : []),
          ...connectionsFromDirectConfig(config.direct, config.allowedClusterNames),
        ];
        conns = new Map(list.map(c => [c.name, limitConnection(c, limiter)]));
      }
      const conn = conns.get(cluster);
      if (!conn) return undefined;
      let index = indexes.get(cluster);
      if (!index || index.until < Date.now()) {
        index = { api: createApiIndex(conn, { timeoutMs: config.requestTimeoutMs }), until: Date.now() + DISCOVERY_TTL_MS };
        indexes.set(cluster, index);
      }
      return readerFor(conn, index.api, config.requestTimeoutMs);
    },
  };
}
