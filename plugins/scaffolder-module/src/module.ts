import { createBackendModule } from '@backstage/backend-plugin-api';

/**
 * The scaffolder module that will carry the Kubernetes GitOps actions.
 *
 * @public
 */
export const scaffolderModuleKubernetesGitops = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'kubernetes-gitops',
  register(env) {
    env.registerInit({ deps: {}, async init() {} });
  },
});
