import { createFrontendPlugin } from '@backstage/frontend-plugin-api';

/**
 * The Kubernetes resources plugin for the new frontend system.
 *
 * @public
 */
export default createFrontendPlugin({
  pluginId: 'kubernetes-resources',
  extensions: [],
});
