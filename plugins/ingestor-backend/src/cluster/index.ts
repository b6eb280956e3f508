/** Cluster access and discovery: how the ingestor reaches each API server and learns what it serves. */
export type { ClusterConnection, KubeQuery, WatchEvent } from './connection';
export { KubeRequestError, isExpired, isRetryable, errorMessage, type KubeFailure, type KubeRequestErrorInit } from './errors';
export { createHttpConnection, type HttpConnectionOptions, type HttpRequestOptions } from './httpConnection';
export { connectionFromKubeConfig, connectionsFromDirectConfig, connectionsFromKubeconfig, type KubeconfigSource } from './direct';
export { CLUSTER_HEADER, proxyConnections, type ProxyConnectionOptions } from './proxy';
export { createClusterConnections, type ClusterAccessServices } from './connections';
export { discoverKinds, discoveryRequestFromConfig, type DiscoveryRequest, type DiscoveryResult } from './discovery';
export { createApiIndex, type ApiGroupInfo, type ApiIndex, type ApiResource, type DiscoveryRequestOptions } from './apiIndex';
export { resolveKind, type KindResolution, type UnservedKind, type WantedKind } from './resolveKind';
export { CLAIM_DEFAULT_TYPE, COMPOSITE_DEFAULT_TYPE, CROSSPLANE_APIEXTENSIONS_GROUP, crossplaneWantedKinds, kindsOfXrd } from './crossplane';
export { DEFAULT_RETRY, backoffDelay, sleep, withRetry, type RetryPolicy } from './retry';
export { isAllowedCluster } from './allowedClusters';
