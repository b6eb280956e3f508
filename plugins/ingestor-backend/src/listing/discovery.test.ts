import { resolve } from 'node:path';
import { KubeSim } from '@internal/kube-sim';
import type { WorkloadKindConfig } from '../config/types';
import type { SourceKind } from '../types';
import { kindsOfXrd } from './crossplane';
import { connectionsFromKubeconfig } from '@kube-platform/plugin-kubernetes-node';
import { discoverKinds } from './discovery';

const DEMO = resolve(__dirname, '../../../../examples/cluster');

const OCTOPUS_CRD = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'octopodes.zoo.example.org' },
  spec: {
    group: 'zoo.example.org',
    scope: 'Namespaced',
    names: { kind: 'Octopus', plural: 'octopodes', singular: 'octopus', listKind: 'OctopusList' },
    versions: [
      { name: 'v1alpha1', served: true, storage: false, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } },
      { name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } },
    ],
  },
};

const workload = (group: string, kind: string, version?: string): WorkloadKindConfig => ({ group, kind, version, componentType: 'service' });
const byKind = (kinds: SourceKind[], kind: string) => kinds.find(k => k.kind === kind);

describe('discovery against the demo cluster', () => {
  let sim: KubeSim;
  beforeAll(async () => {
    sim = await KubeSim.start({ manifests: [DEMO] });
    sim.apply(OCTOPUS_CRD);
  });
  afterAll(() => sim.stop());

  const conn = () => connectionsFromKubeconfig({ yaml: sim.kubeconfig() })[0];

  it('resolves built-in kinds, a core kind as a custom workload, and an irregular CRD plural', async () => {
    const { kinds, unserved } = await discoverKinds(conn(), {
      workloadKinds: [workload('apps', 'Deployment'), workload('apps', 'StatefulSet'), workload('', 'ConfigMap'), workload('zoo.example.org', 'Octopus')],
      crossplane: false,
    });
    expect(unserved).toEqual([]);
    expect(byKind(kinds, 'Deployment')).toEqual({ group: 'apps', version: 'v1', kind: 'Deployment', plural: 'deployments', namespaced: true, role: 'workload', defaultType: 'service' });
    expect(byKind(kinds, 'StatefulSet')).toMatchObject({ plural: 'statefulsets', version: 'v1' });
    expect(byKind(kinds, 'ConfigMap')).toMatchObject({ group: '', version: 'v1', plural: 'configmaps', namespaced: true });
    expect(byKind(kinds, 'Octopus')).toMatchObject({ group: 'zoo.example.org', version: 'v1', plural: 'octopodes', namespaced: true });
  });

  it('uses a requested version when served, else the preferred one', async () => {
    const { kinds } = await discoverKinds(conn(), {
      workloadKinds: [workload('zoo.example.org', 'Octopus', 'v1alpha1'), workload('apps', 'Deployment', 'v1beta1')],
      crossplane: false,
    });
    expect(byKind(kinds, 'Octopus')?.version).toBe('v1alpha1');
    expect(byKind(kinds, 'Deployment')?.version).toBe('v1');
  });

  it('reports kinds the cluster does not serve as data, with the reason', async () => {
    const { kinds, unserved } = await discoverKinds(conn(), {
      workloadKinds: [workload('apps', 'Deployment'), workload('apps', 'Rollout'), workload('argoproj.io', 'Rollout'), workload('nope.example.org', 'Thing')],
      crossplane: false,
    });
    expect(kinds.map(k => k.kind)).toEqual(['Deployment']);
    expect(unserved).toEqual([
      expect.objectContaining({ group: 'apps', kind: 'Rollout', role: 'workload', reason: expect.stringContaining('not served in API group apps') }),
      expect.objectContaining({ group: 'argoproj.io', kind: 'Rollout', reason: expect.stringContaining('not served') }),
      expect.objectContaining({ group: 'nope.example.org', reason: 'API group nope.example.org is not served' }),
    ]);
  });

  it("derives claim and composite kinds from the cluster's XRDs", async () => {
    const { kinds, unserved } = await discoverKinds(conn(), { workloadKinds: [], crossplane: true });
    expect(unserved).toEqual([]);
    const summary = kinds.map(k => `${k.role} ${k.kind} ${k.group}/${k.version} ${k.plural} ${k.namespaced ? 'ns' : 'cluster'} ${k.defaultType} ${k.xrdName}`).sort();
    expect(summary).toEqual([
      'claim PostgreSQLInstance database.example.org/v1alpha1 postgresqlinstances ns crossplane-claim xpostgresqlinstances.database.example.org',
      'composite XApp platform.example.org/v1alpha1 xapps ns crossplane-xr xapps.platform.example.org',
      'composite XBucket storage.example.org/v1alpha1 xbuckets ns crossplane-xr xbuckets.storage.example.org',
      'composite XNetwork network.example.org/v1alpha1 xnetworks cluster crossplane-xr xnetworks.network.example.org',
    ]);
    expect(byKind(kinds, 'XPostgreSQLInstance')).toBeUndefined();
  });

  it('asks each discovery document once, however many kinds share it', async () => {
    const before = sim.requests.length;
    await discoverKinds(conn(), {
      workloadKinds: ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'].map(k => workload('apps', k)),
      crossplane: true,
    });
    const paths = sim.requests.slice(before).map(r => r.path);
    const counts = new Map<string, number>();
    for (const p of paths) counts.set(p, (counts.get(p) ?? 0) + 1);
    expect(counts.get('/apis')).toBe(1);
    expect(counts.get('/apis/apps/v1')).toBe(1);
    expect([...counts.entries()].filter(([p, n]) => !p.endsWith('/compositeresourcedefinitions') && n > 1)).toEqual([]);
  });
});

