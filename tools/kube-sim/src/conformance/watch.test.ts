import { KubeSim } from '..';
import { call, watch } from './http';

const cm = (name: string, labels: Record<string, string> = {}, data: Record<string, string> = {}) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'wt', labels },
  data,
});

describe('watch semantics', () => {
  let sim: KubeSim;
  const path = '/api/v1/namespaces/wt/configmaps';
  beforeAll(async () => {
    sim = await KubeSim.start({ tls: false, bookmarkIntervalMs: 100 });
    sim.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'wt' } });
  });
  afterAll(() => sim.stop());

  it('streams ADDED, MODIFIED and DELETED from a resourceVersion, with apiVersion and kind on each object', async () => {
    const list = await call(sim, 'GET', path);
    const w = await watch(sim, `${path}?watch=1&resourceVersion=${list.json.metadata.resourceVersion}`);
    sim.apply(cm('one'));
    sim.apply(cm('one', {}, { a: '1' }));
    sim.delete('v1', 'ConfigMap', 'one', 'wt');
    await w.until(ev => ev.length >= 3);
    w.close();
    expect(w.events.map(e => `${e.type} ${e.object.metadata.name}`)).toEqual(['ADDED one', 'MODIFIED one', 'DELETED one']);
    expect(w.events[1].object).toMatchObject({ apiVersion: 'v1', kind: 'ConfigMap', data: { a: '1' } });
    const rvs = w.events.map(e => Number(e.object.metadata.resourceVersion));
    expect(rvs).toEqual([...rvs].sort((a, b) => a - b));
  });

  it('replays history after an older resourceVersion, then follows live changes', async () => {
    const rv = (await call(sim, 'GET', path)).json.metadata.resourceVersion;
    sim.apply(cm('past'));
    const w = await watch(sim, `${path}?watch=true&resourceVersion=${rv}`);
    sim.apply(cm('live'));
    await w.until(ev => ev.length >= 2);
    w.close();
    expect(w.events.map(e => e.object.metadata.name)).toEqual(['past', 'live']);
  });

  it('sends synthetic ADDED events for existing objects when no resourceVersion is given', async () => {
    sim.apply(cm('existing-1'));
    const w = await watch(sim, `${path}?watch=1&fieldSelector=${encodeURIComponent('metadata.name=existing-1')}`);
    await w.until(ev => ev.length >= 1);
    w.close();
    expect(w.events[0]).toMatchObject({ type: 'ADDED', object: { metadata: { name: 'existing-1' } } });
  });

  it('turns changes across a label selector into ADDED and DELETED', async () => {
    const rv = (await call(sim, 'GET', path)).json.metadata.resourceVersion;
    const w = await watch(sim, `${path}?watch=1&resourceVersion=${rv}&labelSelector=team%3Dblue`);
    sim.apply(cm('sel'));
    sim.apply(cm('sel', { team: 'blue' }));
    sim.apply(cm('sel', { team: 'blue' }, { x: '1' }));
    sim.apply(cm('sel', { team: 'red' }));
    await w.until(ev => ev.length >= 3);
    w.close();
    expect(w.events.map(e => e.type)).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
  });

  it('sends BOOKMARK events carrying only a resourceVersion when allowed', async () => {
    const rv = (await call(sim, 'GET', path)).json.metadata.resourceVersion;
    const w = await watch(sim, `${path}?watch=1&resourceVersion=${rv}&allowWatchBookmarks=true`);
    await w.until(ev => ev.some(e => e.type === 'BOOKMARK'), 3000);
    w.close();
    const bm = w.events.find(e => e.type === 'BOOKMARK')!;
    expect(bm.object).toEqual({ kind: 'ConfigMap', apiVersion: 'v1', metadata: { resourceVersion: expect.stringMatching(/^\d+$/) } });

    const quiet = await watch(sim, `${path}?watch=1&resourceVersion=${rv}&timeoutSeconds=1`);
    await quiet.ended;
    expect(quiet.events.filter(e => e.type === 'BOOKMARK')).toEqual([]);
  });

  it('answers a too-old resourceVersion with a 410 ERROR event and ends the stream', async () => {
    const rv = (await call(sim, 'GET', path)).json.metadata.resourceVersion;
    sim.apply(cm('bump'));
    sim.compact();
    const w = await watch(sim, `${path}?watch=1&resourceVersion=${rv}`);
    await w.ended;
    expect(w.events).toHaveLength(1);
    expect(w.events[0]).toMatchObject({ type: 'ERROR', object: { kind: 'Status', code: 410, reason: 'Expired' } });
    expect(w.events[0].object.message).toMatch(/^too old resource version: \d+ \(\d+\)$/);
  });

  it('ends the stream after timeoutSeconds', async () => {
    const started = Date.now();
    const w = await watch(sim, `${path}?watch=1&timeoutSeconds=1`);
    await w.ended;
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('returns 400 before streaming for a bad selector', async () => {
    const res = await call(sim, 'GET', `${path}?watch=1&labelSelector=${encodeURIComponent('=x')}`);
    expect(res.status).toBe(400);
    expect(res.json.kind).toBe('Status');
  });

  it('streams one-row Tables when kubectl asks for them', async () => {
    const rv = (await call(sim, 'GET', path)).json.metadata.resourceVersion;
    const w = await watch(sim, `${path}?watch=1&resourceVersion=${rv}`, { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' });
    sim.apply(cm('tabled', {}, { a: '1', b: '2' }));
    await w.until(ev => ev.length >= 1);
    w.close();
    const table = w.events[0].object;
    expect(table.kind).toBe('Table');
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0].cells[0]).toBe('tabled');
    expect(table.rows[0].object.metadata.name).toBe('tabled');
  });
});
