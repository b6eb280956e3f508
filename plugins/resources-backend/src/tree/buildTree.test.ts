import type { KubeObject, ServedKind } from '../cluster/types';
import { conditions, memoryReader } from '../__testUtils__/memoryReader';
import { buildTree } from './buildTree';
import { crossplaneFamily } from './families/crossplane';
import { toResourceTree } from './toResourceTree';

const kinds: ServedKind[] = [
  { apiVersion: 'db.example.org/v1', kind: 'Database', plural: 'databases', namespaced: true },
  { apiVersion: 'db.example.org/v1', kind: 'XDatabase', plural: 'xdatabases', namespaced: false },
  { apiVersion: 'rds.aws.upbound.io/v1beta1', kind: 'Instance', plural: 'instances', namespaced: false },
  { apiVersion: 'kubernetes.crossplane.io/v1alpha2', kind: 'Object', plural: 'objects', namespaced: false },
  { apiVersion: 'v1', kind: 'Secret', plural: 'secrets', namespaced: true },
  { apiVersion: 'apiextensions.crossplane.io/v1', kind: 'Composition', plural: 'compositions', namespaced: false },
  { apiVersion: 'apiextensions.crossplane.io/v1', kind: 'CompositeResourceDefinition', plural: 'compositeresourcedefinitions', namespaced: false },
  { apiVersion: 'app.example.org/v1', kind: 'XApp', plural: 'xapps', namespaced: true },
];

