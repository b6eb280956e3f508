import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { KubeSim, KubeSimFleet } from '.';
import { call } from './conformance/http';

describe('seeding', () => {
  it('loads the demo cluster with no errors', async () => {
    const sim = await KubeSim.start({ tls: false, manifests: [resolve(__dirname, '../../../examples/cluster')] });
    try {
      expect(sim.seedReport.errors).toEqual([]);
      expect(sim.seedReport.applied).toBeGreaterThan(90);
      const claims = sim.list('database.example.org/v1alpha1', 'PostgreSQLInstance');
      const failing = claims.find(c => c.metadata.name === 'orders-db')!;
      // Status is kept as written, standing in for the controllers.
      const ready = (failing.status as { conditions: Array<{ type: string; status: string }> }).conditions.find(c => c.type === 'Ready');
      expect(ready?.status).toBe('False');
      expect(sim.list('apps/v1', 'Deployment').filter(d => d.metadata.name === 'api').map(d => d.metadata.namespace)).toEqual(['team-checkout', 'team-payments']);
    } finally {
      await sim.stop();
    }
  });

  it('applies definitions and namespaces before the objects that need them, updates what exists, and reports bad objects by file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seed-'));
    writeFileSync(join(dir, 'a-instances.yaml'), [
      'apiVersion: example.org/v1\nkind: Thing\nmetadata: {name: t1, namespace: late}\nspec: {size: 1}\nstatus: {ready: true}',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: Bad_Name, namespace: late}',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg, namespace: late}\ndata: {v: "1"}',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg, namespace: late}\ndata: {v: "2"}',
    ].join('\n---\n'));
    writeFileSync(join(dir, 'b-namespace.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata: {name: late}\n');
    writeFileSync(join(dir, 'c-crd.yaml'), [
      'apiVersion: apiextensions.k8s.io/v1',
      'kind: CustomResourceDefinition',
      'metadata: {name: things.example.org}',
      'spec:',
      '  group: example.org',
      '  scope: Namespaced',
      '  names: {plural: things, kind: Thing}',
      '  versions: [{name: v1, served: true, storage: true, subresources: {status: {}}, schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}}]',
    ].join('\n'));
    writeFileSync(join(dir, 'd-broken.yaml'), 'kind: [unclosed');
    const sim = await KubeSim.start({ tls: false, manifests: [dir] });
    try {
      expect(sim.get('example.org/v1', 'Thing', 't1', 'late')?.status).toEqual({ ready: true });
      expect(sim.get('v1', 'ConfigMap', 'cfg', 'late')?.data).toEqual({ v: '2' });
      expect(sim.seedReport.errors).toEqual([
        expect.objectContaining({ file: join(dir, 'd-broken.yaml') }),
        expect.objectContaining({ file: join(dir, 'a-instances.yaml'), object: 'ConfigMap late/Bad_Name', message: expect.stringContaining('metadata.name') }),
      ]);
    } finally {
      await sim.stop();
    }
  });
});

describe('KubeSimFleet', () => {
  it('serves independent clusters behind one kubeconfig with a context each', async () => {
    const fleet = await KubeSimFleet.start(3, { tls: false, name: 'fleet' });
    try {
      expect(fleet.clusters.map(c => c.name)).toEqual(['fleet-1', 'fleet-2', 'fleet-3']);
      fleet.clusters[1].apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'only-here', namespace: 'default' } });
      const counts = await Promise.all(fleet.clusters.map(async c => (await call(c, 'GET', '/api/v1/namespaces/default/configmaps')).json.items.length));
      expect(counts).toEqual([0, 1, 0]);
      const kubeconfig = fleet.kubeconfig();
      for (const c of fleet.clusters) {
        expect(kubeconfig).toContain(`name: ${c.name}`);
        expect(kubeconfig).toContain(`server: ${c.url}`);
      }
      expect(new Set(fleet.clusters.map(c => c.adminToken)).size).toBe(3);
    } finally {
      await fleet.stop();
    }
  });
});
