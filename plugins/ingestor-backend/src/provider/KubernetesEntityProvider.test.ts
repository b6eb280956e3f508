import { mockServices } from '@backstage/backend-test-utils';
import { KubernetesEntityProvider, type KindWatcher, type WatchHandlers } from './KubernetesEntityProvider';
import type { ReadOptions } from '../types';
import { CRONJOB, DEPLOYMENT, RecordingConnection, ScriptedClusters, reading, testConfig, workload } from './testing';

function setup(watcher?: KindWatcher<{ name: string }>, followWatchedKinds = true) {
  const clusters = new ScriptedClusters();
  const logger = mockServices.logger.mock();
  const provider = new KubernetesEntityProvider({ config: testConfig(), logger, clusters, watcher, deltaDelayMs: 5, followWatchedKinds });
  const connection = new RecordingConnection();
  return { clusters, logger, provider, connection };
}

const ok = <T>(value: T) => ({ ok: true as const, value });
const fail = (error: string) => ({ ok: false as const, error });

describe('KubernetesEntityProvider', () => {
  it('keeps a failed cluster’s entities and warns with the reason, while other clusters update', async () => {
    const { clusters, logger, provider, connection } = setup();
    await provider.connect(connection);
    clusters.next = [
      reading('east', [{ source: DEPLOYMENT, outcome: ok([workload(DEPLOYMENT, 'shop', 'web')]) }]),
      reading('west', [{ source: DEPLOYMENT, outcome: ok([workload(DEPLOYMENT, 'shop', 'web')]) }]),
    ];
    await provider.refresh();
    const before = connection.lastFullRefs();
    expect(before).toEqual(expect.arrayContaining(['component:east/web.shop', 'component:west/web.shop']));

    clusters.next = [
      reading('east', [], 'HTTP 503 from https://east: service unavailable'),
      reading('west', [{ source: DEPLOYMENT, outcome: ok([workload(DEPLOYMENT, 'shop', 'api')]) }]),
    ];
    const summary = await provider.refresh();
    const after = connection.lastFullRefs();
    expect(after).toContain('component:east/web.shop');
    expect(after).toContain('component:west/api.shop');
    expect(after).not.toContain('component:west/web.shop');
    expect(summary.clustersFailed).toEqual([{ cluster: 'east', error: 'HTTP 503 from https://east: service unavailable' }]);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('Cluster east could not be read, keeping its previous entities: HTTP 503'));
  });

  it('keeps a failed kind’s entities but updates the cluster’s other kinds', async () => {
    const { clusters, provider, connection } = setup();
    await provider.connect(connection);
    clusters.next = [reading('c', [
      { source: DEPLOYMENT, outcome: ok([workload(DEPLOYMENT, 'ns', 'web')]) },
      { source: CRONJOB, outcome: ok([workload(CRONJOB, 'ns', 'nightly')]) },
    ])];
    await provider.refresh();
    clusters.next = [reading('c', [
      { source: DEPLOYMENT, outcome: fail('403 Forbidden') },
      { source: CRONJOB, outcome: ok([]) },
    ])];
    await provider.refresh();
    expect(connection.lastFullRefs().filter(r => r.startsWith('component:'))).toEqual(['component:c/web.ns']);
  });

  it('keeps claim entities when the XRDs cannot be read, while workloads update', async () => {
    const CLAIM = { group: 'db.example.org', version: 'v1', kind: 'Database', plural: 'databases', namespaced: true, role: 'claim' as const, defaultType: 'crossplane-claim', xrdName: 'xdatabases.db.example.org' };
    const { clusters, logger, provider, connection } = setup();
    await provider.connect(connection);
    clusters.next = [reading('c', [
      { source: DEPLOYMENT, outcome: ok([workload(DEPLOYMENT, 'ns', 'web')]) },
      { source: CLAIM, outcome: ok([workload(CLAIM, 'ns', 'orders')]) },
    ])];
    await provider.refresh();
    const next = reading('c', [{ source: DEPLOYMENT, outcome: ok([workload(DEPLOYMENT, 'ns', 'api')]) }]);
    clusters.next = [{ ...next, rolesFailed: { roles: ['claim', 'composite'], error: 'HTTP 403 Forbidden' } }];
    const summary = await provider.refresh();
    expect(connection.lastFullRefs().filter(r => r.startsWith('component:'))).toEqual(['component:c/api.ns', 'component:c/orders.ns']);
    expect(summary.kindsFailed).toEqual([{ cluster: 'c', kind: 'claim and composite kinds', error: 'HTTP 403 Forbidden' }]);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('keeping their previous entities: HTTP 403 Forbidden'));
  });

  it('drops a cluster that is no longer configured', async () => {
    const { clusters, provider, connection } = setup();
    await provider.connect(connection);
    clusters.next = [reading('a', [{ source: DEPLOYMENT, outcome: ok([workload(DEPLOYMENT, 'x', 'one')]) }]), reading('b', [{ source: DEPLOYMENT, outcome: ok([workload(DEPLOYMENT, 'x', 'two')]) }])];
    await provider.refresh();
    clusters.next = [reading('a', [{ source: DEPLOYMENT, outcome: ok([workload(DEPLOYMENT, 'x', 'one')]) }])];
    await provider.refresh();
    expect(connection.lastFullRefs().filter(r => r.startsWith('component:'))).toEqual(['component:a/one.x']);
  });

  it('emits byte-identical full mutations for an unchanged cluster', async () => {
    const { clusters, provider, connection } = setup();
    await provider.connect(connection);
    clusters.next = [reading('c', [{ source: DEPLOYMENT, outcome: ok([workload(DEPLOYMENT, 'ns', 'web', { resourceVersion: '1', uid: 'u1' })]) }])];
    await provider.refresh();
    clusters.next = [reading('c', [{ source: DEPLOYMENT, outcome: ok([workload(DEPLOYMENT, 'ns', 'web', { resourceVersion: '2', uid: 'u1' })]) }])];
    await provider.refresh();
    expect(JSON.stringify(connection.mutations[0])).toBe(JSON.stringify(connection.mutations[1]));
  });

  it('turns watch events into delta mutations with only what changed', async () => {
    const handlers: WatchHandlers[] = [];
    const { clusters, provider, connection } = setup((_conn, _source, h) => {
      handlers.push(h);
    });
    await provider.connect(connection);
    clusters.next = [reading('c', [{ source: DEPLOYMENT, outcome: ok([workload(DEPLOYMENT, 'ns', 'web'), workload(DEPLOYMENT, 'ns', 'old')]) }])];
    await provider.refresh();
    expect(handlers).toHaveLength(1);
    handlers[0].onEvent('ADDED', workload(DEPLOYMENT, 'ns', 'new'));
    handlers[0].onEvent('DELETED', workload(DEPLOYMENT, 'ns', 'old'));
    await new Promise(r => setTimeout(r, 50));
    const delta = connection.mutations.at(-1)!;
    expect(delta.type).toBe('delta');
    if (delta.type !== 'delta') return;
    expect(delta.added.map(a => a.entity.metadata.name)).toEqual(['new.ns']);
    expect(delta.removed).toEqual([{ entityRef: 'component:c/old.ns', locationKey: 'kubernetes-ingestor' }]);
    provider.stop();
  });

  it('starts a kind’s watch from its list’s resourceVersion and keeps it running across syncs', async () => {
    const starts: string[] = [];
    const signals: AbortSignal[] = [];
    const { clusters, provider, connection } = setup((conn, source, _h, signal, rv) => {
      starts.push(`${conn.name}/${source.kind}@${rv}`);
      signals.push(signal);
    });
    await provider.connect(connection);
    clusters.next = [reading('c', [{ source: DEPLOYMENT, outcome: ok([]), resourceVersion: '10' }])];
    await provider.refresh();
    clusters.next = [reading('c', [{ source: DEPLOYMENT, outcome: fail('503'), resourceVersion: undefined }])];
    await provider.refresh();
    clusters.next = [reading('c', [{ source: DEPLOYMENT, outcome: ok([]), resourceVersion: '42' }, { source: CRONJOB, outcome: ok([]), resourceVersion: '43' }])];
    await provider.refresh();
    expect(starts).toEqual(['c/Deployment@10', 'c/CronJob@43']);
    expect(signals.map(s => s.aborted)).toEqual([false, false]);
    // A kind gone from discovery stops its watch.
    clusters.next = [reading('c', [{ source: CRONJOB, outcome: ok([]), resourceVersion: '44' }])];
    await provider.refresh();
    expect(signals.map(s => s.aborted)).toEqual([true, false]);
    provider.stop();
    expect(signals[1].aborted).toBe(true);
  });

  it('starts a watch that stopped on its own again at the next sync', async () => {
    const starts: string[] = [];
    let stop: () => void = () => {};
    const { clusters, provider, connection } = setup((_conn, _source, _h, _signal, rv) => {
      starts.push(String(rv));
      return new Promise<void>(resolve => {
        stop = resolve;
      });
    });
    await provider.connect(connection);
    clusters.next = [reading('c', [{ source: DEPLOYMENT, outcome: ok([]), resourceVersion: '10' }])];
    await provider.refresh();
    clusters.next = [reading('c', [{ source: DEPLOYMENT, outcome: ok([]), resourceVersion: '11' }])];
    await provider.refresh();
    expect(starts).toEqual(['10']);
    stop();
    await new Promise(r => setImmediate(r));
    clusters.next = [reading('c', [{ source: DEPLOYMENT, outcome: ok([]), resourceVersion: '12' }])];
    await provider.refresh();
    expect(starts).toEqual(['10', '12']);
    provider.stop();
  });

  it('keeps a change a running watch delivered while the cluster was being listed, though the list is older', async () => {
    const handlers: WatchHandlers[] = [];
    const { clusters, provider, connection } = setup((_conn, _source, h) => {
      handlers.push(h);
    });
    await provider.connect(connection);
    const web = (owner: string, resourceVersion: string) =>
      workload(DEPLOYMENT, 'ns', 'web', { uid: 'u1', resourceVersion, annotations: { 'kube-platform.io/owner': owner } });
    clusters.next = [reading('c', [{ source: DEPLOYMENT, outcome: ok([web('group:default/a', '1'), workload(DEPLOYMENT, 'ns', 'old', { uid: 'u2', resourceVersion: '2' })]) }])];
    await provider.refresh();
    // The list below was taken before these changes; the watch delivers them while it is in flight.
    const stale = reading('c', [{ source: DEPLOYMENT, outcome: ok([web('group:default/a', '1'), workload(DEPLOYMENT, 'ns', 'old', { uid: 'u2', resourceVersion: '2' })]) }]);
    const read = clusters.read.bind(clusters);
    clusters.read = async () => {
      handlers[0].onEvent('MODIFIED', web('group:default/b', '3'));
      handlers[0].onEvent('DELETED', workload(DEPLOYMENT, 'ns', 'old', { uid: 'u2', resourceVersion: '4' }));
      return read();
    };
    clusters.next = [stale];
    await provider.refresh();
    const full = connection.mutations.filter(m => m.type === 'full').at(-1)!;
    if (full.type !== 'full') throw new Error('no full mutation');
    const components = full.entities.map(e => e.entity).filter(e => e.kind === 'Component');
    expect(components.map(e => [e.metadata.name, e.spec?.owner])).toEqual([['web.ns', 'group:default/b']]);
    provider.stop();
  });

  it('does not list a kind its live watch follows again, and keeps its entities; a failed watch makes the next sync list it', async () => {
    const handlers: WatchHandlers[] = [];
    const { clusters, provider, connection } = setup((_c, _s, h) => {
      handlers.push(h);
    });
    const asked: boolean[] = [];
    const read = clusters.read.bind(clusters);
    clusters.read = async (_conns?: unknown, _signal?: AbortSignal, options?: ReadOptions) => {
      asked.push(options?.followed?.('c', DEPLOYMENT) ?? false);
      return read();
    };
    await provider.connect(connection);
    clusters.next = [reading('c', [{ source: DEPLOYMENT, outcome: ok([workload(DEPLOYMENT, 'ns', 'web')]), resourceVersion: '10' }])];
    await provider.refresh();
    clusters.next = [{ ...reading('c', []), namespaces: [{ name: 'ns', labels: {}, annotations: {} }], followed: [DEPLOYMENT] }];
    await provider.refresh();
    expect(connection.lastFullRefs()).toContain('component:c/web.ns');
    handlers[0].onFailure?.();
    await provider.refresh();
    expect(asked).toEqual([false, true, false]);
    provider.stop();
  });

  it('lists every kind at every sync unless told to follow watched kinds', async () => {
    const { clusters, provider, connection } = setup(() => {}, false);
    const asked: Array<ReadOptions['followed']> = [];
    const read = clusters.read.bind(clusters);
    clusters.read = async (_conns?: unknown, _signal?: AbortSignal, options?: ReadOptions) => {
      asked.push(options?.followed);
      return read();
    };
    await provider.connect(connection);
    clusters.next = [reading('c', [{ source: DEPLOYMENT, outcome: ok([]), resourceVersion: '10' }])];
    await provider.refresh();
    await provider.refresh();
    expect(asked).toEqual([undefined, undefined]);
    provider.stop();
  });
});
