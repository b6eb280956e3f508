/**
 * Scaffolder backend module for Kubernetes GitOps: its actions (render a validated manifest, open a
 * pull request) arrive with their own issue; until then the module registers nothing.
 *
 * @packageDocumentation
 */
export { scaffolderModuleKubernetesGitops as default } from './module';
