import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { KubernetesResourcesClient, kubernetesResourcesApiRef } from './api';

/**
 * The Kubernetes resources plugin for the legacy frontend system (it registers the API client).
 *
 * @public
 */
export const kubernetesResourcesPlugin = createPlugin({
  id: 'kubernetes-resources',
  apis: [
    createApiFactory({
      api: kubernetesResourcesApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) => new KubernetesResourcesClient({ discoveryApi, fetchApi }),
    }),
  ],
});

/**
 * The Resources tab content for the legacy entity page; route it under `isResourcesAvailable`.
 *
 * @public
 */
export const EntityKubernetesResourcesContent = kubernetesResourcesPlugin.provide(
  createComponentExtension({
    name: 'EntityKubernetesResourcesContent',
    component: {
      lazy: () =>
        import('./components/EntityKubernetesResourcesContent').then(m => m.EntityKubernetesResourcesContent),
    },
  }),
);
