import type { Entity } from '@backstage/catalog-model';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import plugin from '../index';

/** The plugin in a test backend reading `kubeconfig` directly, with a catalog of `entities`. */
export function startResourcesBackend(opts: { kubeconfig: string; entities: Entity[]; permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY; maxNodes?: number }) {
  return startTestBackend({
    features: [
      plugin,
      mockServices.rootConfig.factory({
        data: { kubernetesResources: { clusters: { source: 'direct', kubeconfig: opts.kubeconfig }, tree: { maxNodes: opts.maxNodes ?? 1000, cacheTtlSeconds: 0 } } },
      }),
      catalogServiceMock.factory({ entities: opts.entities }),
      mockServices.permissions.factory({ result: opts.permission ?? AuthorizeResult.ALLOW }),
    ],
  });
}
