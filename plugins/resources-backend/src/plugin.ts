import { coreServices, createBackendPlugin } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { RESOURCES_PLUGIN_ID, kubernetesResourcesPermissions } from '@kube-platform/plugin-kubernetes-common';
import { registerResourceTreeAction } from './actions/resourceTreeAction';
import { createClusterAccess } from './cluster/nodeAccess';
import { readResourcesConfig } from './config/readConfig';
import { createRouter } from './router';
import { ResourcesService } from './service/ResourcesService';

/**
 * The resources backend: an entity's live resource tree, node YAML and events at
 * `/api/kubernetes-resources/v1/...`, and the `get-resource-tree` action, all authorised as the caller.
 *
 * @public
 */
export const kubernetesResourcesPlugin = createBackendPlugin({
  pluginId: RESOURCES_PLUGIN_ID,
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init({ config, logger, httpRouter, httpAuth, auth, discovery, permissions, permissionsRegistry, catalog, actionsRegistry }) {
        const settings = readResourcesConfig(config);
        const service = new ResourcesService({
          catalog,
          permissions,
          access: createClusterAccess(settings.clusters, { discovery, auth }),
          settings: settings.tree,
          logger,
        });
        permissionsRegistry.addPermissions(kubernetesResourcesPermissions);
        registerResourceTreeAction(actionsRegistry, service);
        httpRouter.use(createRouter({ httpAuth, service }));
      },
    });
  },
});
