import { KubeSim } from '..';
import { call } from './http';

const widgetCrd = (versions = [{ name: 'v1', served: true, storage: true }]) => ({
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.example.org' },
  spec: {
    group: 'example.org',
    scope: 'Namespaced',
    names: { plural: 'widgets', singular: 'widget', kind: 'Widget', shortNames: ['wd'], categories: ['gadgets'] },
    versions: versions.map(v => ({
      ...v,
      schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
      subresources: { status: {} },
    })),
  },
});

const xrd = {
  apiVersion: 'apiextensions.crossplane.io/v1',
  kind: 'CompositeResourceDefinition',
  metadata: { name: 'xdatabases.platform.example.org' },
  spec: {
    group: 'platform.example.org',
    names: { kind: 'XDatabase', plural: 'xdatabases' },
    claimNames: { kind: 'Database', plural: 'databases' },
    versions: [
      {
        name: 'v1alpha1',
        served: true,
        referenceable: true,
        schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { size: { type: 'string' } } } } } },
      },
    ],
  },
};

describe('custom resources', () => {
  let sim: KubeSim;
  beforeAll(async () => {
    sim = await KubeSim.start({ tls: false });
  });
  afterAll(() => sim.stop());

  it('serves a CRD version by version from creation until deletion', async () => {
    const created = await call(sim, 'POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', {
      body: widgetCrd([
        { name: 'v1', served: true, storage: true },
        { name: 'v1beta1', served: true, storage: false },
      ]),
    });
    expect(created.status).toBe(201);
    expect(created.json.status.conditions.map((c: { type: string }) => c.type)).toContain('Established');

    const group = await call(sim, 'GET', '/apis/example.org');
    expect(group.json.versions.map((v: { version: string }) => v.version)).toEqual(['v1', 'v1beta1']);
    expect(group.json.preferredVersion.version).toBe('v1');
    const resources = await call(sim, 'GET', '/apis/example.org/v1beta1');
    expect(resources.json.resources[0]).toMatchObject({ name: 'widgets', kind: 'Widget', namespaced: true, shortNames: ['wd'], categories: ['gadgets'] });

    const base = '/apis/example.org/v1/namespaces/default/widgets';
    const w = await call(sim, 'POST', base, { body: { apiVersion: 'example.org/v1', kind: 'Widget', metadata: { name: 'w1' }, spec: { size: 3 } } });
    expect(w.status).toBe(201);
    const viaBeta = await call(sim, 'GET', '/apis/example.org/v1beta1/namespaces/default/widgets/w1');
    expect(viaBeta.json.apiVersion).toBe('example.org/v1beta1');
    const list = await call(sim, 'GET', '/apis/example.org/v1/widgets');
    // Custom resources keep apiVersion and kind on list items.
    expect(list.json.items[0]).toMatchObject({ apiVersion: 'example.org/v1', kind: 'Widget' });
    const status = await call(sim, 'PATCH', `${base}/w1/status`, { body: { status: { ready: true } }, contentType: 'application/merge-patch+json' });
    expect(status.json.status).toEqual({ ready: true });

    const del = await call(sim, 'DELETE', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.org');
    expect(del.status).toBe(200);
    expect((await call(sim, 'GET', base)).status).toBe(404);
    expect((await call(sim, 'GET', '/apis/example.org')).status).toBe(404);

    // Instances went with the CRD: a new CRD starts empty.
    await call(sim, 'POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', { body: widgetCrd() });
    expect((await call(sim, 'GET', base)).json.items).toEqual([]);
    await call(sim, 'DELETE', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.org');
  });

  it('rejects an invalid CRD with 422 naming each field', async () => {
    const bad = widgetCrd();
    bad.metadata.name = 'wrong.example.org';
    bad.spec.names.plural = 'Widgets';
    const res = await call(sim, 'POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', { body: bad });
    expect(res.status).toBe(422);
    const fields = res.json.details.causes.map((c: { field: string }) => c.field);
    expect(fields).toEqual(expect.arrayContaining(['spec.names.plural', 'metadata.name']));
  });

  it('serves the composite and claim kinds Crossplane would generate for an XRD, until it is deleted', async () => {
    const res = await call(sim, 'POST', '/apis/apiextensions.crossplane.io/v1/compositeresourcedefinitions', { body: xrd });
    expect(res.status).toBe(201);
    const crds = (await call(sim, 'GET', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions')).json.items.map(
      (c: { metadata: { name: string } }) => c.metadata.name,
    );
    expect(crds).toEqual(expect.arrayContaining(['xdatabases.platform.example.org', 'databases.platform.example.org']));
    const discovery = await call(sim, 'GET', '/apis/platform.example.org/v1alpha1');
    const byName = Object.fromEntries(discovery.json.resources.map((r: { name: string }) => [r.name, r]));
    expect(byName.xdatabases).toMatchObject({ kind: 'XDatabase', namespaced: false, categories: expect.arrayContaining(['composite']) });
    expect(byName.databases).toMatchObject({ kind: 'Database', namespaced: true, categories: expect.arrayContaining(['claim']) });

    const claim = await call(sim, 'POST', '/apis/platform.example.org/v1alpha1/namespaces/default/databases', {
      body: { apiVersion: 'platform.example.org/v1alpha1', kind: 'Database', metadata: { name: 'db' }, spec: { size: 'small' } },
    });
    expect(claim.status).toBe(201);

    await call(sim, 'DELETE', '/apis/apiextensions.crossplane.io/v1/compositeresourcedefinitions/xdatabases.platform.example.org');
    expect((await call(sim, 'GET', '/apis/platform.example.org/v1alpha1')).status).toBe(404);
  });

  it('rejects an XRD whose claim plural a real API server would refuse', async () => {
    const bad = structuredClone(xrd);
    bad.metadata.name = 'xcaches.platform.example.org';
    bad.spec.names = { kind: 'XCache', plural: 'xcaches' };
    bad.spec.claimNames = { kind: 'Cache', plural: 'Caches' };
    const res = await call(sim, 'POST', '/apis/apiextensions.crossplane.io/v1/compositeresourcedefinitions', { body: bad });
    expect(res.status).toBe(422);
    expect(res.json.message).toContain('spec.claimNames.plural');
    expect(sim.get('apiextensions.crossplane.io/v1', 'CompositeResourceDefinition', 'xcaches.platform.example.org')).toBeUndefined();
  });
});