describe('discovery without Crossplane', () => {
  it('finds no Crossplane kinds and no error', async () => {
    const sim = await KubeSim.start({ crossplane: false });
    try {
      const [conn] = connectionsFromKubeconfig({ yaml: sim.kubeconfig() });
      const { kinds, unserved } = await discoverKinds(conn, { workloadKinds: [workload('apps', 'Deployment')], crossplane: true });
      expect(kinds.map(k => k.kind)).toEqual(['Deployment']);
      expect(unserved).toEqual([]);
    } finally {
      await sim.stop();
    }
  });

  it('throws when discovery itself cannot be read', async () => {
    const sim = await KubeSim.start();
    sim.faults.add({ path: '^/apis$', status: 403 });
    try {
      const [conn] = connectionsFromKubeconfig({ yaml: sim.kubeconfig() });
      await expect(discoverKinds(conn, { workloadKinds: [workload('apps', 'Deployment')], crossplane: false })).rejects.toThrow(/HTTP 403/);
    } finally {
      await sim.stop();
    }
  });
});

describe('kinds of one XRD', () => {
  const xrd = (spec: Record<string, unknown>) => ({
    metadata: { name: 'xthings.example.org' },
    spec: { group: 'example.org', names: { kind: 'XThing', plural: 'xthings' }, versions: [{ name: 'v1', served: true, referenceable: true }], ...spec },
  });

  it('treats an XRD read through v1 without a scope as legacy: claim only', () => {
    const { wanted } = kindsOfXrd(xrd({ claimNames: { kind: 'Thing', plural: 'things' } }), 'v1');
    expect(wanted.map(w => `${w.role} ${w.kind}`)).toEqual(['claim Thing']);
  });

  it('treats an XRD with claim names and no stated scope as legacy through v2 too', () => {
    const { wanted } = kindsOfXrd(xrd({ claimNames: { kind: 'Thing', plural: 'things' } }), 'v2');
    expect(wanted.map(w => `${w.role} ${w.kind}`)).toEqual(['claim Thing']);
  });

  it('defaults a v2 XRD to a Namespaced composite', () => {
    const { wanted } = kindsOfXrd(xrd({}), 'v2');
    expect(wanted).toEqual([expect.objectContaining({ role: 'composite', kind: 'XThing', version: 'v1', xrdName: 'xthings.example.org' })]);
  });

  it('reports an XRD without a group as unserved', () => {
    expect(kindsOfXrd({ metadata: { name: 'broken' }, spec: {} }, 'v2').unserved?.reason).toMatch(/broken/);
  });
});
