import { ancestorsOf, descendantsOf, type TreeIndex } from './treeIndex';

/**
 * Collapsed subtrees are a set of node ids whose children are hidden. The state is kept by id, so it
 * survives refreshes; ids that disappear from the tree are harmless and reapply if the node returns.
 */
export type CollapsedState = ReadonlySet<string>;

/** Collapses an expanded node or expands a collapsed one. */
export function toggleCollapsed(state: CollapsedState, id: string): CollapsedState {
  const next = new Set(state);
  if (next.has(id)) {
    next.delete(id);
  } else {
    next.add(id);
  }
  return next;
}

/** Expands every ancestor of `id`, so a node selected from the summary or the table can be seen. */
export function revealNode(state: CollapsedState, index: TreeIndex, id: string): CollapsedState {
  const ancestors = ancestorsOf(index, id).filter(ancestor => state.has(ancestor));
  if (ancestors.length === 0) {
    return state;
  }
  const next = new Set(state);
  ancestors.forEach(ancestor => next.delete(ancestor));
  return next;
}

/** Collapses every node that has children at `depth` (root = 0) or deeper; used for very large trees. */
export function collapseBelowDepth(index: TreeIndex, root: string, depth: number): CollapsedState {
  const collapsed = new Set<string>();
  const seen = new Set([root]);
  let level = [root];
  for (let current = 0; level.length > 0; current++) {
    const nextLevel: string[] = [];
    for (const id of level) {
      const children = index.children.get(id) ?? [];
      if (current >= depth && children.length > 0) {
        collapsed.add(id);
        continue;
      }
      for (const child of children) {
        if (!seen.has(child)) {
          seen.add(child);
          nextLevel.push(child);
        }
      }
    }
    level = nextLevel;
  }
  return collapsed;
}

/**
 * The node ids shown for a collapsed state: everything except what lies only below a collapsed node.
 * Nodes reachable from the root by another, expanded path stay visible.
 */
export function visibleNodeIds(
  index: TreeIndex,
  root: string,
  collapsed: CollapsedState,
): Set<string> {
  const reachable = new Set<string>();
  if (index.byId.has(root)) {
    const stack = [root];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (reachable.has(id)) {
        continue;
      }
      reachable.add(id);
      if (!collapsed.has(id)) {
        stack.push(...(index.children.get(id) ?? []));
      }
    }
  }
  const belowRoot = index.byId.has(root) ? descendantsOf(index, root) : new Set<string>();
  const visible = new Set<string>();
  for (const id of index.byId.keys()) {
    // nodes not below the root (supporting definitions, orphans) are always shown
    if (reachable.has(id) || (id !== root && !belowRoot.has(id))) {
      visible.add(id);
    }
  }
  return visible;
}

/** Trees larger than this open with deep subtrees collapsed. */
export const LARGE_TREE_NODES = 250;

/**
 * The collapsed state a tree opens with: everything expanded, except for large trees, which open two
 * levels deep with the path to the root cause kept open so the failing node is on screen.
 */
export function initialCollapsed(
  index: TreeIndex,
  root: string,
  rootCauseId: string | undefined,
): CollapsedState {
  if (index.byId.size <= LARGE_TREE_NODES) {
    return new Set();
  }
  const collapsed = collapseBelowDepth(index, root, 2);
  return rootCauseId ? revealNode(collapsed, index, rootCauseId) : collapsed;
}
