import { stringifyEntityRef } from '@backstage/catalog-model';
import { deployment, reading, testSettings, workloadKind } from '../mapping/testUtils';
import { emitEntities, type ClusterMappingCache, type EmissionMemo } from './emit';
import { ClusterSnapshots } from './snapshots';

/** One service, `api` in namespace `shop`, deployed to three clusters; `owners` overrides per cluster. */
function snapshots(owners: Record<string, string> = {}): ClusterSnapshots {
  const s = new ClusterSnapshots();
  for (const cluster of ['prod-us', 'prod-eu', 'staging']) {
    const owner = owners[cluster] ? { 'kube-platform.io/owner': owners[cluster] } : {};
    s.applyReading(reading(cluster, [{ source: workloadKind(), objects: [deployment('api', 'shop', owner)] }]));
  }
  return s;
}

// Name and namespace models that leave the cluster out: the only way two clusters meet on one ref.
const config = testSettings({ mappings: { namespaceModel: 'namespace', nameModel: 'name', systemModel: 'none' } });

describe('emitEntities across clusters', () => {
  it('emits one entity for a service deployed to three clusters, listing them, without a cluster pin', () => {
    const { entities, refs, warnings } = emitEntities(snapshots(), config);
    expect(refs).toEqual(entities.map(e => stringifyEntityRef(e)));
    const components = entities.filter(e => e.kind === 'Component');
    expect(components.map(e => stringifyEntityRef(e))).toEqual(['component:shop/api']);
    const annotations = components[0].metadata.annotations ?? {};
    expect(annotations['kube-platform.io/clusters']).toBe('prod-eu,prod-us,staging');
    expect(annotations['kube-platform.io/cluster']).toBe('prod-eu');
    expect(annotations['backstage.io/kubernetes-cluster']).toBeUndefined();
    expect(annotations['backstage.io/kubernetes-id']).toBeDefined();
    expect(components[0].metadata.description).toBe('Deployment shop/api in clusters prod-eu, prod-us, staging');
    expect(warnings).toEqual([]);
  });

  it('keeps the first cluster (by name) when the clusters disagree, and says so', () => {
    const { entities, warnings } = emitEntities(snapshots({ staging: 'group:default/qa' }), config);
    const [api] = entities.filter(e => e.kind === 'Component');
    expect(api.spec?.owner).toBe('group:default/platform');
    expect(warnings).toEqual([
      {
        cluster: 'staging',
        object: 'component:shop/api',
        message: expect.stringContaining('also produced by cluster prod-eu, differently'),
      },
    ]);
  });

  it('leaves entities of one cluster alone under the default models', () => {
    const { entities } = emitEntities(snapshots(), testSettings({ mappings: { systemModel: 'none' } }));
    expect(entities.map(e => stringifyEntityRef(e)).sort()).toEqual(['component:prod-eu/api.shop', 'component:prod-us/api.shop', 'component:staging/api.shop']);
    expect(entities.every(e => e.metadata.annotations?.['kube-platform.io/clusters'] === undefined)).toBe(true);
  });

  it('gives each entity its ref, in the same order, Systems included', () => {
    const { entities, refs } = emitEntities(snapshots(), testSettings());
    expect(refs).toEqual(entities.map(e => stringifyEntityRef(e)));
    expect(refs.filter(r => r.startsWith('system:'))).toHaveLength(3);
  });

  it('reuses the last emission while no cluster changed, and makes a new one (as a fresh one) when one did', () => {
    const s = snapshots();
    const apiNames = new Map<string, string>();
    const caches = new Map<string, ClusterMappingCache>();
    const memo: EmissionMemo = {};
    const first = emitEntities(s, config, apiNames, caches, memo);
    expect(emitEntities(s, config, apiNames, caches, memo)).toBe(first);

    s.applyEvent('staging', workloadKind(), 'MODIFIED', deployment('api', 'shop', { 'kube-platform.io/owner': 'group:default/qa' }));
    const second = emitEntities(s, config, apiNames, caches, memo);
    expect(second).not.toBe(first);
    expect(second.warnings).toHaveLength(1);
    expect(second).toEqual(emitEntities(s, config));
    // Other settings are another emission, even over the same snapshots.
    expect(emitEntities(s, testSettings(), apiNames, caches, memo)).not.toBe(second);
  });
});
