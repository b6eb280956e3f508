import type { KubeObject, NamespaceInfo } from '../types';
import { createDraftCache, mapClusterObjects } from './mapReading';
import { deployment, namespaceInfo, objectsOf, testSettings, workloadKind } from './testUtils';

// Copying an invalid key warns while the entity is built, after drafting: reuse must replay that too.
const settings = testSettings({ copyAnnotations: { keys: ['bad key'], prefixes: [] } });
const source = workloadKind('Deployment');

function versioned(name: string, namespace: string, version: string, annotations: Record<string, string> = {}): KubeObject {
  const object = deployment(name, namespace, annotations);
  Object.assign(object.metadata, { uid: `uid-${name}`, resourceVersion: version });
  return object;
}

function fleet(versions: { api?: string; worker?: string; web?: string } = {}): KubeObject[] {
  return [
    versioned('api', 'team-a', versions.api ?? '1', { 'kube-platform.io/depends-on': 'worker' }),
    versioned('worker', 'team-a', versions.worker ?? '1'),
    versioned('web', 'team-b', versions.web ?? '1', { 'kube-platform.io/owner': 'component:default/x', 'bad key': 'x' }),
  ];
}

const namespaces = (ownerOfA = 'group:default/a'): NamespaceInfo[] => [
  namespaceInfo('team-a', { 'kube-platform.io/owner': ownerOfA }),
  namespaceInfo('team-b', { 'kube-platform.io/owner': 'group:default/b' }),
];

/** Maps with the cache and without it: reuse must never change the result. */
function both(objects: KubeObject[], nsInfo: NamespaceInfo[], cache: ReturnType<typeof createDraftCache>) {
  const before = cache.drafted;
  const cached = mapClusterObjects('prod', objectsOf('prod', source, objects), nsInfo, settings, new Map(), cache);
  const fresh = mapClusterObjects('prod', objectsOf('prod', source, objects), nsInfo, settings);
  expect(JSON.stringify(cached)).toBe(JSON.stringify(fresh));
  return { result: cached, drafted: cache.drafted - before };
}

const ownerOf = (result: ReturnType<typeof mapClusterObjects>, name: string) =>
  result.entities.find(e => e.metadata.title === name)?.spec?.owner;

