/** What to list on each cluster (discovery of the wanted kinds, namespace scope) and per-cluster readings as data. */
export { readCluster, readClusters, PER_NAMESPACE_LISTING_MAX, type ClusterReadingResult, type ReadClusterOptions } from './readCluster';
export { discoverKinds, discoveryRequestFromConfig, type DiscoveryRequest, type DiscoveryResult } from './discovery';
export { crossplaneWantedKinds, kindsOfXrd, xrdReadVersions } from './crossplane';
export { SharedXrdReads } from './sharedXrds';
export type { ListingSettings } from './settings';
export { resolveWanted, type UnservedKind, type WantedKind, type WantedResolution } from './wantedKinds';
