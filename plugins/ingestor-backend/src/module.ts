import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { readIngestorConfig } from './config/readConfig';
import { KubernetesEntityProvider } from './provider/KubernetesEntityProvider';
import { clusterSource, kindWatcher } from './provider/sources';

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
        const provider = new KubernetesEntityProvider({
          config: settings,
          logger,
          scheduler,
          clusters: clusterSource(settings, { discovery, auth }),
          watcher: kindWatcher(settings, logger),
        });
        catalog.addEntityProvider(provider);
        lifecycle.addShutdownHook(() => provider.stop());
      },
    });
  },
});
