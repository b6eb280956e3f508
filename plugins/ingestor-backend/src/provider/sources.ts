import type { AuthService, DiscoveryService, LoggerService } from '@backstage/backend-plugin-api';
import { excludeNamespacesSelector, watchKind, type ClusterConnection } from '@kube-platform/plugin-kubernetes-node';
import { createClusterConnections, type ClusterConnectionsOptions } from '../cluster';
import type { IngestorConfig } from '../config/types';
import { readClusters } from '../listing';
import type { ClusterSource } from './ingestion';
import type { KindWatcher } from './KubernetesEntityProvider';

/** Clusters from configuration (direct) or the kubernetes-backend (proxy), read with the shared limits. */
export function clusterSource(
  config: IngestorConfig,
  services?: { discovery: DiscoveryService; auth: AuthService },
  options: Pick<ClusterConnectionsOptions, 'onUserTokenClusters'> = {},
): ClusterSource<ClusterConnection> {
  return {
    connections: () => createClusterConnections(config.clusters, services, options),
    read: (connections, signal) => readClusters(connections, config, signal),
  };
}

/** Watches a kind with the same namespace exclusion the listing pushes to the server. */
export function kindWatcher(config: IngestorConfig, logger: LoggerService): KindWatcher<ClusterConnection> {
  return (connection, source, handlers, signal, resourceVersion) => {
    const fieldSelector = source.namespaced ? excludeNamespacesSelector(config.components.excludedNamespaces) : undefined;
    watchKind(connection, source, {
      signal,
      resourceVersion,
      fieldSelector,
      pageSize: config.clusters.pageSize,
      timeoutMs: config.clusters.requestTimeoutMs,
      onEvent: change => handlers.onEvent(change.type, change.object),
      onResync: objects => handlers.onResync(objects),
      onError: error => logger.debug(`Watch of ${source.kind} in cluster ${connection.name} will reconnect: ${(error as Error).message}`),
    }).catch(error => {
      if (!signal.aborted) logger.warn(`Watch of ${source.kind} in cluster ${connection.name} stopped: ${(error as Error).message}`);
    });
  };
}
