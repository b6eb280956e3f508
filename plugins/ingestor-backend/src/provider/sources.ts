import type { AuthService, DiscoveryService, LoggerService } from '@backstage/backend-plugin-api';
import { errorMessage, watchKind, type ClusterConnection } from '@kube-platform/plugin-kubernetes-node';
import { createClusterConnections, type ClusterConnectionsOptions } from '../cluster';
import type { IngestorConfig } from '../config/types';
import { mappedFields } from '../mapping/projection';
import { inScope, namespaceScope } from '../namespaceScope';
import { readClusters, type SharedXrdReads } from '../listing';
import type { ClusterSource } from './ingestion';
import type { KindWatcher } from './KubernetesEntityProvider';

/** Clusters from configuration (direct) or the kubernetes-backend (proxy), read with the shared limits. */
export function clusterSource(
  config: IngestorConfig,
  services?: { discovery: DiscoveryService; auth: AuthService },
  options: Pick<ClusterConnectionsOptions, 'onUserTokenClusters'> & { xrdReads?: SharedXrdReads } = {},
): ClusterSource<ClusterConnection> {
  return {
    connections: () => createClusterConnections(config.clusters, services, options),
    read: (connections, signal, read) => readClusters(connections, config, signal, { xrdReads: options.xrdReads, followed: read?.followed }),
  };
}

/**
 * Watches a kind within the listing's namespace scope: exclusions go to the server as a field selector,
 * and events and re-lists (after a 410) outside the included namespaces are dropped here, so the
 * snapshot never holds an object the listing would not have read.
 */
export function kindWatcher(config: IngestorConfig, logger: LoggerService): KindWatcher<ClusterConnection> {
  const scope = namespaceScope(config.components);
  return (connection, source, handlers, signal, resourceVersion) => {
    const fieldSelector = source.namespaced ? scope.fieldSelector : undefined;
    return watchKind(connection, source, {
      signal,
      resourceVersion,
      fieldSelector,
      pageSize: config.clusters.pageSize,
      timeoutMs: config.clusters.requestTimeoutMs,
      // The snapshot holds what the sync's lists hold: the fields mapping reads.
      transform: mappedFields,
      onEvent: change => {
        if (inScope(scope, change.object)) handlers.onEvent(change.type, change.object);
        else handlers.onLive?.();
      },
      onResync: objects => handlers.onResync(objects.filter(o => inScope(scope, o))),
      onBookmark: () => handlers.onLive?.(),
      onError: error => {
        handlers.onFailure?.();
        logger.debug(`Watch of ${source.kind} in cluster ${connection.name} will reconnect: ${errorMessage(error)}`);
      },
    }).catch(error => {
      if (!signal.aborted) logger.warn(`Watch of ${source.kind} in cluster ${connection.name} stopped: ${errorMessage(error)}`);
    });
  };
}
