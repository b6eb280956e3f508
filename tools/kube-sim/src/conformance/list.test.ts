import { KubeSim } from '..';
import { call } from './http';

const cm = (ns: string, name: string, labels: Record<string, string> = {}) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: ns, labels },
  data: { k: name },
});

describe('list semantics', () => {
  let sim: KubeSim;
  beforeAll(async () => {
    sim = await KubeSim.start({ tls: false });
    sim.apply([
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } },
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'b' } },
    ]);
    sim.apply(['a', 'b'].flatMap(ns => [1, 2, 3, 4].map(i => cm(ns, `cm-${i}`, { tier: i % 2 ? 'odd' : 'even', idx: String(i) }))));
    sim.apply(cm('kube-system', 'cm-sys', { tier: 'odd' }));
  });
  afterAll(() => sim.stop());

  const names = (items: Array<{ metadata: { namespace?: string; name: string } }>) =>
    items.map(i => `${i.metadata.namespace}/${i.metadata.name}`);

  async function pages(path: string) {
    const all: string[] = [];
    const sizes: number[] = [];
    let token: string | undefined;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const res = await call(sim, 'GET', `${path}${sep}limit=2${token ? `&continue=${encodeURIComponent(token)}` : ''}`);
      expect(res.status).toBe(200);
      all.push(...names(res.json.items));
      sizes.push(res.json.items.length);
      token = res.json.metadata.continue;
    } while (token);
    return { all, sizes };
  }

  it('pages a cluster-wide list in key order with limit and continue', async () => {
    const full = await call(sim, 'GET', '/api/v1/configmaps');
    const { all, sizes } = await pages('/api/v1/configmaps');
    expect(all).toEqual(names(full.json.items));
    expect(all).toEqual([...all].sort());
    expect(all).toHaveLength(9);
    expect(sizes).toEqual([2, 2, 2, 2, 1]);
  });

  it('reports remainingItemCount and the list resourceVersion like a real server', async () => {
    const res = await call(sim, 'GET', '/api/v1/configmaps?limit=2');
    expect(res.json.kind).toBe('ConfigMapList');
    expect(res.json.apiVersion).toBe('v1');
    expect(res.json.metadata.remainingItemCount).toBe(7);
    expect(Number(res.json.metadata.resourceVersion)).toBeGreaterThan(0);
    // Items of built-in kinds carry no apiVersion/kind in a list.
    expect(res.json.items[0].apiVersion).toBeUndefined();
    expect(res.json.items[0].kind).toBeUndefined();
  });

  it('keeps a continue token valid and consistent while objects change', async () => {
    const first = await call(sim, 'GET', '/api/v1/namespaces/a/configmaps?limit=2');
    expect(names(first.json.items)).toEqual(['a/cm-1', 'a/cm-2']);
    sim.apply(cm('a', 'cm-0-new'));
    sim.apply(cm('a', 'cm-9-new'));
    sim.delete('v1', 'ConfigMap', 'cm-3', 'a');
    sim.apply({ ...cm('a', 'cm-4', { tier: 'even', idx: '4' }), data: { k: 'changed' } });
    const rest = await call(sim, 'GET', `/api/v1/namespaces/a/configmaps?limit=10&continue=${encodeURIComponent(first.json.metadata.continue)}`);
    expect(rest.status).toBe(200);
    // The snapshot of the first page: cm-3 still there, cm-4 unchanged, the new ones absent.
    expect(names(rest.json.items)).toEqual(['a/cm-3', 'a/cm-4']);
    expect(rest.json.items[1].data).toEqual({ k: 'cm-4' });
    expect(rest.json.metadata.resourceVersion).toBe(first.json.metadata.resourceVersion);
    // A fresh list sees the changes.
    const now = await call(sim, 'GET', '/api/v1/namespaces/a/configmaps');
    expect(names(now.json.items)).toEqual(['a/cm-0-new', 'a/cm-1', 'a/cm-2', 'a/cm-4', 'a/cm-9-new']);
    sim.apply(cm('a', 'cm-3', { tier: 'odd', idx: '3' }));
    sim.delete('v1', 'ConfigMap', 'cm-0-new', 'a');
    sim.delete('v1', 'ConfigMap', 'cm-9-new', 'a');
  });

  it('answers 410 Expired with a fresh continue token once history is compacted', async () => {
    const first = await call(sim, 'GET', '/api/v1/configmaps?limit=3');
    sim.apply(cm('b', 'cm-after'));
    sim.compact();
    const res = await call(sim, 'GET', `/api/v1/configmaps?limit=3&continue=${encodeURIComponent(first.json.metadata.continue)}`);
    expect(res.status).toBe(410);
    expect(res.json).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'Expired', code: 410 });
    expect(res.json.message).toContain('too old to display a consistent list result');
    const retry = await call(sim, 'GET', `/api/v1/configmaps?limit=3&continue=${encodeURIComponent(res.json.metadata.continue)}`);
    expect(retry.status).toBe(200);
    expect(names(retry.json.items)[0] > names(first.json.items)[2]).toBe(true);
    sim.delete('v1', 'ConfigMap', 'cm-after', 'b');
  });

  it('expires continue tokens on demand through fault injection', async () => {
    const remove = sim.faults.add({ path: '/configmaps$', expireContinue: true, times: 1 });
    // The first page carries no token, so it does not use up the rule.
    const first = await call(sim, 'GET', '/api/v1/configmaps?limit=2');
    expect(first.status).toBe(200);
    const expired = await call(sim, 'GET', `/api/v1/configmaps?limit=2&continue=${encodeURIComponent(first.json.metadata.continue)}`);
    const again = await call(sim, 'GET', `/api/v1/configmaps?limit=2&continue=${encodeURIComponent(first.json.metadata.continue)}`);
    remove();
    expect(expired.status).toBe(410);
    expect(again.status).toBe(200);
  });

  it.each([
    ['tier=odd', ['a/cm-1', 'a/cm-3', 'b/cm-1', 'b/cm-3', 'kube-system/cm-sys']],
    ['tier==even', ['a/cm-2', 'a/cm-4', 'b/cm-2', 'b/cm-4']],
    ['tier!=odd', ['a/cm-2', 'a/cm-4', 'b/cm-2', 'b/cm-4']],
    ['idx in (1,4)', ['a/cm-1', 'a/cm-4', 'b/cm-1', 'b/cm-4']],
    ['idx notin (1,2,3)', ['a/cm-4', 'b/cm-4', 'kube-system/cm-sys']],
    ['idx', ['a/cm-1', 'a/cm-2', 'a/cm-3', 'a/cm-4', 'b/cm-1', 'b/cm-2', 'b/cm-3', 'b/cm-4']],
    ['!idx', ['kube-system/cm-sys']],
    ['tier=odd,idx', ['a/cm-1', 'a/cm-3', 'b/cm-1', 'b/cm-3']],
  ])('filters by labelSelector %s', async (selector, expected) => {
    const res = await call(sim, 'GET', `/api/v1/configmaps?labelSelector=${encodeURIComponent(selector)}`);
    expect(names(res.json.items)).toEqual(expected);
  });

  it('pages a filtered list without losing matches', async () => {
    const { all } = await pages(`/api/v1/configmaps?labelSelector=${encodeURIComponent('tier=odd')}`);
    expect(all).toEqual(['a/cm-1', 'a/cm-3', 'b/cm-1', 'b/cm-3', 'kube-system/cm-sys']);
  });

  it('filters by fieldSelector on namespace and name, including !=', async () => {
    const notSys = await call(sim, 'GET', `/api/v1/configmaps?fieldSelector=${encodeURIComponent('metadata.namespace!=kube-system,metadata.namespace!=b')}`);
    expect(names(notSys.json.items)).toEqual(['a/cm-1', 'a/cm-2', 'a/cm-3', 'a/cm-4']);
    const inA = await call(sim, 'GET', `/api/v1/configmaps?fieldSelector=${encodeURIComponent('metadata.namespace=a,metadata.name=cm-2')}`);
    expect(names(inA.json.items)).toEqual(['a/cm-2']);
    const conflict = await call(sim, 'GET', `/api/v1/namespaces/b/configmaps?fieldSelector=${encodeURIComponent('metadata.namespace=a')}`);
    expect(conflict.json.items).toEqual([]);
  });

  it('rejects malformed selectors with 400 Status bodies', async () => {
    const badLabel = await call(sim, 'GET', `/api/v1/configmaps?labelSelector=${encodeURIComponent('a in (b')}`);
    expect(badLabel.status).toBe(400);
    expect(badLabel.json).toMatchObject({ kind: 'Status', code: 400, reason: 'BadRequest' });
    const badField = await call(sim, 'GET', `/api/v1/configmaps?fieldSelector=${encodeURIComponent('spec.foo=bar')}`);
    expect(badField.status).toBe(400);
    expect(badField.json.message).toContain('spec.foo');
  });
});
