export { createRenderManifestAction, RENDER_MANIFEST_ACTION_ID } from './renderManifest';
export { createPullRequestAction, PULL_REQUEST_ACTION_ID } from './pullRequest';
export type { PullRequestActionOptions } from './pullRequest';
export { createGitPushAction, GIT_PUSH_ACTION_ID } from './gitPush';
