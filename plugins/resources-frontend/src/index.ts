/**
 * The Resources entity tab: a claim's (or workload's) live resource graph with the root cause named,
 * a table, and a drawer with conditions, YAML and events. The new frontend system's plugin is the
 * default export of `./alpha`; this entry point serves legacy apps.
 *
 * @packageDocumentation
 */
export { kubernetesResourcesPlugin, EntityKubernetesResourcesContent } from './plugin';
export { isResourcesAvailable } from './annotations';
export {
  kubernetesResourcesApiRef,
  KubernetesResourcesClient,
  NotAllowedError,
  ResourcesApiError,
} from './api';
export type { KubernetesResourcesApi, NodeDetailsOptions, NodeViewResponse } from './api';
