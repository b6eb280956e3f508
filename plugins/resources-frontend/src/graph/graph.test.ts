import { demoTree, largeTree } from '../testing/demoTree';
import {
  collapseBelowDepth,
  initialCollapsed,
  LARGE_TREE_NODES,
  revealNode,
  toggleCollapsed,
  visibleNodeIds,
} from './collapse';
import { filterNodes, kindsOf, sortForTable } from './filters';
import { layoutGraph, usesWorker, WORKER_THRESHOLD } from './layout';
import { statusStyle } from './status';
import { structureKey, toFlowElements } from './toFlow';
import { ancestorsOf, descendantsOf, indexTree } from './treeIndex';

describe('indexTree', () => {
  it('ignores edges to absent nodes and self-loops, and finds ancestors and descendants', () => {
    const tree = demoTree();
    const index = indexTree({
      nodes: tree.nodes,
      edges: [...tree.edges, { from: 'n-xr', to: 'ghost', relation: 'x' }, { from: 'n-sg', to: 'n-sg', relation: 'x' }],
    });
    expect(index.children.get('n-xr')).toEqual(['n-instance', 'n-subnets', 'n-sg', 'n-object', 'n-composition']);
    expect(index.children.get('n-sg')).toBeUndefined();
    expect(ancestorsOf(index, 'n-configmap')).toEqual(['n-object', 'n-xr', 'n-claim']);
    expect([...descendantsOf(index, 'n-xr')].sort()).toEqual(
      ['n-composition', 'n-configmap', 'n-instance', 'n-object', 'n-sg', 'n-subnets'].sort(),
    );
  });

  it('survives a cycle', () => {
    const tree = demoTree();
    const index = indexTree({ nodes: tree.nodes, edges: [...tree.edges, { from: 'n-instance', to: 'n-claim', relation: 'x' }] });
    expect(descendantsOf(index, 'n-claim').has('n-claim')).toBe(false);
    expect(ancestorsOf(index, 'n-instance')).toEqual(['n-xr', 'n-claim']);
  });
});

describe('collapse', () => {
  const tree = demoTree();
  const index = indexTree(tree);

  it('hides everything below a collapsed node and shows it again when expanded', () => {
    const collapsed = toggleCollapsed(new Set(), 'n-xr');
    expect([...visibleNodeIds(index, tree.root, collapsed)].sort()).toEqual(['n-claim', 'n-xr']);
    const expanded = toggleCollapsed(collapsed, 'n-xr');
    expect(visibleNodeIds(index, tree.root, expanded).size).toBe(tree.nodes.length);
  });

  it('does not mutate the state it was given', () => {
    const state = new Set(['n-xr']);
    toggleCollapsed(state, 'n-object');
    expect([...state]).toEqual(['n-xr']);
  });

  it('reveals a node by expanding only its collapsed ancestors', () => {
    const state = new Set(['n-xr', 'n-object', 'n-sg']);
    const revealed = revealNode(state, index, 'n-configmap');
    expect([...revealed].sort()).toEqual(['n-sg']);
    expect(revealNode(new Set(['n-sg']), index, 'n-instance')).toEqual(new Set(['n-sg']));
  });

  it('collapses below a depth', () => {
    expect([...collapseBelowDepth(index, tree.root, 2)]).toEqual(['n-object']);
    expect([...collapseBelowDepth(index, tree.root, 0)]).toEqual(['n-claim']);
  });

  it('opens small trees expanded and large ones two levels deep with the root cause revealed', () => {
    expect(initialCollapsed(index, tree.root, 'n-instance').size).toBe(0);
    const big = largeTree(LARGE_TREE_NODES + 100);
    // a third level under n1 holds the failing node
    big.nodes.push({ ...big.nodes[1], id: 'deep', kind: 'Bucket', name: 'deep', status: 'failing' });
    big.edges.push({ from: 'n20', to: 'deep', relation: 'resourceRefs' });
    const bigIndex = indexTree(big);
    const collapsed = initialCollapsed(bigIndex, big.root, 'deep');
    expect(collapsed.has('n20')).toBe(false);
    expect(collapsed.has('n2')).toBe(false);
    expect(visibleNodeIds(bigIndex, big.root, collapsed).has('deep')).toBe(true);
    expect(visibleNodeIds(bigIndex, big.root, initialCollapsed(bigIndex, big.root, undefined)).has('deep')).toBe(false);
  });

  it('keeps nodes that are not below the root visible', () => {
    const orphan = { ...tree.nodes[1], id: 'orphan' };
    const withOrphan = indexTree({ nodes: [...tree.nodes, orphan], edges: tree.edges });
    expect(visibleNodeIds(withOrphan, tree.root, new Set(['n-claim'])).has('orphan')).toBe(true);
  });
});

