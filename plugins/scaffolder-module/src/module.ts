import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createGitPushAction, createPullRequestAction, createRenderManifestAction } from './actions';
import { createProxyCrdSchemaSource } from './cluster/crdSchemaSource';
import { createGithubClientFactory } from './gitops/githubClient';

/**
 * Registers `kubernetes:manifest:render`, `kubernetes:gitops:pull-request` and
 * `kubernetes:gitops:push` with the scaffolder.
 *
 * @public
 */
export const scaffolderModuleKubernetesGitops = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'kubernetes-gitops',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
      },
      async init({ scaffolder, config, discovery, auth }) {
        const integrations = ScmIntegrations.fromConfig(config);
        scaffolder.addActions(
          createRenderManifestAction({ schemaSource: createProxyCrdSchemaSource({ discovery, auth }) }),
          createPullRequestAction({
            integrations,
            clientFactory: createGithubClientFactory({ integrations }),
            config,
          }),
          createGitPushAction({ config }),
        );
      },
    });
  },
});
