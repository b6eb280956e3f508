/** The ingestor's clusters: the connections its configuration asks for, built by the shared kubernetes-node library. */
export { createClusterConnections, type ClusterAccessServices } from './connections';
