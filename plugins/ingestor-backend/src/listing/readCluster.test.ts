import { resolve } from 'node:path';
import { KubeSim, KubeSimFleet } from '@internal/kube-sim';
import { connectionsFromDirectConfig, connectionsFromKubeconfig, createLimiter } from '@kube-platform/plugin-kubernetes-node';
import type { WorkloadKindConfig } from '../config/types';
import type { ListingSettings } from './settings';
import type { ClusterReading } from '../types';
import { readCluster, readClusters, type ClusterReadingResult } from './readCluster';

const DEMO = resolve(__dirname, '../../../../examples/cluster');
const FAST_RETRY = { retries: 2, baseDelayMs: 5, maxDelayMs: 20 };

const WORKLOADS: WorkloadKindConfig[] = [
  { group: 'apps', kind: 'Deployment', componentType: 'service' },
  { group: 'apps', kind: 'StatefulSet', componentType: 'database' },
  { group: 'apps', kind: 'DaemonSet', componentType: 'service' },
  { group: 'batch', kind: 'CronJob', componentType: 'job' },
];

/** Listing reads only its own settings (see settings.ts), so a test builds just those. */
function config(over: { components?: Partial<ListingSettings['components']>; clusters?: Partial<ListingSettings['clusters']> } = {}): ListingSettings {
  return {
    clusters: { requestTimeoutMs: 5000, concurrency: 4, pageSize: 2, ...over.clusters },
    components: { enabled: true, excludedNamespaces: ['kube-system', 'kube-public'], workloadKinds: WORKLOADS, ...over.components },
    crossplane: { enabled: true },
  };
}

const counts = (reading: ClusterReading) =>
  Object.fromEntries(reading.kinds.map(k => [k.source.kind, k.outcome.ok ? k.outcome.value.length : `error: ${k.outcome.error}`]));
const withoutTime = ({ durationMs: _d, ...rest }: ClusterReadingResult) => rest;

describe('readCluster on the demo cluster', () => {
  let sim: KubeSim;
  beforeAll(async () => {
    sim = await KubeSim.start({ manifests: [DEMO] });
  });
  afterAll(() => sim.stop());
  const conn = () => connectionsFromKubeconfig({ yaml: sim.kubeconfig() })[0];

  it('does not list the kinds a live watch follows, and reports them as followed', async () => {
    const before = sim.requests.length;
    const reading = await readCluster(conn(), config(), { followed: (cluster, source) => cluster === 'kube-sim' && source.kind === 'Deployment' });
    expect(reading.followed?.map(s => s.kind)).toEqual(['Deployment']);
    expect(reading.kinds.map(k => k.source.kind)).not.toContain('Deployment');
    expect(reading.kinds.map(k => k.source.kind)).toContain('StatefulSet');
    const paths = sim.requests.slice(before).map(r => r.path);
    expect(paths).not.toContain('/apis/apps/v1/deployments');
    expect(paths).toContain('/apis/apps/v1/statefulsets');
  });

  it('reads namespaces, workloads, claims and composites, excluded namespaces left out by the server', async () => {
    const before = sim.requests.length;
    const reading = await readCluster(conn(), config());
    expect(reading.error).toBeUndefined();
    expect(reading.cluster).toBe('kube-sim');
    expect(reading.durationMs).toBeGreaterThanOrEqual(0);
    expect(reading.unserved).toEqual([]);
    expect(counts(reading)).toEqual({ Deployment: 21, StatefulSet: 4, DaemonSet: 1, CronJob: 4, PostgreSQLInstance: 3, XApp: 1, XBucket: 3, XNetwork: 1 });
    expect(reading.namespaces).toHaveLength(11);
    expect(reading.namespaces.find(n => n.name === 'team-payments')?.annotations['kube-platform.io/owner']).toBe('group:default/payments');
    for (const { source, outcome } of reading.kinds) {
      if (!outcome.ok) throw new Error(outcome.error);
      const apiVersion = source.group ? `${source.group}/${source.version}` : source.version;
      expect(outcome.value.every(o => o.apiVersion === apiVersion && o.kind === source.kind)).toBe(true);
    }

    const requests = sim.requests.slice(before);
    const deployments = requests.filter(r => r.path === '/apis/apps/v1/deployments');
    expect(deployments.length).toBeGreaterThan(1);
    expect(deployments.every(r => r.query.limit === '2' && r.query.fieldSelector === 'metadata.namespace!=kube-system,metadata.namespace!=kube-public')).toBe(true);
    expect(deployments.some(r => r.query.continue)).toBe(true);
    expect(requests.filter(r => r.path.endsWith('/xnetworks')).every(r => r.query.fieldSelector === undefined)).toBe(true);
  });

  it('gives the same reading whatever order the kinds are configured in', async () => {
    const a = await readCluster(conn(), config());
    const b = await readCluster(conn(), config({ components: { workloadKinds: [...WORKLOADS].reverse() } }));
    expect(withoutTime(b)).toEqual(withoutTime(a));
  });

  it('lists per namespace when a few namespaces are included', async () => {
    const before = sim.requests.length;
    const reading = await readCluster(conn(), config({ components: { includedNamespaces: ['team-data', 'team-payments', 'kube-system', 'absent'] } }));
    const deployments = reading.kinds.find(k => k.source.kind === 'Deployment')?.outcome;
    expect(deployments?.ok && deployments.value.map(d => `${d.metadata.namespace}/${d.metadata.name}`).sort()).toEqual([
      'team-data/etl-scheduler',
      'team-payments/api',
      'team-payments/ledger-worker',
      'team-payments/receipts',
    ]);
    const paths = new Set(sim.requests.slice(before).map(r => r.path));
    expect(paths.has('/apis/apps/v1/namespaces/team-data/deployments')).toBe(true);
    expect(paths.has('/apis/apps/v1/namespaces/kube-system/deployments')).toBe(false);
    expect(paths.has('/apis/apps/v1/namespaces/absent/deployments')).toBe(false);
    expect(counts(reading).XNetwork).toBe(1);
  });

  it('reports an unserved kind as data next to the kinds that were read', async () => {
    const reading = await readCluster(conn(), config({ components: { workloadKinds: [...WORKLOADS, { group: 'argoproj.io', kind: 'Rollout', componentType: 'service' }] } }));
    expect(reading.error).toBeUndefined();
    expect(reading.unserved).toEqual([expect.objectContaining({ kind: 'Rollout', reason: expect.stringContaining('not served') })]);
    expect(counts(reading).Deployment).toBe(21);
  });

  it('fails only the kind the user may not list (403)', async () => {
    const token = 'tok-reader-0123456789';
    sim.setUsers([
      { name: 'admin', token: sim.adminToken },
      { name: 'reader', token, deny: [{ apiGroups: ['apps'], resources: ['statefulsets'] }] },
    ]);
    const [limited] = connectionsFromDirectConfig([{ name: 'limited', url: sim.url, token, caData: sim.caPem }]);
    const reading = await readCluster(limited, config(), { retry: FAST_RETRY });
    const c = counts(reading);
    expect(c.StatefulSet).toMatch(/HTTP 403 Forbidden.*cannot list resource "statefulsets"/);
    expect(c.StatefulSet).not.toContain(token);
    expect(c.Deployment).toBe(21);
  });
});

