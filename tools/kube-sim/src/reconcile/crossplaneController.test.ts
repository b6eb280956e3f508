import { join } from 'node:path';
import { KubeSim } from '../kubeSim';
import type { KubeObject } from '../types';
import { CrossplaneController } from './crossplaneController';

const DEMO = join(__dirname, '../../../../examples/cluster');

describe('CrossplaneController (kube-sim plays Crossplane)', () => {
  let sim: KubeSim;
  let now: number;
  let controller: CrossplaneController;

  beforeAll(async () => {
    sim = await KubeSim.start({ manifests: [DEMO] });
  });
  afterAll(() => sim.stop());
  beforeEach(() => {
    now = 1_000_000;
    controller = new CrossplaneController(sim, { readyAfterMs: 3000, now: () => now });
  });

  const ready = (o: KubeObject | undefined) =>
    ((o?.status as { conditions?: Array<{ type: string; status: string }> })?.conditions ?? []).find(c => c.type === 'Ready')?.status;

  it('binds a new claim to a composite, composes its resources from the Composition, and makes all Ready later', () => {
    sim.apply({
      apiVersion: 'database.example.org/v1alpha1',
      kind: 'PostgreSQLInstance',
      metadata: { name: 'new-db', namespace: 'team-data', annotations: { 'kube-platform.io/owner': 'group:default/data' } },
      spec: { parameters: { region: 'eu-central-1', size: 'small', networkRef: { id: 'platform-eu-west-1' } } },
    });
    controller.reconcile();

    const claim = sim.get('database.example.org/v1alpha1', 'PostgreSQLInstance', 'new-db', 'team-data')!;
    const ref = (claim.spec as { resourceRef: { kind: string; name: string } }).resourceRef;
    expect(ref.kind).toBe('XPostgreSQLInstance');
    expect(ref.name).toMatch(/^new-db-[a-z0-9]{5}$/);
    const xr = sim.get('database.example.org/v1alpha1', 'XPostgreSQLInstance', ref.name)!;
    expect(xr.spec).toMatchObject({
      parameters: { region: 'eu-central-1' },
      claimRef: { kind: 'PostgreSQLInstance', name: 'new-db', namespace: 'team-data' },
      compositionRef: { name: 'xpostgresqlinstances.aws.database.example.org' },
    });
    expect(xr.metadata.labels).toMatchObject({ 'crossplane.io/claim-name': 'new-db', 'crossplane.io/claim-namespace': 'team-data' });

    const refs = (xr.spec as { resourceRefs: Array<{ apiVersion: string; kind: string; name: string }> }).resourceRefs;
    expect(refs.map(r => r.kind).sort()).toEqual(['Instance', 'Object', 'SecurityGroup', 'SubnetGroup']);
    const sg = sim.get(refs.find(r => r.kind === 'SecurityGroup')!.apiVersion, 'SecurityGroup', refs.find(r => r.kind === 'SecurityGroup')!.name)!;
    expect(sg.metadata.name).toMatch(new RegExp(`^${ref.name}-[a-z0-9]{5}$`));
    expect(sg.metadata.labels).toMatchObject({ 'crossplane.io/composite': ref.name, 'crossplane.io/claim-name': 'new-db' });
    expect(sg.metadata.annotations).toMatchObject({ 'crossplane.io/composition-resource-name': 'security-group' });
    expect(sg.metadata.ownerReferences).toEqual([expect.objectContaining({ kind: 'XPostgreSQLInstance', name: ref.name, uid: xr.metadata.uid, controller: true })]);
    // Patches from the composite: a field path, and a combined string into a bracketed key.
    expect(sg.spec).toMatchObject({ forProvider: { region: 'eu-central-1', tags: { 'platform.example.org/claim': 'team-data/new-db' } } });

    expect(ready(claim)).toBe('False');
    expect(ready(xr)).toBe('False');
    now += 2999;
    controller.reconcile();
    expect(ready(sim.get('database.example.org/v1alpha1', 'XPostgreSQLInstance', ref.name))).toBe('False');
    now += 1;
    controller.reconcile();
    expect(ready(sim.get('database.example.org/v1alpha1', 'XPostgreSQLInstance', ref.name))).toBe('True');
    expect(ready(sim.get('database.example.org/v1alpha1', 'PostgreSQLInstance', 'new-db', 'team-data'))).toBe('True');
    expect(ready(sim.get(sg.apiVersion!, 'SecurityGroup', String(sg.metadata.name)))).toBe('True');
  });

  it('composes a namespaced v2 composite into its own namespace, references under spec.crossplane', () => {
    sim.apply({
      apiVersion: 'storage.example.org/v1alpha1',
      kind: 'XBucket',
      metadata: { name: 'fresh', namespace: 'team-data' },
      spec: { region: 'us-east-1', forceDestroy: true },
    });
    controller.reconcile();
    const xr = sim.get('storage.example.org/v1alpha1', 'XBucket', 'fresh', 'team-data')!;
    const refs = (xr.spec as { crossplane: { resourceRefs: Array<{ kind: string; name: string }> } }).crossplane.resourceRefs;
    expect(refs.map(r => r.kind).sort()).toEqual(['Bucket', 'BucketVersioning']);
    const bucket = sim.get('s3.aws.m.upbound.io/v1beta1', 'Bucket', refs.find(r => r.kind === 'Bucket')!.name, 'team-data')!;
    expect(bucket.spec).toMatchObject({ forProvider: { region: 'us-east-1', forceDestroy: true } });
    expect(bucket.metadata.annotations).toMatchObject({ 'crossplane.io/external-name': 'acme-team-data-fresh' });
  });

  it('leaves the seeded claims and composites, which already carry references, untouched', () => {
    const before = sim.get('database.example.org/v1alpha1', 'PostgreSQLInstance', 'orders-db', 'team-checkout')!;
    const xrBefore = sim.get('storage.example.org/v1alpha1', 'XBucket', 'raw-events', 'team-data')!;
    controller.reconcile();
    now += 10_000;
    controller.reconcile();
    expect(sim.get('database.example.org/v1alpha1', 'PostgreSQLInstance', 'orders-db', 'team-checkout')!.metadata.resourceVersion).toBe(before.metadata.resourceVersion);
    expect(sim.get('storage.example.org/v1alpha1', 'XBucket', 'raw-events', 'team-data')!.metadata.resourceVersion).toBe(xrBefore.metadata.resourceVersion);
    expect(ready(before)).toBe('False');
  });
});
