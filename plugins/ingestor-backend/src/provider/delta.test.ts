import { mockServices } from '@backstage/backend-test-utils';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { KubeObject } from '../types';
import { KubernetesEntityProvider, type WatchHandlers } from './KubernetesEntityProvider';
import { CLAIM_KIND, DEPLOYMENT, RecordingConnection, ScriptedClusters, reading, testConfig, workload } from './testing';

const ok = <T>(value: T) => ({ ok: true as const, value });
// Names without namespace or cluster: objects of one cluster collide by name, so one change renames another.
const config = testConfig({ mappings: { nameModel: 'name', namespaceModel: 'cluster', systemModel: 'namespace' } });

let uid = 0;
const object = (source: typeof DEPLOYMENT, namespace: string, name: string, annotations: Record<string, string> = {}): KubeObject =>
  workload(source, namespace, name, { uid: `uid-${namespace}-${name}-${++uid}`, resourceVersion: '1', annotations });

/** Every entity of each cluster's snapshot, mapped from scratch by a new provider. */
async function freshEntities(readings: ReturnType<typeof reading>[]): Promise<Map<string, string>> {
  const clusters = new ScriptedClusters();
  clusters.next = readings;
  const provider = new KubernetesEntityProvider({ config, logger: mockServices.logger.mock(), clusters });
  const connection = new RecordingConnection();
  await provider.connect(connection);
  await provider.refresh();
  const full = connection.mutations[0];
  if (full.type !== 'full') throw new Error('no full mutation');
  return new Map(full.entities.map(({ entity }) => [stringifyEntityRef(entity), JSON.stringify(entity)]));
}

/** What the catalog must be told to get from `before` to `after`. */
function diff(before: Map<string, string>, after: Map<string, string>) {
  return {
    added: [...after].filter(([ref, json]) => before.get(ref) !== json).map(([ref]) => ref).sort(),
    removed: [...before.keys()].filter(ref => !after.has(ref)).sort(),
  };
}

describe('delta mutations from watch events', () => {
  it('send exactly what a full mapping would change: the new object, the one it renamed, its dependants and its System', async () => {
    const api = object(DEPLOYMENT, 'team-b', 'api');
    const web = object(DEPLOYMENT, 'team-b', 'web', { 'kube-platform.io/depends-on': 'api' });
    const other = object(DEPLOYMENT, 'x', 'other');
    const before = [reading('c', [{ source: DEPLOYMENT, outcome: ok([api, web]) }]), reading('d', [{ source: DEPLOYMENT, outcome: ok([other]) }])];

    const handlers = new Map<string, WatchHandlers>();
    const clusters = new ScriptedClusters();
    const provider = new KubernetesEntityProvider({ config, logger: mockServices.logger.mock(), clusters, watcher: (conn, _s, h) => {
      handlers.set(conn.name, h);
    }, deltaDelayMs: 5 });
    const connection = new RecordingConnection();
    await provider.connect(connection);
    clusters.next = before;
    await provider.refresh();

    // A new `api` in team-a outranks team-b's: that one is renamed, and web's dependency follows it.
    const newApi = object(DEPLOYMENT, 'team-a', 'api');
    handlers.get('c')!.onEvent('ADDED', newApi);
    await new Promise(r => setTimeout(r, 50));
    const delta = connection.mutations.at(-1)!;
    if (delta.type !== 'delta') throw new Error('no delta mutation');

    const after = [reading('c', [{ source: DEPLOYMENT, outcome: ok([api, web, newApi]) }]), reading('d', [{ source: DEPLOYMENT, outcome: ok([other]) }])];
    const expected = diff(await freshEntities(before), await freshEntities(after));
    expect(delta.added.map(a => stringifyEntityRef(a.entity)).sort()).toEqual(expected.added);
    expect(delta.removed.map(r => ('entityRef' in r ? r.entityRef : '')).sort()).toEqual(expected.removed);
    expect(expected.added).toEqual(['component:c/api', 'component:c/api-deployment', 'component:c/web', 'system:c/team-a']);
    const webEntity = delta.added.map(a => a.entity).find(e => e.metadata.name === 'web') as Entity;
    expect(webEntity.spec?.dependsOn).toEqual(['component:c/api-deployment']);

    // Deleting it gives the name back: the same entities change again, the System goes.
    handlers.get('c')!.onEvent('DELETED', newApi);
    await new Promise(r => setTimeout(r, 50));
    const back = connection.mutations.at(-1)!;
    if (back.type !== 'delta') throw new Error('no delta mutation');
    const expectedBack = diff(await freshEntities(after), await freshEntities(before));
    expect(back.added.map(a => stringifyEntityRef(a.entity)).sort()).toEqual(expectedBack.added);
    expect(back.removed.map(r => ('entityRef' in r ? r.entityRef : '')).sort()).toEqual(expectedBack.removed);
    expect(expectedBack.removed).toEqual(['component:c/api-deployment', 'system:c/team-a']);
    provider.stop();
  });

  it('a new claim in a namespace of its own brings its System, and an unchanged object is not sent', async () => {
    const handlers: WatchHandlers[] = [];
    const clusters = new ScriptedClusters();
    const provider = new KubernetesEntityProvider({ config, logger: mockServices.logger.mock(), clusters, watcher: (_c, source, h) => {
      if (source.kind === CLAIM_KIND.kind) handlers.push(h);
    }, deltaDelayMs: 5 });
    const connection = new RecordingConnection();
    await provider.connect(connection);
    clusters.next = [reading('c', [{ source: DEPLOYMENT, outcome: ok([object(DEPLOYMENT, 'team-b', 'api')]) }, { source: CLAIM_KIND, outcome: ok([]) }])];
    await provider.refresh();
    const claim = object(CLAIM_KIND, 'data', 'orders-db');
    handlers[0].onEvent('ADDED', claim);
    await new Promise(r => setTimeout(r, 50));
    // The same object again (a watch replaying it after a reconnect): nothing to send.
    handlers[0].onEvent('MODIFIED', { ...claim, metadata: { ...claim.metadata } });
    await new Promise(r => setTimeout(r, 50));
    const deltas = connection.mutations.filter(m => m.type === 'delta');
    expect(deltas).toHaveLength(1);
    const [delta] = deltas;
    if (delta.type !== 'delta') throw new Error('no delta mutation');
    expect(delta.added.map(a => stringifyEntityRef(a.entity)).sort()).toEqual(['component:c/orders-db', 'system:c/data']);
    expect(delta.removed).toEqual([]);
    provider.stop();
  });
});
