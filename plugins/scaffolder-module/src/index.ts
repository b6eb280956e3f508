/**
 * Scaffolder backend module for Kubernetes GitOps: render a validated, minimal manifest, then open a
 * GitHub pull request with it (or push it as a branch to any git remote).
 *
 * @packageDocumentation
 */
export { scaffolderModuleKubernetesGitops as default } from './module';
export { scaffolderModuleKubernetesGitops } from './module';
export {
  createRenderManifestAction,
  createPullRequestAction,
  createGitPushAction,
  RENDER_MANIFEST_ACTION_ID,
  PULL_REQUEST_ACTION_ID,
  GIT_PUSH_ACTION_ID,
} from './actions';
export type { PullRequestActionOptions } from './actions';
export { createGithubClientFactory } from './gitops/githubClient';
export type {
  GithubClient,
  GithubClientFactory,
  GithubClientFactoryOptions,
  GithubClientRequest,
} from './gitops/githubClient';
export type { RetryPolicy } from './gitops/retry';
export { createConfigCrdSchemaSource, createCrdSchemaSource, createProxyCrdSchemaSource } from './cluster/crdSchemaSource';
export type { CrdSchema, CrdSchemaSource, SchemaRef } from './cluster/crdSchemaSource';
export { GITOPS_ANNOTATIONS } from './manifest';
export type { KubeSchema } from './manifest';
