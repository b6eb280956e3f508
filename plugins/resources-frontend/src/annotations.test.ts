import type { Entity } from '@backstage/catalog-model';
import { isResourcesAvailable } from './annotations';

const entity = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'orders-db', annotations },
});

describe('isResourcesAvailable', () => {
  const all = {
    'kube-platform.io/cluster': 'demo',
    'kube-platform.io/source-kind': 'PostgreSQLInstance',
    'kube-platform.io/source-name': 'orders-db',
  };

  it('needs the cluster, kind and name annotations', () => {
    expect(isResourcesAvailable(entity(all))).toBe(true);
    expect(isResourcesAvailable(entity({ ...all, 'kube-platform.io/source-name': '' }))).toBe(false);
    const { 'kube-platform.io/cluster': _cluster, ...noCluster } = all;
    expect(isResourcesAvailable(entity(noCluster))).toBe(false);
    expect(isResourcesAvailable({ ...entity({}), metadata: { name: 'x' } })).toBe(false);
  });
});
