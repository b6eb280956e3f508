import type { Entity } from '@backstage/catalog-model';
import { KubeSim, KubeSimFleet } from '@internal/kube-sim';
import { clusterObjects, deployment, teamWorkloads, workload } from './__testUtils__/fixtures';
import { fromSource, KubeconfigFile, refsOf, sourcesOf, startIngestor } from './__testUtils__/harness';

jest.setTimeout(60_000);

const ofCluster = (entities: Entity[], cluster: string) => entities.filter(e => e.metadata.namespace === cluster);
const json = (entities: Entity[]) => JSON.stringify([...entities].sort((a, b) => refsOf([a])[0].localeCompare(refsOf([b])[0])));

describe('clusters that fail keep their last good entities', () => {
  let fleet: KubeSimFleet;
  let kubeconfig: KubeconfigFile;
  beforeAll(async () => {
    fleet = await KubeSimFleet.start(3);
    fleet.clusters.forEach((sim, i) => sim.apply(clusterObjects(teamWorkloads(`only-in-${i + 1}`))));
    kubeconfig = new KubeconfigFile(fleet.kubeconfig());
  });
  afterAll(async () => {
    kubeconfig.dispose();
    await fleet.stop();
  });

  it('keeps a cluster answering 503 and a cluster that hangs, applies the third cluster’s changes, and names both in warnings and the summary', async () => {
    const [unavailable, hanging, healthy] = fleet.clusters;
    const ingestor = await startIngestor(kubeconfig.path, { clusters: { requestTimeoutSeconds: 1 } });
    const first = await ingestor.refresh();
    expect(first.clustersFailed).toEqual([]);
    const before = ingestor.full();
    expect(ofCluster(before, hanging.name).length).toBeGreaterThan(0);

    unavailable.faults.add({ status: 503 });
    hanging.faults.add({ hang: true });
    healthy.apply(deployment('team-a', 'fresh'));
    healthy.delete('apps/v1', 'Deployment', 'worker', 'team-a');
    // Also changes in the failing clusters: they must not show up, nothing was read from them.
    unavailable.apply(deployment('team-a', 'unseen'));
    hanging.delete('apps/v1', 'Deployment', 'web', 'team-a');

    // Bounded by Jest's timeout: 503s are retried a few times with backoff, a hung request costs one timeout.
    const summary = await ingestor.refresh();
    const after = ingestor.full();

    expect(json(ofCluster(after, unavailable.name))).toBe(json(ofCluster(before, unavailable.name)));
    expect(json(ofCluster(after, hanging.name))).toBe(json(ofCluster(before, hanging.name)));
    const healthyRefs = refsOf(ofCluster(after, healthy.name));
    expect(healthyRefs).toContain(`component:${healthy.name}/fresh.team-a`);
    expect(healthyRefs).not.toContain(`component:${healthy.name}/worker.team-a`);
    expect(refsOf(ofCluster(after, healthy.name)).length).toBe(refsOf(ofCluster(before, healthy.name)).length);

    expect(summary.clustersOk).toEqual([healthy.name]);
    expect(summary.clustersFailed).toEqual([
      { cluster: unavailable.name, error: expect.stringMatching(/HTTP 503/) },
      { cluster: hanging.name, error: expect.stringMatching(/timeout/) },
    ]);
    const warnings = ingestor.warnings();
    expect(warnings).toContainEqual(
      expect.stringMatching(new RegExp(`^Cluster ${unavailable.name} could not be read, keeping its previous entities: .*HTTP 503`)),
    );
    expect(warnings).toContainEqual(
      expect.stringMatching(new RegExp(`^Cluster ${hanging.name} could not be read, keeping its previous entities: .*timeout`)),
    );
    expect(warnings.filter(w => w.includes(healthy.name))).toEqual([]);
    expect(ingestor.logger.info).toHaveBeenCalledWith(
      expect.stringContaining(`clusters ok 1, failed 2 (${unavailable.name}, ${hanging.name})`),
    );

    // Once they answer again, their real state replaces the kept one.
    unavailable.faults.clear();
    hanging.faults.clear();
    await ingestor.refresh();
    const recovered = refsOf(ingestor.full());
    expect(recovered).toContain(`component:${unavailable.name}/unseen.team-a`);
    expect(recovered).not.toContain(`component:${hanging.name}/web.team-a`);
  }, 45_000);
});