const claim: KubeObject = {
  apiVersion: 'db.example.org/v1',
  kind: 'Database',
  metadata: { name: 'orders', namespace: 'team', creationTimestamp: '2026-01-01T00:00:00Z' },
  spec: { compositionRef: { name: 'aws' }, resourceRef: { apiVersion: 'db.example.org/v1', kind: 'XDatabase', name: 'orders-x1' } },
  status: { conditions: conditions('True', 'False', 'Creating', 'Unready resources: instance') },
};
const composite: KubeObject = {
  apiVersion: 'db.example.org/v1',
  kind: 'XDatabase',
  metadata: { name: 'orders-x1' },
  spec: {
    compositionRef: { name: 'aws' },
    claimRef: { apiVersion: 'db.example.org/v1', kind: 'Database', name: 'orders', namespace: 'team' },
    resourceRefs: [
      { apiVersion: 'rds.aws.upbound.io/v1beta1', kind: 'Instance', name: 'orders-db' },
      { apiVersion: 'kubernetes.crossplane.io/v1alpha2', kind: 'Object', name: 'orders-cm' },
      { apiVersion: 'rds.aws.upbound.io/v1beta1', kind: 'Instance', name: 'gone' },
    ],
  },
  status: { conditions: conditions('True', 'False', 'Creating') },
};
const instance: KubeObject = {
  apiVersion: 'rds.aws.upbound.io/v1beta1',
  kind: 'Instance',
  metadata: { name: 'orders-db', managedFields: [{ manager: 'x' }] },
  spec: { forProvider: { engineVersion: '16.1' } },
  status: { conditions: conditions('False', 'False', 'ReconcileError', 'Cannot find version 16.1 for postgres') },
};
const object: KubeObject = {
  apiVersion: 'kubernetes.crossplane.io/v1alpha2',
  kind: 'Object',
  metadata: { name: 'orders-cm' },
  spec: { forProvider: { manifest: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds', namespace: 'team' }, stringData: { password: 'hunter2' } } } },
  status: {
    conditions: conditions('True', 'True'),
    atProvider: { manifest: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds', namespace: 'team' }, data: { password: 'aHVudGVyMg==' } } },
  },
};
const composition: KubeObject = { apiVersion: 'apiextensions.crossplane.io/v1', kind: 'Composition', metadata: { name: 'aws' }, spec: {} };

describe('buildTree', () => {
  it('follows claim → composite → composed resources, with Composition, XRD, missing and remote nodes', async () => {
    const { reader } = memoryReader(kinds, [claim, composite, instance, object, composition]);
    const built = await buildTree(reader, { apiVersion: 'db.example.org/v1', kind: 'Database', namespace: 'team', name: 'orders' }, { maxNodes: 100, concurrency: 4 });
    const tree = toResourceTree(built, new Date(0));
    const names = tree.nodes.map(n => `${n.kind}/${n.name}:${n.status}:${n.role}`);
    expect(names).toEqual([
      'Database/orders:progressing:root',
      'XDatabase/orders-x1:progressing:child',
      'Composition/aws:ready:supporting',
      'Instance/orders-db:failing:child',
      'Object/orders-cm:ready:child',
      'Instance/gone:missing:child',
      'CompositeResourceDefinition/xdatabases.db.example.org:missing:supporting',
      'Secret/creds:ready:child',
    ]);
    // Cluster-scoped composite: the claim's namespace is not carried over.
    expect(tree.nodes[1].namespace).toBeUndefined();
    expect(tree.summary.rootCause).toMatchObject({ kind: 'Instance', name: 'orders-db', reason: 'ReconcileError', message: 'Cannot find version 16.1 for postgres' });
    expect(tree.summary.total).toBe(8);
    expect(tree.edges.filter(e => e.relation === 'manages')).toHaveLength(1);
    expect(JSON.stringify([...built.entries.values()].map(e => e.object))).not.toMatch(/hunter2|aHVudGVyMg|managedFields/);
  });

  it('gives the same object the same id in every build, and ids differ per object', async () => {
    const { reader } = memoryReader(kinds, [claim, composite, instance, object, composition]);
    const root = { apiVersion: 'db.example.org/v1', kind: 'Database', namespace: 'team', name: 'orders' };
    const a = toResourceTree(await buildTree(reader, root, { maxNodes: 100, concurrency: 4 }), new Date(0));
    const b = toResourceTree(await buildTree(reader, root, { maxNodes: 100, concurrency: 1 }), new Date(0));
    expect(a.nodes.map(n => n.id)).toEqual(b.nodes.map(n => n.id));
    expect(new Set(a.nodes.map(n => n.id)).size).toBe(a.nodes.length);
  });

  it('ends on cycles and follows nested namespaced composites to any depth', async () => {
    const xapp = (name: string, child: string): KubeObject => ({
      apiVersion: 'app.example.org/v1',
      kind: 'XApp',
      metadata: { name, namespace: 'team' },
      spec: { crossplane: { resourceRefs: [{ apiVersion: 'app.example.org/v1', kind: 'XApp', name: child }] } },
      status: { conditions: conditions('True', 'True') },
    });
    const { reader } = memoryReader(kinds, [xapp('a', 'b'), xapp('b', 'c'), xapp('c', 'd'), xapp('d', 'a')]);
    const built = await buildTree(reader, { apiVersion: 'app.example.org/v1', kind: 'XApp', namespace: 'team', name: 'a' }, { maxNodes: 100, concurrency: 2 });
    const tree = toResourceTree(built, new Date(0));
    expect(tree.nodes.filter(n => n.kind === 'XApp').map(n => [n.name, n.namespace])).toEqual([['a', 'team'], ['b', 'team'], ['c', 'team'], ['d', 'team']]);
    expect(tree.edges.some(e => e.to === tree.root && e.relation === 'resourceRefs')).toBe(true);
    expect(built.entries.get(tree.nodes.find(n => n.name === 'd')!.id)!.depth).toBe(3);
  });

  it('stops at the node cap, marks the tree truncated and keeps requests within the bound', async () => {
    const children = Array.from({ length: 600 }, (_, i) => ({ apiVersion: 'rds.aws.upbound.io/v1beta1', kind: 'Instance', metadata: { name: `i${i}` }, spec: { forProvider: {} }, status: { conditions: conditions('True', 'True') } }));
    const wide: KubeObject = { ...composite, spec: { resourceRefs: children.map(c => ({ apiVersion: c.apiVersion, kind: c.kind, name: c.metadata.name })) } };
    const { reader, stats } = memoryReader(kinds, [wide, ...children], { delayMs: 1 });
    const root = { apiVersion: 'db.example.org/v1', kind: 'XDatabase', name: 'orders-x1' };
    const capped = await buildTree(reader, root, { maxNodes: 250, concurrency: 5 });
    expect(capped.entries.size).toBe(250);
    expect(capped.truncated).toBe(true);
    expect(stats.maxInFlight).toBeLessThanOrEqual(5);
    const whole = await buildTree(reader, root, { maxNodes: 1000, concurrency: 5 });
    expect(whole.truncated).toBe(false);
    expect(whole.entries.size).toBe(602);
    // Hundreds of siblings of one kind are read with one LIST, not a GET each.
    expect(stats.lists).toEqual(['Instance/', 'Instance/']);
    expect(stats.gets).toBeLessThan(10);
  });

  it('resolves the kinds of one wave at once and still places them in the order they were found', async () => {
    const { reader } = memoryReader(kinds, [claim, composite, instance, object, composition]);
    const resolve = reader.resolve.bind(reader);
    let inFlight = 0;
    let maxInFlight = 0;
    // Discovery of a group version takes a round trip; each kind here is of another group version.
    reader.resolve = async (apiVersion, kind) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise(r => setTimeout(r, 5));
      inFlight--;
      return resolve(apiVersion, kind);
    };
    const built = await buildTree(reader, { apiVersion: 'db.example.org/v1', kind: 'XDatabase', name: 'orders-x1' }, { maxNodes: 100, concurrency: 4 });
    expect(maxInFlight).toBeGreaterThan(1);
    expect([...built.entries.values()].map(e => `${e.node.kind}/${e.node.name}`)).toEqual([
      'XDatabase/orders-x1',
      'Instance/orders-db',
      'Object/orders-cm',
      'Instance/gone',
      'Composition/aws',
      'CompositeResourceDefinition/xdatabases.db.example.org',
      'Secret/creds',
    ]);
  });

  describe('siblings of a labelled composite', () => {
    const label = { 'crossplane.io/composite': 'orders-x1' };
    const instanceNamed = (name: string, labels?: Record<string, string>): KubeObject => ({
      apiVersion: 'rds.aws.upbound.io/v1beta1',
      kind: 'Instance',
      metadata: { name, ...(labels ? { labels } : {}) },
      spec: { forProvider: {} },
      status: { conditions: conditions('True', 'True') },
    });
    const compositeOf = (names: string[]): KubeObject => ({
      ...composite,
      metadata: { name: 'orders-x1', labels: label },
      spec: { resourceRefs: names.map(name => ({ apiVersion: 'rds.aws.upbound.io/v1beta1', kind: 'Instance', name })) },
    });
    const root = { apiVersion: 'db.example.org/v1', kind: 'XDatabase', name: 'orders-x1' };
    const byName = (built: Awaited<ReturnType<typeof buildTree>>) => new Map([...built.entries.values()].map(e => [e.node.name, e.node]));

    it('are read with one LIST narrowed to the label, and those it does not return by name', async () => {
      const names = Array.from({ length: 10 }, (_, i) => `i${i}`);
      const labelled = names.map(name => instanceNamed(name, label));
      // Another composite's instances are of the same kind: a whole LIST would read them too.
      const others = Array.from({ length: 50 }, (_, i) => instanceNamed(`other${i}`, { 'crossplane.io/composite': 'other' }));
      const unlabelled = instanceNamed('unlabelled');
      const { reader, stats } = memoryReader(kinds, [compositeOf([...names, 'unlabelled', 'gone']), ...labelled, ...others, unlabelled]);
      const built = await buildTree(reader, root, { maxNodes: 100, concurrency: 4 });
      expect(stats.lists).toEqual(['Instance/?crossplane.io/composite=orders-x1']);
      // The root, its XRD, then the two instances the narrowed LIST did not return.
      expect(stats.gets).toBe(4);
      const nodes = byName(built);
      expect(nodes.get('i9')).toMatchObject({ status: 'ready' });
      expect(nodes.get('unlabelled')).toMatchObject({ status: 'ready' });
      expect(nodes.get('gone')).toMatchObject({ status: 'missing', reason: 'NotFound' });
      expect(nodes.has('other0')).toBe(false);
    });

    it('of several composites are read with one whole LIST, not one per composite', async () => {
      const nested = (name: string): KubeObject => ({
        ...composite,
        metadata: { name, labels: { 'crossplane.io/composite': name } },
        spec: { resourceRefs: Array.from({ length: 5 }, (_, i) => ({ apiVersion: 'rds.aws.upbound.io/v1beta1', kind: 'Instance', name: `${name}-${i}` })) },
      });
      const parents = ['a', 'b', 'c'].map(nested);
      const top: KubeObject = { ...compositeOf([]), spec: { resourceRefs: parents.map(p => ({ apiVersion: 'db.example.org/v1', kind: 'XDatabase', name: p.metadata.name ?? '' })) } };
      const children = parents.flatMap(p => Array.from({ length: 5 }, (_, i) => instanceNamed(`${p.metadata.name}-${i}`, { 'crossplane.io/composite': p.metadata.name ?? '' })));
      const { reader, stats } = memoryReader(kinds, [top, ...parents, ...children]);
      const built = await buildTree(reader, root, { maxNodes: 100, concurrency: 4 });
      expect(stats.lists).toEqual(['Instance/']);
      expect([...built.entries.values()].filter(e => e.node.kind === 'Instance' && e.node.status === 'ready')).toHaveLength(15);
    });

    it('are read with the whole LIST after all when many are not labelled', async () => {
      const names = Array.from({ length: 12 }, (_, i) => `i${i}`);
      const { reader, stats } = memoryReader(kinds, [compositeOf([...names, 'gone']), ...names.map(name => instanceNamed(name))]);
      const built = await buildTree(reader, root, { maxNodes: 100, concurrency: 4 });
      expect(stats.lists).toEqual(['Instance/?crossplane.io/composite=orders-x1', 'Instance/']);
      // The root and its XRD only.
      expect(stats.gets).toBe(2);
      const nodes = byName(built);
      expect([...nodes.values()].filter(n => n.kind === 'Instance' && n.status === 'ready')).toHaveLength(12);
      expect(nodes.get('gone')).toMatchObject({ status: 'missing', reason: 'NotFound' });
    });
  });

  it('falls back to GETs when the LIST is refused, and never LISTs Secrets', async () => {
    const secrets = Array.from({ length: 12 }, (_, i) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: `s${i}`, namespace: 'team' }, data: { k: 'c2VjcmV0' } }));
    const instances = Array.from({ length: 12 }, (_, i) => ({ apiVersion: 'rds.aws.upbound.io/v1beta1', kind: 'Instance', metadata: { name: `i${i}` }, spec: { forProvider: {} }, status: { conditions: conditions('True', 'True') } }));
    const app: KubeObject = {
      apiVersion: 'app.example.org/v1',
      kind: 'XApp',
      metadata: { name: 'app', namespace: 'team' },
      spec: { crossplane: { resourceRefs: [...secrets, ...instances].map(o => ({ apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name })) } },
    };
    const { reader, stats } = memoryReader(kinds, [app, ...secrets, ...instances]);
    reader.list = async kind => {
      stats.lists.push(kind.kind);
      throw new Error('403 forbidden: cannot list');
    };
    const failed = jest.fn();
    const built = await buildTree(reader, { apiVersion: 'app.example.org/v1', kind: 'XApp', namespace: 'team', name: 'app' }, { maxNodes: 100, concurrency: 4, onFamilyError: failed });
    expect(stats.lists).toEqual(['Instance']);
    expect(failed).not.toHaveBeenCalled();
    expect([...built.entries.values()].filter(e => e.node.status === 'ready')).toHaveLength(24);
    expect(JSON.stringify([...built.entries.values()].map(e => e.object))).not.toMatch(/c2VjcmV0/);
  });

  it('answers a root that does not exist with a single missing node blamed as the root cause', async () => {
    const { reader } = memoryReader(kinds, []);
    const tree = toResourceTree(await buildTree(reader, { apiVersion: 'db.example.org/v1', kind: 'Database', namespace: 'team', name: 'nope' }, { maxNodes: 10, concurrency: 1 }), new Date(0));
    expect(tree.nodes).toHaveLength(1);
    expect(tree.summary.rootCause).toMatchObject({ kind: 'Database', name: 'nope', reason: 'NotFound' });
  });

  it('reports a family that could not look for children and goes on with the rest', async () => {
    const { reader } = memoryReader(kinds, [claim, composite, instance, object, composition]);
    const failed = jest.fn();
    const broken = async () => {
      throw new Error('403 forbidden: pods');
    };
    const built = await buildTree(reader, { apiVersion: 'db.example.org/v1', kind: 'Database', namespace: 'team', name: 'orders' }, {
      maxNodes: 100,
      concurrency: 2,
      families: [broken, crossplaneFamily],
      onFamilyError: failed,
    });
    expect(built.entries.size).toBe(7);
    expect(failed).toHaveBeenCalledWith(expect.objectContaining({ kind: 'Database', name: 'orders' }), expect.any(Error));
  });

  it('answers an unknown node, not an error, when discovery fails for the root or a child', async () => {
    const { reader } = memoryReader(kinds, [composite]);
    const resolve = reader.resolve.bind(reader);
    reader.resolve = async (apiVersion, kind) => {
      if (kind === 'Instance' || kind === 'Database') throw new Error('503 from /apis/rds.aws.upbound.io/v1beta1');
      return resolve(apiVersion, kind);
    };
    const child = toResourceTree(await buildTree(reader, { apiVersion: 'db.example.org/v1', kind: 'XDatabase', name: 'orders-x1' }, { maxNodes: 10, concurrency: 1 }), new Date(0));
    expect(child.nodes.find(n => n.name === 'orders-db')).toMatchObject({ status: 'unknown', reason: 'ReadFailed', message: '503 from /apis/rds.aws.upbound.io/v1beta1' });
    const root = toResourceTree(await buildTree(reader, { apiVersion: 'db.example.org/v1', kind: 'Database', namespace: 'team', name: 'orders' }, { maxNodes: 10, concurrency: 1 }), new Date(0));
    expect(root.nodes).toEqual([expect.objectContaining({ role: 'root', status: 'unknown', namespace: 'team' })]);
  });

  it('marks a kind the cluster does not serve as missing, and an unreadable object as unknown', async () => {
    const { reader } = memoryReader(kinds, [{ ...composite, spec: { resourceRefs: [{ apiVersion: 'nope.io/v1', kind: 'Thing', name: 't' }, { apiVersion: 'rds.aws.upbound.io/v1beta1', kind: 'Instance', name: 'boom' }] } }]);
    const get = reader.get.bind(reader);
    reader.get = async (kind, ns, name) => {
      if (name === 'boom') throw new Error('403 forbidden: instances.rds.aws.upbound.io "boom"');
      return get(kind, ns, name);
    };
    const tree = toResourceTree(await buildTree(reader, { apiVersion: 'db.example.org/v1', kind: 'XDatabase', name: 'orders-x1' }, { maxNodes: 10, concurrency: 1 }), new Date(0));
    expect(tree.nodes.find(n => n.name === 't')).toMatchObject({ status: 'missing', reason: 'KindNotServed' });
    expect(tree.nodes.find(n => n.name === 'boom')).toMatchObject({ status: 'unknown', reason: 'ReadFailed' });
  });
});
