import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { ServedKind } from '../cluster/types';
import { memoryReader } from '../__testUtils__/memoryReader';
import { entityFor } from '../integration/fixtures';
import { ResourcesService } from './ResourcesService';

const CM: ServedKind = { apiVersion: 'v1', kind: 'ConfigMap', plural: 'configmaps', namespaced: true };

const settingsEntity = entityFor('settings', { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'shop', name: 'settings' });

function setup(decide: () => AuthorizeResult.ALLOW | AuthorizeResult.DENY, entities = [settingsEntity]) {
  const { reader, stats } = memoryReader([CM], [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'shop' } }]);
  const opened: string[] = [];
  const service = new ResourcesService({
    catalog: catalogServiceMock({ entities }),
    permissions: mockServices.permissions.mock({ authorize: async () => [{ result: decide() }] }),
    access: {
      async reader(cluster) {
        opened.push(cluster);
        return cluster === 'kube-sim' ? reader : undefined;
      },
    },
    settings: { maxNodes: 10, concurrency: 2, cacheTtlMs: 60_000 },
    logger: mockServices.logger.mock(),
  });
  return { service, stats, opened };
}

describe('ResourcesService', () => {
  it('caches a tree per caller and entity, and checks the permission on every request, cached or not', async () => {
    let result = AuthorizeResult.ALLOW as AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    const { service, stats } = setup(() => result);
    const alice = { credentials: mockCredentials.user('user:default/alice') };
    const bob = { credentials: mockCredentials.user('user:default/bob') };
    await service.tree('resource:default/settings', alice);
    await service.tree('resource:default/settings', alice);
    expect(stats.gets).toBe(1);
    await service.tree('resource:default/settings', bob);
    expect(stats.gets).toBe(2);
    await service.tree('resource:default/settings', { ...alice, clusterAuthHeaders: { 'backstage-kubernetes-authorization-oidc-okta': 'x' } });
    expect(stats.gets).toBe(3);
    result = AuthorizeResult.DENY;
    await expect(service.tree('resource:default/settings', alice)).rejects.toThrow(/not allowed/);
  });

  it('names the entity and cluster when the cluster is not configured', async () => {
    const ghost = entityFor('ghost', { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'shop', name: 'settings' }, 'elsewhere');
    const { service } = setup(() => AuthorizeResult.ALLOW, [ghost]);
    await expect(service.tree('resource:default/ghost', { credentials: mockCredentials.user() })).rejects.toThrow(
      'cluster elsewhere of resource:default/ghost is not configured for the resources backend',
    );
  });

  it('refuses unknown views and malformed node ids before reading anything', async () => {
    const { service, opened } = setup(() => AuthorizeResult.ALLOW);
    const caller = { credentials: mockCredentials.user() };
    await expect(service.node('resource:default/settings', 'nabc', 'secrets', caller)).rejects.toThrow(/view must be one of yaml, events, logs/);
    await expect(service.node('resource:default/settings', 'v1/Secret/x', 'yaml', caller)).rejects.toThrow(/not a node id/);
    expect(opened).toEqual([]);
  });
});
