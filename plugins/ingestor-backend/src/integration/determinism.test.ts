import { KubeSimFleet, type KubeObject, type KubeSim } from '@internal/kube-sim';
import { DEMO_CLUSTER } from './__testUtils__/fixtures';
import { firstDifference, KubeconfigFile, reverseContexts, startIngestor } from './__testUtils__/harness';

jest.setTimeout(90_000);

const reversed = <T>(record: Record<string, T> | undefined) => Object.fromEntries(Object.entries(record ?? {}).reverse());

/**
 * Rewrites an object the way controllers and clients do without changing what it means for the
 * catalog: new status, new managedFields, annotations and labels in another order. Returns the old
 * and new resourceVersion.
 */
function touch(sim: KubeSim, apiVersion: string, kind: string, name: string, ns: string | undefined, generation: number): [string?, string?] {
  const current = sim.get(apiVersion, kind, name, ns);
  if (!current) throw new Error(`${kind} ${ns}/${name} not found`);
  const next: KubeObject = {
    ...current,
    metadata: {
      ...current.metadata,
      annotations: reversed(current.metadata.annotations),
      labels: reversed(current.metadata.labels),
      managedFields: [{ manager: `controller-${generation}`, operation: 'Update', time: `2026-11-21T03:0${generation}:00Z` }],
    },
    status: { observedGeneration: generation, conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: `2026-11-21T03:0${generation}:00Z` }] },
  };
  const [stored] = sim.apply(next);
  return [current.metadata.resourceVersion, stored.metadata.resourceVersion];
}

describe('an unchanged cluster gives byte-identical full mutations', () => {
  let fleet: KubeSimFleet;
  let kubeconfig: KubeconfigFile;
  beforeAll(async () => {
    fleet = await KubeSimFleet.start(2, { manifests: [DEMO_CLUSTER] });
    kubeconfig = new KubeconfigFile(fleet.kubeconfig());
  });
  afterAll(async () => {
    kubeconfig.dispose();
    await fleet.stop();
  });

  it('stays byte-identical when only status, managedFields and key order change, and differs when a mapped field does', async () => {
    const ingestor = await startIngestor(kubeconfig.path);
    await ingestor.refresh();
    const [sim] = fleet.clusters;
    const touched = [
      touch(sim, 'apps/v1', 'Deployment', 'storefront', 'team-checkout', 1),
      touch(sim, 'apps/v1', 'Deployment', 'api', 'team-payments', 1),
      touch(sim, 'apps/v1', 'StatefulSet', 'kafka', 'team-data', 1),
      touch(sim, 'database.example.org/v1alpha1', 'PostgreSQLInstance', 'orders-db', 'team-checkout', 1),
      touch(sim, 'storage.example.org/v1alpha1', 'XBucket', 'raw-events', 'team-data', 1),
      touch(sim, 'network.example.org/v1alpha1', 'XNetwork', 'platform-eu-west-1', undefined, 1),
    ];
    // The objects really changed on the server: new resourceVersions.
    for (const [before, after] of touched) expect(after).not.toBe(before);
    await ingestor.refresh();

    const [first, second] = ingestor.connection.mutations;
    expect(first.type).toBe('full');
    expect(first.type === 'full' && first.entities.length).toBeGreaterThan(20);
    expect(firstDifference(JSON.stringify(second), JSON.stringify(first))).toBeUndefined();
    expect(JSON.stringify(first)).not.toMatch(/resourceVersion|managedFields|creationTimestamp|observedGeneration|"uid"/);

    // A change the catalog shows must show: the comparison above is not vacuous.
    const storefront = sim.get('apps/v1', 'Deployment', 'storefront', 'team-checkout');
    if (!storefront) throw new Error('storefront not found');
    sim.apply({ ...storefront, metadata: { ...storefront.metadata, annotations: { ...storefront.metadata.annotations, 'kube-platform.io/title': 'Shop' } } });
    await ingestor.refresh();
    const third = ingestor.connection.mutations[2];
    expect(JSON.stringify(third)).not.toBe(JSON.stringify(first));
    expect(JSON.stringify(third).length - JSON.stringify(first).length).toBe('Shop'.length - 'Web storefront'.length);
  });

  it('does not depend on the order of the kubeconfig’s contexts', async () => {
    const a = await startIngestor(kubeconfig.path);
    await a.refresh();
    const reordered = new KubeconfigFile(reverseContexts(fleet.kubeconfig()));
    try {
      const b = await startIngestor(reordered.path);
      await b.refresh();
      expect(firstDifference(JSON.stringify(b.connection.mutations[0]), JSON.stringify(a.connection.mutations[0]))).toBeUndefined();
    } finally {
      reordered.dispose();
    }
  });
});