describe('a continue token that expires in the middle of a list', () => {
  let sim: KubeSim;
  let kubeconfig: KubeconfigFile;
  const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
  beforeAll(async () => {
    sim = await KubeSim.start({ name: 'paged' });
    sim.apply([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } }, ...names.map(n => deployment('shop', n))]);
    kubeconfig = new KubeconfigFile(sim.kubeconfig());
  });
  afterAll(async () => {
    kubeconfig.dispose();
    await sim.stop();
  });

  it('restarts the list and ingests every object, none missing and none twice', async () => {
    // Expires the first continue token presented: the request for the second page.
    sim.faults.add({ path: '^/apis/apps/v1/deployments$', expireContinue: true, times: 1 });
    const start = sim.requests.length;
    const ingestor = await startIngestor(kubeconfig.path);
    const summary = await ingestor.refresh();
    expect(summary.kindsFailed).toEqual([]);
    expect(sourcesOf(ingestor.full())).toEqual(names.map(n => `paged|Deployment|shop/${n}`));

    const lists = sim.requests.slice(start).filter(r => r.path === '/apis/apps/v1/deployments');
    // The expired list started over: the first page was asked for twice.
    expect(lists.filter(r => r.query.continue === undefined)).toHaveLength(2);
    expect(lists.filter(r => r.query.continue !== undefined).length).toBeGreaterThanOrEqual(4);
  });
});

describe('a kind the ingestor may not list (403)', () => {
  const token = 'tok-ingestor-0123456789abcdef';
  const denied = [{ name: 'ingestor', token, deny: [{ apiGroups: ['apps'], resources: ['statefulsets'] }] }];
  const allowed = [{ name: 'ingestor', token }];
  let sim: KubeSim;
  let kubeconfig: KubeconfigFile;
  beforeAll(async () => {
    sim = await KubeSim.start({ name: 'rbac', users: denied });
    sim.apply(clusterObjects(teamWorkloads('extra')));
    kubeconfig = new KubeconfigFile(sim.kubeconfig());
  });
  afterAll(async () => {
    kubeconfig.dispose();
    await sim.stop();
  });

  const statefulSets = (entities: Entity[]) => fromSource(entities, { kind: 'StatefulSet' });
  const stsWarning = /^Listing StatefulSet in cluster rbac failed, keeping its previous entities: .*HTTP 403 Forbidden/;

  it('emits the other kinds, keeps the forbidden kind’s entities from the last good cycle, and names kind and cluster', async () => {
    sim.setUsers(denied);
    const ingestor = await startIngestor(kubeconfig.path);

    const first = await ingestor.refresh();
    expect(first.kindsFailed).toEqual([{ cluster: 'rbac', kind: 'StatefulSet', error: expect.stringContaining('HTTP 403') }]);
    expect(statefulSets(ingestor.full())).toEqual([]);
    expect(fromSource(ingestor.full(), { kind: 'Deployment' })).toHaveLength(5);
    expect(fromSource(ingestor.full(), { kind: 'DaemonSet' })).toHaveLength(1);
    expect(fromSource(ingestor.full(), { kind: 'CronJob' })).toHaveLength(1);
    expect(ingestor.warnings()).toContainEqual(expect.stringMatching(stsWarning));
    expect(ingestor.warnings().join('\n')).not.toContain(token);

    sim.setUsers(allowed);
    const second = await ingestor.refresh();
    expect(second.kindsFailed).toEqual([]);
    const good = statefulSets(ingestor.full());
    expect(refsOf(good)).toEqual(['component:rbac/cache.team-b', 'component:rbac/db.team-a', 'component:rbac/queue.team-b']);

    sim.setUsers(denied);
    sim.apply(workload('StatefulSet', 'team-a', 'not-seen-yet'));
    sim.delete('apps/v1', 'Deployment', 'gateway', 'team-b');
    ingestor.logger.warn.mockClear();
    const third = await ingestor.refresh();
    expect(third.kindsFailed).toEqual([{ cluster: 'rbac', kind: 'StatefulSet', error: expect.stringContaining('HTTP 403') }]);
    expect(JSON.stringify(statefulSets(ingestor.full()))).toBe(JSON.stringify(good));
    expect(refsOf(ingestor.full())).not.toContain('component:rbac/gateway.team-b');
    expect(ingestor.warnings()).toEqual([expect.stringMatching(stsWarning)]);
  });

  it('still emits the workloads when the Crossplane XRDs may not be listed', async () => {
    sim.setUsers([{ name: 'ingestor', token, deny: [{ apiGroups: ['apiextensions.crossplane.io'], resources: ['compositeresourcedefinitions'] }] }]);
    const ingestor = await startIngestor(kubeconfig.path);
    const summary = await ingestor.refresh();
    expect(ingestor.warnings()).toContainEqual(expect.stringMatching(/cluster rbac.*compositeresourcedefinitions.*HTTP 403 Forbidden/));
    expect(summary.clustersOk).toEqual(['rbac']);
    expect(refsOf(fromSource(ingestor.full(), { kind: 'Deployment', namespace: 'team-a' }))).toEqual(['component:rbac/web.team-a', 'component:rbac/worker.team-a']);
    expect(statefulSets(ingestor.full()).length).toBeGreaterThan(0);
  });
});
