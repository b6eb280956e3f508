import type { ResourceNode, ResourceTree } from '@kube-platform/plugin-kubernetes-common';

/** Lookups over a tree's nodes and edges, built once per tree. */
export interface TreeIndex {
  byId: ReadonlyMap<string, ResourceNode>;
  /** Child ids per node, in edge order, only for children present in `nodes`. */
  children: ReadonlyMap<string, readonly string[]>;
  /** The first parent found per node (the tree is built top-down, so this is its owner). */
  parent: ReadonlyMap<string, string>;
}

/** Indexes a tree; edges naming absent nodes are ignored rather than trusted. */
export function indexTree(tree: Pick<ResourceTree, 'nodes' | 'edges'>): TreeIndex {
  const byId = new Map(tree.nodes.map(node => [node.id, node]));
  const children = new Map<string, string[]>();
  const parent = new Map<string, string>();
  for (const edge of tree.edges) {
    if (!byId.has(edge.from) || !byId.has(edge.to) || edge.from === edge.to) {
      continue;
    }
    const list = children.get(edge.from) ?? [];
    if (!list.includes(edge.to)) {
      list.push(edge.to);
    }
    children.set(edge.from, list);
    if (!parent.has(edge.to)) {
      parent.set(edge.to, edge.from);
    }
  }
  return { byId, children, parent };
}

/** Every node below `id` (not `id` itself), cycle-safe. */
export function descendantsOf(index: TreeIndex, id: string): Set<string> {
  const seen = new Set<string>();
  const stack = [...(index.children.get(id) ?? [])];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (next === id || seen.has(next)) {
      continue;
    }
    seen.add(next);
    stack.push(...(index.children.get(next) ?? []));
  }
  return seen;
}

/** The ancestors of `id`, nearest first, cycle-safe. */
export function ancestorsOf(index: TreeIndex, id: string): string[] {
  const result: string[] = [];
  const seen = new Set([id]);
  let current = index.parent.get(id);
  while (current !== undefined && !seen.has(current)) {
    result.push(current);
    seen.add(current);
    current = index.parent.get(current);
  }
  return result;
}
