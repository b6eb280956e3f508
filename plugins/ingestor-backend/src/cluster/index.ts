/** The ingestor's clusters: the connections its configuration asks for, built by the shared kubernetes-node library. */
export { createClusterConnections, userTokenClustersWarning, type ClusterAccessServices, type ClusterConnectionsOptions } from './connections';