describe('toFlowElements', () => {
  const tree = demoTree();
  const index = indexTree(tree);

  it('marks the root cause, the selection and collapsed counts, and colours edges to unhealthy nodes', () => {
    const { nodes, edges } = toFlowElements(tree, index, {
      collapsed: new Set(['n-object']),
      positions: new Map([['n-claim', { x: 5, y: 7 }]]),
      selectedId: 'n-sg',
    });
    const byId = new Map(nodes.map(n => [n.id, n]));
    expect(byId.has('n-configmap')).toBe(false);
    expect(byId.get('n-object')!.data).toMatchObject({ collapsed: true, hiddenCount: 1, childCount: 1 });
    expect(byId.get('n-instance')!.data.rootCause).toBe(true);
    expect(byId.get('n-sg')!.selected).toBe(true);
    expect(byId.get('n-claim')!.position).toEqual({ x: 5, y: 7 });
    expect(edges.find(e => e.target === 'n-configmap')).toBeUndefined();
    expect(edges.find(e => e.target === 'n-instance')!.style).toEqual({ stroke: statusStyle('failing').colour });
    expect(edges.find(e => e.target === 'n-sg')!.style).toBeUndefined();
  });

  it('gives the same structure key for a refresh with new statuses, a new one when nodes change', () => {
    const first = toFlowElements(tree, index, { collapsed: new Set(), positions: new Map() });
    const refreshed = demoTree();
    refreshed.nodes[2] = { ...refreshed.nodes[2], status: 'ready' };
    const second = toFlowElements(refreshed, indexTree(refreshed), { collapsed: new Set(), positions: new Map() });
    expect(structureKey(second.nodes.map(n => n.id), second.edges)).toBe(
      structureKey(first.nodes.map(n => n.id), first.edges),
    );
    const collapsed = toFlowElements(tree, index, { collapsed: new Set(['n-object']), positions: new Map() });
    expect(structureKey(collapsed.nodes.map(n => n.id), collapsed.edges)).not.toBe(
      structureKey(first.nodes.map(n => n.id), first.edges),
    );
  });
});

describe('status', () => {
  it('has a label and icon for every status, and reads an unknown value as unknown', () => {
    expect(statusStyle('failing')).toMatchObject({ label: 'Failing', icon: '✕' });
    expect(statusStyle('surprise' as never)).toEqual(statusStyle('unknown'));
  });
});

describe('filters', () => {
  const nodes = demoTree().nodes;

  it('filters by kind and status together', () => {
    expect(filterNodes(nodes, { kind: 'Instance' }).map(n => n.id)).toEqual(['n-instance']);
    expect(filterNodes(nodes, { status: 'ready' })).toHaveLength(4);
    expect(filterNodes(nodes, { kind: 'Instance', status: 'ready' })).toEqual([]);
    expect(filterNodes(nodes, {})).toHaveLength(nodes.length);
  });

  it('lists kinds once, sorted, and sorts the worst status first', () => {
    expect(kindsOf(nodes)).toEqual([
      'Composition', 'ConfigMap', 'Instance', 'Object', 'PostgreSQLInstance', 'SecurityGroup', 'SubnetGroup', 'XPostgreSQLInstance',
    ]);
    expect(sortForTable(nodes)[0].id).toBe('n-instance');
    expect(sortForTable(nodes).at(-1)!.status).toBe('ready');
  });
});

describe('layoutGraph', () => {
  it('places the root left of its children and children left of theirs', async () => {
    const tree = demoTree();
    const { nodes, edges } = toFlowElements(tree, indexTree(tree), { collapsed: new Set(), positions: new Map() });
    const positions = await layoutGraph(nodes.map(n => n.id), edges);
    expect(positions.size).toBe(nodes.length);
    expect(positions.get('n-claim')!.x).toBeLessThan(positions.get('n-xr')!.x);
    expect(positions.get('n-xr')!.x).toBeLessThan(positions.get('n-instance')!.x);
    expect(positions.get('n-object')!.x).toBeLessThan(positions.get('n-configmap')!.x);
  });

  it('lays out 500 nodes without overlaps in reasonable time', async () => {
    const tree = largeTree(500);
    const { nodes, edges } = toFlowElements(tree, indexTree(tree), { collapsed: new Set(), positions: new Map() });
    const started = Date.now();
    const positions = await layoutGraph(nodes.map(n => n.id), edges);
    expect(Date.now() - started).toBeLessThan(12_000);
    const seen = new Set([...positions.values()].map(p => `${Math.round(p.x)},${Math.round(p.y)}`));
    expect(seen.size).toBe(500);
  }, 60_000);

  it('falls back to the main thread when the worker cannot run', async () => {
    const globals = globalThis as { Worker?: unknown };
    globals.Worker = class BrokenWorker {};
    try {
      expect(usesWorker(WORKER_THRESHOLD + 1)).toBe(true);
      const ids = Array.from({ length: WORKER_THRESHOLD + 1 }, (_, i) => `n${i}`);
      const positions = await layoutGraph(ids, ids.slice(1).map(id => ({ source: 'n0', target: id })));
      expect(positions.size).toBe(ids.length);
    } finally {
      delete globals.Worker;
    }
    expect(usesWorker(WORKER_THRESHOLD + 1)).toBe(false);
  }, 60_000);

  it('uses the engine it is given', async () => {
    const layout = jest.fn(async (graph: { children?: { id: string }[] }) => ({
      ...graph,
      children: graph.children!.map((c, i) => ({ ...c, x: i * 10, y: 1 })),
    }));
    const positions = await layoutGraph(['a', 'b'], [{ source: 'a', target: 'b' }], { layout } as never);
    expect(layout).toHaveBeenCalledTimes(1);
    expect(positions.get('b')).toEqual({ x: 10, y: 1 });
  });
});
