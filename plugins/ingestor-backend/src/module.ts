import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import type { ProxyCluster } from '@kube-platform/plugin-kubernetes-node';
import { readIngestorConfig } from './config/readConfig';
import { createClusterConnections, userTokenClustersWarning } from './cluster';
import { readDefinitions } from './provider/definitions';
import { KubernetesEntityProvider } from './provider/KubernetesEntityProvider';
import { KubernetesTemplateProvider } from './provider/KubernetesTemplateProvider';
import { cachedTypesGenerator } from './templates';
import { clusterSource, kindWatcher } from './provider/sources';
import { warnOnceWith } from './provider/scheduling';
import { SharedXrdReads } from './listing';

/**
 * Catalog module that ingests workloads and Crossplane claims and composites from every configured
 * cluster. Install with `backend.add(import('@kube-platform/plugin-catalog-backend-module-kubernetes-ingestor'))`.
 *
 * @public
 */
export const catalogModuleKubernetesIngestor = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'kubernetes-ingestor',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        lifecycle: coreServices.lifecycle,
      },
      async init({ catalog, config, logger, scheduler, discovery, auth, lifecycle }) {
        // Read once at startup: a wrong value stops the backend with an error naming the key.
        const settings = readIngestorConfig(config);
        // Both providers meet the same unreadable clusters every cycle: one warning per process says so.
        const warnOnce = warnOnceWith(logger);
        const onUserTokenClusters = (clusters: ProxyCluster[]) => warnOnce(userTokenClustersWarning(clusters));
        // Both providers need each cluster's XRDs; their cycles start together and share one read.
        const xrdReads = new SharedXrdReads();
        const provider = new KubernetesEntityProvider({
          config: settings,
          logger,
          scheduler,
          clusters: clusterSource(settings, { discovery, auth }, { onUserTokenClusters, xrdReads }),
          watcher: kindWatcher(settings, logger),
          // Watches keep their kinds current: a sync lists only what no live watch follows (unless configured off).
          followWatchedKinds: settings.watch.followKinds,
        });
        catalog.addEntityProvider(provider);
        lifecycle.addShutdownHook(() => provider.stop());
        if (settings.templates.enabled) {
          catalog.addEntityProvider(
            new KubernetesTemplateProvider({
              config: settings,
              logger,
              scheduler,
              connections: () => createClusterConnections(settings.clusters, { discovery, auth }, { onUserTokenClusters }),
              read: (conn, signal) => readDefinitions(conn, settings, signal, xrdReads),
              // Generating types is the slow part; definitions rarely change between runs.
              typesGenerator: cachedTypesGenerator(),
            }),
          );
        }
      },
    });
  },
});
