import { KubeSim } from '..';
import { call } from './http';

const deployment = (name: string, replicas = 1) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, labels: { app: name } },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: { containers: [{ name: 'main', image: 'nginx:1', env: [{ name: 'A', value: '1' }] }, { name: 'side', image: 'busybox' }] },
    },
  },
  status: { replicas, readyReplicas: replicas },
});

describe('write semantics', () => {
  let sim: KubeSim;
  const base = '/apis/apps/v1/namespaces/w/deployments';
  beforeAll(async () => {
    sim = await KubeSim.start({ tls: false });
    sim.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'w' } });
  });
  afterAll(() => sim.stop());

  it('creates with server-set metadata and drops status where a status subresource exists', async () => {
    const res = await call(sim, 'POST', base, { body: deployment('create-me') });
    expect(res.status).toBe(201);
    const m = res.json.metadata;
    expect(m.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(m.namespace).toBe('w');
    expect(m.generation).toBe(1);
    expect(m.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Number(m.resourceVersion)).toBeGreaterThan(0);
    expect(res.json.status).toBeUndefined();
  });

  it('answers 409 AlreadyExists, 422 Invalid for a bad name and 404 for a missing namespace', async () => {
    await call(sim, 'POST', base, { body: deployment('twice') });
    const again = await call(sim, 'POST', base, { body: deployment('twice') });
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ kind: 'Status', reason: 'AlreadyExists', message: 'deployments.apps "twice" already exists' });

    const bad = await call(sim, 'POST', base, { body: deployment('Bad_Name') });
    expect(bad.status).toBe(422);
    expect(bad.json.reason).toBe('Invalid');
    expect(bad.json.details.causes[0]).toMatchObject({ field: 'metadata.name', reason: 'FieldValueInvalid' });
    expect(bad.json.message).toContain('RFC 1123 subdomain');

    const missingNs = await call(sim, 'POST', '/apis/apps/v1/namespaces/nope/deployments', { body: deployment('x') });
    expect(missingNs.status).toBe(404);
    expect(missingNs.json.message).toBe('namespaces "nope" not found');
  });

  it('generates names from generateName', async () => {
    const body = { ...deployment(''), metadata: { generateName: 'gen-' } };
    const res = await call(sim, 'POST', base, { body });
    expect(res.status).toBe(201);
    expect(res.json.metadata.name).toMatch(/^gen-[a-z0-9]{5}$/);
  });

  it('rejects an update with a stale resourceVersion with 409 Conflict and bumps generation only on spec changes', async () => {
    const created = (await call(sim, 'POST', base, { body: deployment('upd') })).json;
    const labelled = { ...created, metadata: { ...created.metadata, labels: { app: 'upd', extra: 'y' } } };
    const r1 = await call(sim, 'PUT', `${base}/upd`, { body: labelled });
    expect(r1.status).toBe(200);
    expect(r1.json.metadata.generation).toBe(1);
    expect(Number(r1.json.metadata.resourceVersion)).toBeGreaterThan(Number(created.metadata.resourceVersion));

    const stale = await call(sim, 'PUT', `${base}/upd`, { body: { ...created, spec: { ...created.spec, replicas: 5 } } });
    expect(stale.status).toBe(409);
    expect(stale.json.reason).toBe('Conflict');

    const r2 = await call(sim, 'PUT', `${base}/upd`, { body: { ...r1.json, spec: { ...r1.json.spec, replicas: 5 } } });
    expect(r2.json.metadata.generation).toBe(2);
    expect(r2.json.metadata.uid).toBe(created.metadata.uid);
    expect(r2.json.metadata.creationTimestamp).toBe(created.metadata.creationTimestamp);
  });

  it('keeps status and spec apart through the status subresource', async () => {
    const created = (await call(sim, 'POST', base, { body: deployment('st') })).json;
    const st = await call(sim, 'PUT', `${base}/st/status`, {
      body: { ...created, spec: { ...created.spec, replicas: 9 }, status: { replicas: 1, readyReplicas: 1 } },
    });
    expect(st.status).toBe(200);
    expect(st.json.status).toEqual({ replicas: 1, readyReplicas: 1 });
    expect(st.json.spec.replicas).toBe(1);
    const main = await call(sim, 'PUT', `${base}/st`, { body: { ...st.json, status: { replicas: 0 } } });
    expect(main.json.status).toEqual({ replicas: 1, readyReplicas: 1 });
  });

  it('applies merge, JSON and strategic merge patches', async () => {
    await call(sim, 'POST', base, { body: deployment('p') });
    const merge = await call(sim, 'PATCH', `${base}/p`, {
      body: { metadata: { labels: { extra: 'x', app: null } } },
      contentType: 'application/merge-patch+json',
    });
    expect(merge.json.metadata.labels).toEqual({ extra: 'x' });

    const json = await call(sim, 'PATCH', `${base}/p`, {
      body: [{ op: 'replace', path: '/spec/replicas', value: 3 }, { op: 'add', path: '/metadata/annotations', value: { a: 'b' } }],
      contentType: 'application/json-patch+json',
    });
    expect(json.json.spec.replicas).toBe(3);
    expect(json.json.metadata.annotations).toEqual({ a: 'b' });

    const smp = await call(sim, 'PATCH', `${base}/p`, {
      body: { spec: { template: { spec: { containers: [{ name: 'main', image: 'nginx:2' }] } } } },
      contentType: 'application/strategic-merge-patch+json',
    });
    const containers = smp.json.spec.template.spec.containers;
    expect(containers.map((c: { name: string }) => c.name)).toEqual(['main', 'side']);
    expect(containers[0]).toMatchObject({ image: 'nginx:2', env: [{ name: 'A', value: '1' }] });

    const failing = await call(sim, 'PATCH', `${base}/p`, {
      body: [{ op: 'test', path: '/spec/replicas', value: 99 }],
      contentType: 'application/json-patch+json',
    });
    expect(failing.status).toBe(422);
    const unknownType = await call(sim, 'PATCH', `${base}/p`, { body: {}, contentType: 'text/plain' });
    expect(unknownType.status).toBe(415);
    const missing = await call(sim, 'PATCH', `${base}/missing`, { body: {}, contentType: 'application/merge-patch+json' });
    expect(missing.status).toBe(404);
  });

  it('creates through server-side apply and requires a fieldManager', async () => {
    const yaml = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\n  namespace: w\ndata:\n  a: "1"\n';
    const noManager = await call(sim, 'PATCH', '/api/v1/namespaces/w/configmaps/ssa', { body: yaml, contentType: 'application/apply-patch+yaml' });
    expect(noManager.status).toBe(400);
    const created = await call(sim, 'PATCH', '/api/v1/namespaces/w/configmaps/ssa?fieldManager=test', { body: yaml, contentType: 'application/apply-patch+yaml' });
    expect(created.status).toBe(201);
    expect(created.json.data).toEqual({ a: '1' });
  });

  it('honours dryRun=All without storing anything', async () => {
    const res = await call(sim, 'POST', `${base}?dryRun=All`, { body: deployment('dry') });
    expect(res.status).toBe(201);
    expect(sim.get('apps/v1', 'Deployment', 'dry', 'w')).toBeUndefined();
  });

  it('deletes, returning the object, and keeps objects with finalizers until they are removed', async () => {
    await call(sim, 'POST', base, { body: deployment('del') });
    const del = await call(sim, 'DELETE', `${base}/del`);
    expect(del.status).toBe(200);
    expect(del.json.metadata.name).toBe('del');
    expect((await call(sim, 'GET', `${base}/del`)).status).toBe(404);

    const fin = { ...deployment('fin'), metadata: { name: 'fin', finalizers: ['example.org/hold'] } };
    await call(sim, 'POST', base, { body: fin });
    const marked = await call(sim, 'DELETE', `${base}/fin`);
    expect(marked.json.metadata.deletionTimestamp).toBeDefined();
    expect(sim.get('apps/v1', 'Deployment', 'fin', 'w')).toBeDefined();
    await call(sim, 'PATCH', `${base}/fin`, { body: { metadata: { finalizers: null } }, contentType: 'application/merge-patch+json' });
    expect(sim.get('apps/v1', 'Deployment', 'fin', 'w')).toBeUndefined();
  });

  it('collects dependents whose owner was deleted, and empties a deleted namespace', async () => {
    sim.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'gc' } });
    const [owner] = sim.apply({ ...deployment('owner'), metadata: { name: 'owner', namespace: 'gc' } });
    sim.apply({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: 'owner-abc',
        namespace: 'gc',
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'owner', uid: owner.metadata.uid, controller: true }],
      },
      spec: { selector: { matchLabels: { app: 'owner' } } },
    });
    sim.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'stay', namespace: 'gc' } });
    await call(sim, 'DELETE', '/apis/apps/v1/namespaces/gc/deployments/owner');
    await new Promise(r => setTimeout(r, 20));
    expect(sim.get('apps/v1', 'ReplicaSet', 'owner-abc', 'gc')).toBeUndefined();
    expect(sim.get('v1', 'ConfigMap', 'stay', 'gc')).toBeDefined();

    await call(sim, 'DELETE', '/api/v1/namespaces/gc');
    expect(sim.get('v1', 'ConfigMap', 'stay', 'gc')).toBeUndefined();
    expect(sim.get('v1', 'Namespace', 'gc')).toBeUndefined();
  });

  it('rejects a body whose kind or namespace disagrees with the URL', async () => {
    const wrongKind = await call(sim, 'POST', base, { body: { ...deployment('k'), kind: 'StatefulSet' } });
    expect(wrongKind.status).toBe(400);
    const wrongNs = await call(sim, 'POST', base, { body: { ...deployment('n'), metadata: { name: 'n', namespace: 'other' } } });
    expect(wrongNs.status).toBe(400);
    expect(wrongNs.json.message).toContain('does not match the namespace');
    const notJson = await call(sim, 'POST', base, { body: '{nope' });
    expect(notJson.status).toBe(400);
  });
});

describe('no-op writes', () => {
  it('store nothing when an update or patch changes nothing: same resourceVersion, no watch event', async () => {
    const sim = await KubeSim.start({ tls: false });
    try {
      const [cm] = sim.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'same', namespace: 'default', labels: { a: '1' } }, data: { k: 'v' } });
      const rv = cm.metadata.resourceVersion;
      const patched = await call(sim, 'PATCH', '/api/v1/namespaces/default/configmaps/same', { body: { data: { k: 'v' } }, contentType: 'application/merge-patch+json' });
      expect(patched.json.metadata.resourceVersion).toBe(rv);
      const replaced = await call(sim, 'PUT', '/api/v1/namespaces/default/configmaps/same', { body: patched.json });
      expect(replaced.json.metadata.resourceVersion).toBe(rv);
      const changed = await call(sim, 'PATCH', '/api/v1/namespaces/default/configmaps/same', { body: { data: { k: 'w' } }, contentType: 'application/merge-patch+json' });
      expect(changed.json.metadata.resourceVersion).not.toBe(rv);
      expect(sim.cluster.store.log.since(Number(rv)).map(e => e.type)).toEqual(['MODIFIED']);
    } finally {
      await sim.stop();
    }
  });
});