describe('mapping reuses the drafts of unchanged objects', () => {
  it('drafts nothing again when the snapshot did not change, and replays its warnings', () => {
    const cache = createDraftCache();
    const first = both(fleet(), namespaces(), cache);
    expect(first.drafted).toBe(3);
    const webWarnings = first.result.warnings.filter(w => w.object.includes('web')).map(w => w.message);
    expect(webWarnings).toEqual([expect.stringContaining('not a valid owner reference'), expect.stringContaining('not a valid entity annotation key')]);

    const second = both(fleet(), namespaces(), cache);
    expect(second.drafted).toBe(0);
    expect(second.result).toEqual(first.result);
  });

  it('drafts again exactly the object whose resourceVersion changed', () => {
    const cache = createDraftCache();
    both(fleet(), namespaces(), cache);
    const changed = fleet({ worker: '2' });
    changed[1].metadata.annotations = { 'kube-platform.io/owner': 'group:default/workers' };
    const { result, drafted } = both(changed, namespaces(), cache);
    expect(drafted).toBe(1);
    expect(ownerOf(result, 'worker')).toBe('group:default/workers');
    expect(ownerOf(result, 'api')).toBe('group:default/a');
  });

  it("drafts again the objects of a Namespace whose owner annotation changed, and only those", () => {
    const cache = createDraftCache();
    both(fleet(), namespaces(), cache);
    const { result, drafted } = both(fleet(), namespaces('group:default/new-owner'), cache);
    expect(drafted).toBe(2);
    expect(ownerOf(result, 'api')).toBe('group:default/new-owner');
    expect(ownerOf(result, 'worker')).toBe('group:default/new-owner');
    expect(ownerOf(result, 'web')).toBe('group:default/b');
    expect(result.warnings).toHaveLength(2);
  });

  it('drafts everything again when the settings or the API names change, and forgets removed objects', () => {
    const cache = createDraftCache();
    both(fleet(), namespaces(), cache);
    const other = mapClusterObjects('prod', objectsOf('prod', source, fleet()), namespaces(), testSettings(), new Map(), cache);
    expect(other.entities).toHaveLength(3);
    expect(cache.drafted).toBe(6);
    mapClusterObjects('prod', objectsOf('prod', source, fleet()), namespaces(), testSettings(), new Map([['x', 'x-api']]), cache);
    expect(cache.drafted).toBe(9);

    mapClusterObjects('prod', objectsOf('prod', source, fleet().slice(0, 1)), namespaces(), settings, new Map(), cache);
    const back = cache.drafted;
    both(fleet(), namespaces(), cache);
    // The settings changed back on the previous call (api drafted again), which forgot worker and web.
    expect(cache.drafted - back).toBe(2);
  });

  it('never reuses an object without a uid or resourceVersion', () => {
    const cache = createDraftCache();
    const objects = [deployment('plain', 'team-a')];
    both(objects, namespaces(), cache);
    expect(both(objects, namespaces(), cache).drafted).toBe(1);
  });

  it('hands back the very entity built last time for an unchanged object, with its build warnings, and rebuilds only what changed', () => {
    const cache = createDraftCache();
    const first = both(fleet(), namespaces(), cache).result;
    const builtBefore = cache.built;
    const second = both(fleet(), namespaces(), cache).result;
    expect(cache.built).toBe(builtBefore);
    second.entities.forEach((entity, i) => expect(entity).toBe(first.entities[i]));
    expect(second.warnings).toEqual(first.warnings);

    // worker changed; api depends on it by object name, which still resolves to the same entity.
    const third = both(fleet({ worker: '2' }), namespaces(), cache).result;
    expect(cache.built - builtBefore).toBe(1);
    expect(third.entities.find(e => e.metadata.title === 'api')).toBe(first.entities.find(e => e.metadata.title === 'api'));
  });

  it('rebuilds an unchanged object whose dependency was renamed by a new object taking its name', () => {
    const byName = testSettings({ mappings: { nameModel: 'name', namespaceModel: 'cluster' } });
    const cache = createDraftCache();
    const api = versioned('worker', 'team-b', '1');
    const web = versioned('web', 'team-b', '1', { 'kube-platform.io/depends-on': 'worker' });
    const map = (objects: KubeObject[]) => mapClusterObjects('prod', objectsOf('prod', source, objects), namespaces(), byName, new Map(), cache);
    const before = map([api, web]);
    const intruder = { ...versioned('worker', 'team-a', '1'), metadata: { ...versioned('worker', 'team-a', '1').metadata, uid: 'uid-intruder' } };
    const after = map([api, web, intruder]);
    const dependsOn = (result: ReturnType<typeof map>) => result.entities.find(e => e.metadata.name === 'web')?.spec?.dependsOn;
    expect(dependsOn(before)).toEqual(['component:prod/worker']);
    expect(dependsOn(after)).toEqual(['component:prod/worker-deployment']);
    expect(JSON.stringify(after)).toBe(JSON.stringify(mapClusterObjects('prod', objectsOf('prod', source, [api, web, intruder]), namespaces(), byName)));
  });

  it('rebuilds a kept object that lost its name to a new override, drafting it again with the same build warnings', () => {
    const cache = createDraftCache();
    const objects = fleet();
    const first = both(objects, namespaces(), cache);
    expect(first.result.entities.map(e => e.metadata.name)).toContain('web.team-b');
    // An object of another kind that names itself "web.team-b" outranks the generated name.
    const claimant = versioned('other', 'team-b', '1', { 'kube-platform.io/name': 'web.team-b' });
    const builtBefore = cache.built;
    const second = both([...objects, claimant], namespaces(), cache);
    expect(second.drafted).toBe(1);
    expect(cache.built - builtBefore).toBe(2);
    const web = second.result.entities.find(e => e.metadata.title === 'web')!;
    expect(web.metadata.name).not.toBe('web.team-b');
    expect(web.spec).toEqual(first.result.entities.find(e => e.metadata.title === 'web')!.spec);
    const messages = (result: typeof first.result) => result.warnings.filter(w => w.object === 'Deployment team-b/web').map(w => w.message);
    expect(messages(second.result)).toEqual(expect.arrayContaining(messages(first.result)));
    expect(messages(second.result)).toHaveLength(messages(first.result).length + 1);
    expect(messages(second.result).some(m => m.includes('taken by another object'))).toBe(true);
  });
});
