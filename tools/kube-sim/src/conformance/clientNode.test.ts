import {
  ApiextensionsV1Api,
  AppsV1Api,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  makeInformer,
  Watch,
  type V1ConfigMap,
} from '@kubernetes/client-node';
import { KubeSim } from '..';

async function eventually(check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise(r => setTimeout(r, 20));
  }
}

const cm = (ns: string, name: string, data: Record<string, string> = {}) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: ns },
  data,
});

describe('@kubernetes/client-node against the simulator (HTTPS, token from kubeconfig)', () => {
  let sim: KubeSim;
  let kc: KubeConfig;
  beforeAll(async () => {
    sim = await KubeSim.start({ bookmarkIntervalMs: 100 });
    kc = new KubeConfig();
    kc.loadFromString(sim.kubeconfig());
  });
  afterAll(() => sim.stop());

  it('lists with pagination, page size 2', async () => {
    sim.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'pages' } });
    sim.apply(['a', 'b', 'c', 'd', 'e'].map(n => cm('pages', `cm-${n}`)));
    const core = kc.makeApiClient(CoreV1Api);
    const seen: string[] = [];
    let token: string | undefined;
    let calls = 0;
    do {
      const page = await core.listNamespacedConfigMap({ namespace: 'pages', limit: 2, _continue: token });
      calls++;
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map(i => i.metadata!.name!));
      token = page.metadata?._continue;
    } while (token);
    expect(seen).toEqual(['cm-a', 'cm-b', 'cm-c', 'cm-d', 'cm-e']);
    expect(calls).toBe(3);
  });

  it('delivers BOOKMARK events to a client-node Watch that allows them', async () => {
    const watch = new Watch(kc);
    const phases: string[] = [];
    const rvs: string[] = [];
    const req = await watch.watch(
      '/api/v1/namespaces/default/configmaps',
      { allowWatchBookmarks: true, resourceVersion: String(sim.cluster.store.rv) },
      (phase: string, obj: V1ConfigMap) => {
        phases.push(phase);
        rvs.push(obj.metadata?.resourceVersion ?? '');
      },
      () => undefined,
    );
    sim.apply(cm('default', 'bm'));
    await eventually(() => phases.includes('ADDED') && phases.includes('BOOKMARK'));
    req.abort();
    expect(rvs[phases.lastIndexOf('BOOKMARK')]).toMatch(/^\d+$/);
  });

  it('keeps an informer in step through a 410 Gone: it re-lists and converges', async () => {
    sim.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'inf' } });
    sim.apply([cm('inf', 'keep'), cm('inf', 'doomed')]);
    const core = kc.makeApiClient(CoreV1Api);
    const informer = makeInformer(kc, '/api/v1/namespaces/inf/configmaps', () => core.listNamespacedConfigMap({ namespace: 'inf' }));
    const deleted: string[] = [];
    const errors: unknown[] = [];
    informer.on('delete', o => deleted.push(o.metadata!.name!));
    informer.on('error', e => errors.push(e));
    await informer.start();
    const names = () => informer.list().map(o => o.metadata!.name).sort();
    await eventually(() => names().join() === 'doomed,keep');

    sim.apply(cm('inf', 'live'));
    await eventually(() => names().includes('live'));

    // The watch is cut and its reconnection held up while things change and history is compacted, so
    // the informer resumes from a resourceVersion the server no longer has.
    sim.faults.add({ path: '/namespaces/inf/configmaps$', watch: true, latencyMs: 300, times: 1 });
    sim.closeWatches();
    sim.apply(cm('inf', 'keep', { v: '2' }));
    sim.delete('v1', 'ConfigMap', 'doomed', 'inf');
    sim.apply(cm('inf', 'added-during-outage'));
    sim.compact();

    await eventually(() => names().join() === 'added-during-outage,keep,live');
    expect(informer.get('keep', 'inf')?.data).toEqual({ v: '2' });
    expect(deleted).toContain('doomed');
    // It got past the 410 by re-listing: a LIST without a resourceVersion after the first one.
    const lists = sim.requests.filter(r => r.path === '/api/v1/namespaces/inf/configmaps' && r.query.watch === undefined);
    expect(lists.length).toBeGreaterThanOrEqual(2);
    const watches = sim.requests.filter(r => r.path === '/api/v1/namespaces/inf/configmaps' && r.query.watch);
    expect(watches.length).toBeGreaterThanOrEqual(2);
    // Checked before stop(): client-node reports its own abort of the watch as an error.
    expect(errors).toEqual([]);
    await informer.stop();
  });

  it('creates a CRD, does CRUD on its custom resources, then deletes the CRD', async () => {
    const ext = kc.makeApiClient(ApiextensionsV1Api);
    const custom = kc.makeApiClient(CustomObjectsApi);
    await ext.createCustomResourceDefinition({
      body: {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name: 'gizmos.example.org' },
        spec: {
          group: 'example.org',
          scope: 'Namespaced',
          names: { plural: 'gizmos', singular: 'gizmo', kind: 'Gizmo' },
          versions: [
            {
              name: 'v1',
              served: true,
              storage: true,
              schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { size: { type: 'integer' } } } } } },
            },
          ],
        },
      },
    });
    const ref = { group: 'example.org', version: 'v1', namespace: 'default', plural: 'gizmos' };
    const created = await custom.createNamespacedCustomObject({ ...ref, body: { apiVersion: 'example.org/v1', kind: 'Gizmo', metadata: { name: 'g1' }, spec: { size: 1 } } });
    expect(created.metadata.uid).toBeDefined();
    const got = await custom.getNamespacedCustomObject({ ...ref, name: 'g1' });
    expect(got.spec).toEqual({ size: 1 });
    const replaced = await custom.replaceNamespacedCustomObject({ ...ref, name: 'g1', body: { ...got, spec: { size: 2 } } });
    expect(replaced.metadata.generation).toBe(2);
    await expect(custom.replaceNamespacedCustomObject({ ...ref, name: 'g1', body: { ...got, spec: { size: 3 } } })).rejects.toMatchObject({ code: 409 });
    const listed = await custom.listNamespacedCustomObject(ref);
    expect(listed.items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(['g1']);
    await custom.deleteNamespacedCustomObject({ ...ref, name: 'g1' });
    await expect(custom.getNamespacedCustomObject({ ...ref, name: 'g1' })).rejects.toMatchObject({ code: 404 });

    await ext.deleteCustomResourceDefinition({ name: 'gizmos.example.org' });
    await expect(custom.listNamespacedCustomObject(ref)).rejects.toMatchObject({ code: 404 });
  });

  it('reads typed workloads with the typed clients', async () => {
    sim.apply({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db', namespace: 'default' },
      spec: { serviceName: 'db', selector: { matchLabels: { app: 'db' } }, template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'pg', image: 'postgres:16' }] } } },
      status: { replicas: 1, readyReplicas: 1 },
    });
    const apps = kc.makeApiClient(AppsV1Api);
    const list = await apps.listStatefulSetForAllNamespaces();
    expect(list.items.map(s => [s.metadata?.namespace, s.metadata?.name, s.status?.readyReplicas])).toEqual([['default', 'db', 1]]);
  });
});
