import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { KubeSim } from '@internal/kube-sim';
import type { CycleSummary } from '../provider/summary';
import { DEMO_CLUSTER } from './__testUtils__/fixtures';
import { expectAllValid, expectUniqueRefs, fromSource, KubeconfigFile, refsOf, sourceOf, startIngestor, type Ingestor } from './__testUtils__/harness';

jest.setTimeout(60_000);

describe('the demo cluster (examples/cluster)', () => {
  let sim: KubeSim;
  let kubeconfig: KubeconfigFile;
  let ingestor: Ingestor;
  let entities: Entity[];
  const only = (want: Parameters<typeof fromSource>[1]) => {
    const found = fromSource(entities, want);
    expect(found).toHaveLength(1);
    return found[0];
  };

  let summary: CycleSummary;

  beforeAll(async () => {
    sim = await KubeSim.start({ manifests: [DEMO_CLUSTER] });
    kubeconfig = new KubeconfigFile(sim.kubeconfig());
    ingestor = await startIngestor(kubeconfig.path);
    summary = await ingestor.refresh();
    entities = ingestor.full();
  });
  afterAll(async () => {
    kubeconfig.dispose();
    await sim.stop();
  });

  it('reads the whole demo cluster: every kind listed, nothing failed', () => {
    expect(sim.seedReport.errors).toEqual([]);
    expect(summary.clustersOk).toEqual(['kube-sim']);
    expect(summary.kindsFailed).toEqual([]);
    expect(summary.skippedByReason).toEqual({ 'composed-by-parent': 2 });
  });

  it('emits only entities Backstage accepts, each ref once, without warnings', async () => {
    await expectAllValid(entities);
    expectUniqueRefs(entities);
    expect(ingestor.warnings()).toEqual([]);
  });

  it('gives the two Deployments named api two different Components', () => {
    const apis = fromSource(entities, { kind: 'Deployment', name: 'api' });
    expect(apis.map(e => [sourceOf(e).namespace, stringifyEntityRef(e), e.kind]).sort()).toEqual([
      ['team-checkout', 'component:kube-sim/api.team-checkout', 'Component'],
      ['team-payments', 'component:kube-sim/api.team-payments', 'Component'],
    ]);
    expect(apis.map(e => e.metadata.title).sort()).toEqual(['Checkout API', 'Payments API']);
  });

  it('emits the claims as crossplane-claim Components and not the XRs bound to them', () => {
    for (const [ns, name] of [['team-checkout', 'orders-db'], ['team-payments', 'payments-db'], ['team-data', 'analytics-db']]) {
      const claim = only({ kind: 'PostgreSQLInstance', namespace: ns, name });
      expect(claim.kind).toBe('Component');
      expect(claim.spec?.type).toBe('crossplane-claim');
      expect(claim.metadata.annotations?.['kube-platform.io/xrd']).toBe('xpostgresqlinstances.database.example.org');
    }
    expect(fromSource(entities, { kind: 'XPostgreSQLInstance' })).toEqual([]);
  });

  it('emits the v2 XRs as crossplane-xr Components, namespaced and cluster-scoped', () => {
    const bucket = only({ kind: 'XBucket', namespace: 'team-data', name: 'raw-events' });
    const network = only({ kind: 'XNetwork', name: 'platform-eu-west-1' });
    expect(sourceOf(network).namespace).toBeUndefined();
    for (const xr of [bucket, network]) {
      expect(xr.kind).toBe('Component');
      expect(xr.spec?.type).toBe('crossplane-xr');
    }
    expect(stringifyEntityRef(network)).toBe('component:kube-sim/platform-eu-west-1');
  });

  it('leaves what a parent composite composed to the parent’s graph', () => {
    expect(fromSource(entities, { kind: 'XBucket', name: 'receipts-k2v9r' })).toEqual([]);
    expect(fromSource(entities, { kind: 'Deployment', name: 'receipts' })).toEqual([]);
    expect(only({ kind: 'XApp', name: 'receipts' }).metadata.title).toBe('Receipts service');
  });

  it('emits a System for every team and every system a Component names', () => {
    const systems = refsOf(entities.filter(e => e.kind === 'System'));
    expect(systems).toEqual(expect.arrayContaining(['system:kube-sim/analytics', 'system:kube-sim/checkout', 'system:kube-sim/developer-platform', 'system:kube-sim/payments']));
    for (const ns of ['team-payments', 'team-checkout', 'team-data', 'team-platform']) {
      expect(fromSource(entities, { namespace: ns }).length).toBeGreaterThan(0);
      for (const e of fromSource(entities, { namespace: ns })) expect(systems).toContain(e.spec?.system);
    }
    const named = new Set(entities.map(e => e.spec?.system).filter((s): s is string => typeof s === 'string'));
    expect([...named].filter(s => !systems.includes(s))).toEqual([]);
  });

  it('resolves dependsOn between objects to the entities they became', () => {
    const refs = new Set(refsOf(entities));
    const dangling = entities.flatMap(e => ((e.spec?.dependsOn ?? []) as string[]).filter(r => !refs.has(r)).map(r => `${stringifyEntityRef(e)} -> ${r}`));
    expect(dangling).toEqual([]);
    expect(only({ kind: 'Deployment', namespace: 'team-checkout', name: 'api' }).spec?.dependsOn).toEqual([
      'component:kube-sim/orders-db.team-checkout',
      'component:kube-sim/api.team-payments',
    ]);
  });

  it('emits nothing from kube-system', () => {
    const fromSystem = entities.filter(e => sourceOf(e).namespace === 'kube-system' || /coredns|kube-proxy/.test(JSON.stringify(e)));
    expect(fromSystem).toEqual([]);
  });

  it('does not copy kubectl’s last-applied-configuration onto storefront', () => {
    const storefront = only({ kind: 'Deployment', namespace: 'team-checkout', name: 'storefront' });
    expect(Object.keys(storefront.metadata.annotations ?? {})).not.toContain('kubectl.kubernetes.io/last-applied-configuration');
    expect(JSON.stringify(entities)).not.toContain('last-applied');
    expect(storefront.metadata.title).toBe('Web storefront');
  });
});
