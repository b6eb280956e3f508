export { kubernetesResourcesApiRef } from './KubernetesResourcesApi';
export type { KubernetesResourcesApi, NodeViewResponse } from './KubernetesResourcesApi';
export { KubernetesResourcesClient } from './KubernetesResourcesClient';
export { NotAllowedError, ResourcesApiError } from './errors';
