export { kubernetesResourcesApiRef } from './KubernetesResourcesApi';
export type { KubernetesResourcesApi, NodeDetailsOptions, NodeViewResponse } from './KubernetesResourcesApi';
export { KubernetesResourcesClient } from './KubernetesResourcesClient';
export { NotAllowedError, ResourcesApiError } from './errors';
