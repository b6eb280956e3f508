import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { DemoPermissionPolicy } from './demoPolicy';

/** Installs {@link DemoPermissionPolicy}; the denied groups come from `demo.permissions.deniedGroups`. */
export const demoPermissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'demo-policy',
  register(reg) {
    reg.registerInit({
      deps: { config: coreServices.rootConfig, auth: coreServices.auth, userInfo: coreServices.userInfo, policy: policyExtensionPoint },
      async init({ config, auth, userInfo, policy }) {
        const denied = config.getOptionalStringArray('demo.permissions.deniedGroups') ?? [];
        policy.setPolicy(
          new DemoPermissionPolicy(denied, async credentials =>
            auth.isPrincipal(credentials, 'user') ? (await userInfo.getUserInfo(credentials)).ownershipEntityRefs : [],
          ),
        );
      },
    });
  },
});
