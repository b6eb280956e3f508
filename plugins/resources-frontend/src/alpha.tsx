import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isResourcesAvailable } from './annotations';
import { KubernetesResourcesClient, kubernetesResourcesApiRef } from './api';

/** The client of the resources backend, called as the signed-in user. */
const kubernetesResourcesApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: kubernetesResourcesApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) => new KubernetesResourcesClient({ discoveryApi, fetchApi }),
    }),
});

/** The "Resources" tab on entities that carry the ingestor's root-object annotations. */
const kubernetesResourcesEntityContent = EntityContentBlueprint.make({
  params: {
    path: 'resources',
    title: 'Resources',
    filter: isResourcesAvailable,
    loader: () =>
      import('./components/EntityKubernetesResourcesContent').then(m => (
        <m.EntityKubernetesResourcesContent />
      )),
  },
});

/**
 * The Kubernetes resources plugin for the new frontend system: an entity tab with the resource graph
 * and its API. Discovered automatically when the package is a dependency of the app.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'kubernetes-resources',
  extensions: [kubernetesResourcesApi, kubernetesResourcesEntityContent],
});

export { kubernetesResourcesApiRef } from './api';
