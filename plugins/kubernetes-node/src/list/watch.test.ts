import { resolve } from 'node:path';
import { KubeSim } from '@internal/kube-sim';
import { connectionsFromKubeconfig } from '../connection/direct';
import type { KubeObject, ResourceType } from '../types';
import { listSnapshot } from './listAll';
import { watchKind, type KindChange, type WatchKindOptions } from './watch';

const DEMO = resolve(__dirname, '../../../../examples/cluster');
const FAST_RETRY = { retries: 0, baseDelayMs: 20, maxDelayMs: 100 };
const DEPLOYMENTS: ResourceType = { group: 'apps', version: 'v1', kind: 'Deployment', plural: 'deployments', namespaced: true };

async function eventually(check: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise(r => setTimeout(r, 10));
  }
}

const configMap = (name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, data: { at: String(Date.now()) } });

describe('watchKind', () => {
  let sim: KubeSim;
  let stops: Array<() => Promise<void>> = [];
  beforeAll(async () => {
    sim = await KubeSim.start({ manifests: [DEMO], bookmarkIntervalMs: 100 });
  });
  afterEach(async () => {
    await Promise.all(stops.map(s => s()));
    stops = [];
  });
  afterAll(() => sim.stop());

  /** Starts a watch the test stops at its end; records everything the loop reports. */
  function start(opts: Partial<WatchKindOptions> = {}) {
    const ctl = new AbortController();
    const seen = { events: [] as KindChange[], resyncs: [] as Array<{ objects: KubeObject[]; rv: string }>, bookmarks: [] as string[], errors: [] as unknown[] };
    const [conn] = connectionsFromKubeconfig({ yaml: sim.kubeconfig() });
    const done = watchKind(conn, DEPLOYMENTS, {
      signal: ctl.signal,
      retry: FAST_RETRY,
      onEvent: e => seen.events.push(e),
      onResync: (objects, rv) => seen.resyncs.push({ objects, rv }),
      onBookmark: rv => seen.bookmarks.push(rv),
      onError: err => seen.errors.push(err),
      ...opts,
    });
    const stop = async () => {
      ctl.abort();
      await done;
    };
    stops.push(stop);
    return { seen, stop, done, conn };
  }
  const currentRv = async () => (await listSnapshot(connectionsFromKubeconfig({ yaml: sim.kubeconfig() })[0], DEPLOYMENTS, { pageSize: 500 })).resourceVersion;
  const touch = (name: string, namespace: string, label: string) => {
    const d = sim.get('apps/v1', 'Deployment', name, namespace)!;
    sim.apply({ ...d, metadata: { ...d.metadata, resourceVersion: undefined, labels: { ...d.metadata.labels, touched: label } } });
  };

  it('delivers an applied change within a second, with apiVersion and kind', async () => {
    const { seen } = start({ resourceVersion: await currentRv() });
    touch('api', 'team-payments', 'one');
    await eventually(() => seen.events.some(e => e.object.metadata.labels?.touched === 'one'), 1000);
    const change = seen.events.find(e => e.object.metadata.labels?.touched === 'one')!;
    expect(change).toMatchObject({ type: 'MODIFIED', object: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'api', namespace: 'team-payments' } } });
    expect(seen.resyncs).toEqual([]);
  });

  it('applies the transform to events and to re-listed objects', async () => {
    const transform = (o: KubeObject): KubeObject => ({ apiVersion: o.apiVersion, kind: o.kind, metadata: { name: o.metadata.name, namespace: o.metadata.namespace, labels: o.metadata.labels } });
    const { seen } = start({ transform });
    await eventually(() => seen.resyncs.length === 1, 2000);
    expect(seen.resyncs[0].objects.every(o => Object.keys(o).join() === 'apiVersion,kind,metadata')).toBe(true);
    touch('api', 'team-payments', 'transformed');
    await eventually(() => seen.events.some(e => e.object.metadata.labels?.touched === 'transformed'), 2000);
    expect(seen.events.every(e => Object.keys(e.object).join() === 'apiVersion,kind,metadata')).toBe(true);
  });

  it('lists first and hands the list to onResync when no resourceVersion is given', async () => {
    const { seen } = start();
    await eventually(() => seen.resyncs.length === 1, 2000);
    expect(seen.resyncs[0].objects).toHaveLength(sim.list('apps/v1', 'Deployment').length);
    expect(seen.resyncs[0].objects.every(o => o.kind === 'Deployment' && o.apiVersion === 'apps/v1')).toBe(true);
  });

  it('advances its resourceVersion with BOOKMARKs and resumes from there', async () => {
    const startRv = await currentRv();
    const { seen } = start({ resourceVersion: startRv });
    // A change to another kind moves the server's resourceVersion without an event on this watch.
    sim.apply(configMap('bookmark-bump'));
    await eventually(() => seen.bookmarks.some(rv => Number(rv) > Number(startRv)), 2000);
    const bookmarked = seen.bookmarks[seen.bookmarks.length - 1];
    const before = sim.requests.length;
    sim.closeWatches();
    await eventually(() => sim.requests.slice(before).some(r => r.path === '/apis/apps/v1/deployments' && r.query.watch === '1'), 3000);
    const resumed = sim.requests.slice(before).find(r => r.path === '/apis/apps/v1/deployments' && r.query.watch === '1')!;
    expect(Number(resumed.query.resourceVersion)).toBeGreaterThanOrEqual(Number(bookmarked));
    expect(resumed.query.allowWatchBookmarks).toBe('true');
    expect(seen.resyncs).toEqual([]);
  });

  it('re-lists after 410 Gone and hands the current objects to onResync, then watches on', async () => {
    // Bookmarks would move the watch past the compaction; this test needs its resourceVersion to age.
    const quiet = await KubeSim.start({ manifests: [DEMO] });
    try {
      const [conn] = connectionsFromKubeconfig({ yaml: quiet.kubeconfig() });
      const rv = (await listSnapshot(conn, DEPLOYMENTS, { pageSize: 500 })).resourceVersion;
      const ctl = new AbortController();
      const resyncs: Array<{ objects: KubeObject[]; rv: string }> = [];
      const events: KindChange[] = [];
      const done = watchKind(conn, DEPLOYMENTS, {
        resourceVersion: rv,
        signal: ctl.signal,
        retry: FAST_RETRY,
        onEvent: e => events.push(e),
        onResync: (objects, at) => resyncs.push({ objects, rv: at }),
      });
      await eventually(() => quiet.requests.some(r => r.query.watch === '1'), 2000);
      quiet.delete('apps/v1', 'Deployment', 'storefront', 'team-checkout');
      await eventually(() => events.some(e => e.type === 'DELETED'), 2000);
      quiet.apply(configMap('age-the-watch'));
      quiet.compact();
      quiet.closeWatches();
      await eventually(() => resyncs.length === 1, 3000);
      const current = quiet.list('apps/v1', 'Deployment').map(d => `${d.metadata.namespace}/${d.metadata.name}`).sort();
      expect(resyncs[0].objects.map(d => `${d.metadata.namespace}/${d.metadata.name}`).sort()).toEqual(current);
      expect(Number(resyncs[0].rv)).toBeGreaterThan(Number(rv));

      const d = quiet.get('apps/v1', 'Deployment', 'grafana', 'monitoring')!;
      quiet.apply({ ...d, metadata: { ...d.metadata, resourceVersion: undefined, labels: { after: 'resync' } } });
      await eventually(() => events.some(e => e.object.metadata.labels?.after === 'resync'), 2000);
      ctl.abort();
      await done;
    } finally {
      await quiet.stop();
    }
  });

  it('backs off while the server is down and recovers', async () => {
    const { seen } = start({ resourceVersion: await currentRv() });
    await eventually(() => seen.bookmarks.length > 0, 2000);
    sim.setUnavailable(true);
    await eventually(() => seen.errors.length >= 2, 3000);
    sim.setUnavailable(false);
    touch('ledger-worker', 'team-payments', 'back');
    await eventually(() => seen.events.some(e => e.object.metadata.labels?.touched === 'back'), 3000);
    expect(seen.errors[0]).toMatchObject({ failure: 'network' });
  });

  it('stops everything when aborted', async () => {
    const { seen, stop } = start({ resourceVersion: await currentRv() });
    await eventually(() => seen.bookmarks.length > 0, 2000);
    await stop();
    const after = sim.requests.length;
    const events = seen.events.length;
    touch('api', 'team-checkout', 'after-abort');
    await new Promise(r => setTimeout(r, 300));
    expect(sim.requests.length).toBe(after);
    expect(seen.events.length).toBe(events);
  });
});
