/**
 * Cluster access for kube-platform backend plugins: connections (direct, or through the Backstage
 * kubernetes-backend proxy with the plugin's or a user's identity), discovery and kind resolution,
 * paginated list, get, watch, a shared request limiter, retries and errors that never carry secrets.
 *
 * @packageDocumentation
 */

export type { KubeObject, ResourceType } from './types';

export type { ClusterConnection, KubeQuery, ListAnswer, RequestOptions, WatchEvent } from './connection/ClusterConnection';
export { createHttpConnection, type HttpConnectionOptions, type HttpRequestOptions } from './connection/httpConnection';
export {
  connectionFromKubeConfig,
  connectionsFromDirectConfig,
  connectionsFromKubeconfig,
  type DirectClusterConfig,
  type KubeconfigSource,
} from './connection/direct';
export { KubeconfigError, loadKubeconfig } from './connection/kubeconfigFile';
export {
  CLUSTER_AUTH_HEADER,
  CLUSTER_HEADER,
  USER_TOKEN_AUTH_PROVIDERS,
  clusterAuthHeaders,
  createProxyConnection,
  listProxyClusters,
  proxyConnections,
  requiresUserToken,
  type ProxyAccessOptions,
  type ProxyCluster,
  type ProxyConnectionOptions,
} from './connection/proxy';
export { isAllowedCluster } from './connection/allowedClusters';
export { directClustersFromKubernetesConfig, readDirectClusters } from './connection/kubernetesConfig';

export { createApiIndex, type ApiGroupInfo, type ApiIndex, type ApiResource, type DiscoveryRequestOptions } from './discovery/apiIndex';
export { resolveKind, type KindQuery, type KindResolution } from './discovery/resolveKind';

export { listAll, listSnapshot, type ListOptions, type ListSnapshot } from './list/listAll';
export { watchKind, type KindChange, type WatchKindOptions } from './list/watch';
export { apiVersionOf, collectionPath, excludeNamespacesSelector, objectPath, withKindFields } from './list/paths';
export { getObject, getSubresourceText, type GetOptions } from './get/get';

export { createLimiter, limitConnection, type Limiter } from './limiter';
export { DEFAULT_RETRY, backoffDelay, sleep, withRetry, type RetryPolicy } from './retry';
export { KubeRequestError, errorMessage, isExpired, isRetryable, type KubeFailure, type KubeRequestErrorInit } from './errors';
