/** Paginated listing, per-cluster readings as data, and resilient watches. */
export { listAll, listSnapshot, type ListOptions, type ListSnapshot } from './listAll';
export { readCluster, readClusters, PER_NAMESPACE_LISTING_MAX, type ClusterReadingResult, type ReadClusterOptions } from './readCluster';
export { watchKind, type KindChange, type WatchKindOptions } from './watch';
export { createLimiter, limitConnection, type Limiter } from './limiter';
export { apiVersionOf, collectionPath, excludeNamespacesSelector, withKindFields } from './paths';