describe('readClusters across a fleet', () => {
  let fleet: KubeSimFleet;
  beforeAll(async () => {
    fleet = await KubeSimFleet.start(4, { manifests: [DEMO] });
  });
  afterAll(() => fleet.stop());
  afterEach(() => fleet.clusters.forEach(c => c.faults.clear()));

  it('isolates a kind answering 503, a kind that hangs and a cluster that hangs, within the time budget', async () => {
    const [healthy, flaky, slowKind, dead] = fleet.clusters;
    flaky.faults.add({ path: '/apis/apps/v1/statefulsets$', status: 503 });
    slowKind.faults.add({ path: '/apis/apps/v1/deployments$', hang: true });
    dead.faults.add({ hang: true });
    const conns = connectionsFromKubeconfig({ yaml: fleet.kubeconfig() });
    // Long enough for healthy clusters on a busy CI machine; a hung request costs exactly this.
    const timeoutMs = 1000;
    const started = Date.now();
    const readings = await readClusters(conns, config({ clusters: { requestTimeoutMs: timeoutMs, concurrency: 6 } }), undefined, { retry: FAST_RETRY });
    // Every cluster runs at once and a hung request costs one timeout (timeouts are not retried):
    // the cycle takes about one timeout, not one per cluster or per kind.
    expect(Date.now() - started).toBeLessThan(10 * timeoutMs);
    expect(readings.map(r => r.cluster)).toEqual([healthy.name, flaky.name, slowKind.name, dead.name]);
    const [a, b, c, d] = readings;
    expect(a.error).toBeUndefined();
    expect(Object.values(counts(a)).every(v => typeof v === 'number')).toBe(true);
    expect(counts(b).StatefulSet).toMatch(/HTTP 503/);
    expect(counts(b).Deployment).toBe(21);
    expect(counts(c).Deployment).toMatch(/timeout/);
    expect(counts(c).StatefulSet).toBe(4);
    expect(d.error).toMatch(/timeout/);
    expect(d.kinds).toEqual([]);
  });

  it('reads each discovery document once per cluster: requests grow with clusters × kinds, not faster', async () => {
    const conns = connectionsFromKubeconfig({ yaml: fleet.kubeconfig() });
    const before = fleet.clusters.map(c => c.requests.length);
    await readClusters(conns, config({ clusters: { pageSize: 500 } }));
    for (const [i, sim] of fleet.clusters.entries()) {
      const paths = sim.requests.slice(before[i]).map(r => r.path);
      expect(paths.filter(p => p === '/apis')).toHaveLength(1);
      expect(paths.filter(p => p === '/apis/apps/v1')).toHaveLength(1);
      // /api, /apis, 7 group versions (apps, batch, crossplane, 4 XRD groups), the XRD list,
      // the namespace list and 8 kinds of one page each.
      expect(paths).toHaveLength(19);
    }
  });

  it('never has more requests in flight than the shared limit', async () => {
    const limiter = createLimiter(2);
    let inFlight = 0;
    let peak = 0;
    const tracked = { run: <T>(task: () => Promise<T>) => limiter.run(async () => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      try {
        return await task();
      } finally {
        inFlight--;
      }
    }) };
    const conns = connectionsFromKubeconfig({ yaml: fleet.kubeconfig() });
    const readings = await readClusters(conns, config(), undefined, { limiter: tracked });
    expect(readings.every(r => !r.error)).toBe(true);
    expect(peak).toBe(2);
  });
});
