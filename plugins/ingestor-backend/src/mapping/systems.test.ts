import type { Entity } from '@backstage/catalog-model';
import { systemEntities } from './mapReading';
import { expectAllValid, refsOf, testSettings } from './testUtils';

function component(name: string, namespace: string, spec: Record<string, string>, cluster = 'prod'): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace, annotations: { 'kube-platform.io/cluster': cluster } },
    spec: { type: 'service', lifecycle: 'production', ...spec },
  };
}

const config = testSettings();

describe('systemEntities', () => {
  it('emits each referenced system once, owned by the most common member owner', async () => {
    const systems = systemEntities(
      [
        component('a', 'prod', { owner: 'group:default/b-team', system: 'system:prod/payments' }),
        component('b', 'prod', { owner: 'group:default/a-team', system: 'system:prod/payments' }),
        component('c', 'prod', { owner: 'group:default/b-team', system: 'payments' }),
        component('d', 'prod', { owner: 'group:default/x', system: 'system:prod/checkout' }),
      ],
      config,
    );
    expect(systems).toEqual([
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'System',
        metadata: {
          name: 'checkout',
          namespace: 'prod',
          annotations: {
            'backstage.io/managed-by-location': 'kubernetes-ingestor:cluster/prod',
            'backstage.io/managed-by-origin-location': 'kubernetes-ingestor:cluster/prod',
            'kube-platform.io/cluster': 'prod',
          },
        },
        spec: { owner: 'group:default/x' },
      },
      expect.objectContaining({ metadata: expect.objectContaining({ name: 'payments' }), spec: { owner: 'group:default/b-team' } }),
    ]);
    await expectAllValid(systems);
  });

  it('breaks owner ties alphabetically, whatever the input order', () => {
    const members = [
      component('a', 'prod', { owner: 'group:default/zeta', system: 'system:prod/s' }),
      component('b', 'prod', { owner: 'group:default/alpha', system: 'system:prod/s' }),
    ];
    expect(systemEntities(members, config)[0].spec!.owner).toBe('group:default/alpha');
    expect(systemEntities([...members].reverse(), config)[0].spec!.owner).toBe('group:default/alpha');
  });

  it('does not emit systems in another namespace, or ones that already exist', () => {
    const existing: Entity = { apiVersion: 'backstage.io/v1alpha1', kind: 'System', metadata: { name: 'known', namespace: 'prod' }, spec: { owner: 'x' } };
    const systems = systemEntities(
      [
        component('a', 'prod', { owner: 'group:default/x', system: 'system:default/shared' }),
        component('b', 'prod', { owner: 'group:default/x', system: 'known' }),
        component('c', 'prod', { owner: 'group:default/x', system: 'group:prod/not-a-system' }),
        component('d', 'prod', { owner: 'group:default/x' }),
        existing,
      ],
      config,
    );
    expect(systems).toEqual([]);
  });

  it('marks systems with members from several clusters as multi-cluster', async () => {
    const systems = systemEntities(
      [
        component('a', 'default', { owner: 'group:default/x', system: 'shop' }, 'prod'),
        component('b', 'default', { owner: 'group:default/x', system: 'shop' }, 'dev'),
      ],
      config,
    );
    expect(refsOf(systems)).toEqual(['system:default/shop']);
    expect(systems[0].metadata.annotations).toEqual({
      'backstage.io/managed-by-location': 'kubernetes-ingestor:systems',
      'backstage.io/managed-by-origin-location': 'kubernetes-ingestor:systems',
    });
    await expectAllValid(systems);
  });
});
