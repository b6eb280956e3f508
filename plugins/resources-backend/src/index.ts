/**
 * The resources backend plugin: an entity's live Kubernetes and Crossplane resource tree with status
 * and root cause, authorised as the calling user.
 *
 * @packageDocumentation
 */
export { kubernetesResourcesPlugin as default } from './plugin';
