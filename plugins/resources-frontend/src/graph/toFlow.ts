import type { Edge, Node } from '@xyflow/react';
import type { ResourceNode, ResourceTree } from '@kube-platform/plugin-kubernetes-common';
import type { CollapsedState } from './collapse';
import { visibleNodeIds } from './collapse';
import { statusStyle, isNotReady } from './status';
import { descendantsOf, type TreeIndex } from './treeIndex';

/** Size every node is drawn at; the layout reserves exactly this much. */
export const NODE_WIDTH = 250;
export const NODE_HEIGHT = 92;

/** What a drawn node needs to render itself. */
export type ResourceNodeData = {
  resource: ResourceNode;
  /** Direct children, whether shown or not. */
  childCount: number;
  /** Nodes hidden under this one because it is collapsed (0 when expanded). */
  hiddenCount: number;
  collapsed: boolean;
  rootCause: boolean;
};

/** An xyflow node of our one node type. */
export type ResourceFlowNode = Node<ResourceNodeData, 'resource'>;

/** A position computed by the layout, top-left corner. */
export interface Point {
  x: number;
  y: number;
}

/** The nodes and edges to draw for a tree, given the collapsed subtrees and the layout's positions. */
export function toFlowElements(
  tree: Pick<ResourceTree, 'root' | 'summary'>,
  index: TreeIndex,
  options: { collapsed: CollapsedState; positions: ReadonlyMap<string, Point>; selectedId?: string },
): { nodes: ResourceFlowNode[]; edges: Edge[] } {
  const visible = visibleNodeIds(index, tree.root, options.collapsed);
  const rootCauseId = tree.summary.rootCause?.nodeId;
  const nodes: ResourceFlowNode[] = [];
  for (const id of visible) {
    const resource = index.byId.get(id)!;
    const children = index.children.get(id) ?? [];
    const collapsed = options.collapsed.has(id) && children.length > 0;
    nodes.push({
      id,
      type: 'resource',
      position: options.positions.get(id) ?? { x: 0, y: 0 },
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      selected: id === options.selectedId,
      data: {
        resource,
        childCount: children.length,
        hiddenCount: collapsed ? [...descendantsOf(index, id)].filter(d => !visible.has(d)).length : 0,
        collapsed,
        rootCause: id === rootCauseId,
      },
    });
  }
  const edges: Edge[] = [];
  for (const [from, children] of index.children) {
    if (!visible.has(from) || options.collapsed.has(from)) {
      continue;
    }
    for (const to of children) {
      if (!visible.has(to)) {
        continue;
      }
      const target = index.byId.get(to)!;
      edges.push({
        id: `${from}->${to}`,
        source: from,
        target: to,
        animated: target.status === 'progressing',
        style: isNotReady(target.status) ? { stroke: statusStyle(target.status).colour } : undefined,
      });
    }
  }
  return { nodes, edges };
}

/**
 * A key that changes only when the drawn structure changes, so a refresh with new statuses keeps the
 * positions (and the user's view) instead of laying out again.
 */
export function structureKey(nodeIds: Iterable<string>, edges: readonly Pick<Edge, 'source' | 'target'>[]): string {
  const ids = [...nodeIds].sort();
  const links = edges.map(edge => `${edge.source}>${edge.target}`).sort();
  return `${ids.join('|')}#${links.join('|')}`;
}
