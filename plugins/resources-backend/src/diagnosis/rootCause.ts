import type { ResourceNode, RootCause } from '@kube-platform/plugin-kubernetes-common';

/**
 * How bad a node is, in `crossplane beta trace`'s order: a deletion in progress, then an error (the
 * controller reports Synced=False, the object is missing or its workload fails), then not synced, then
 * not ready. 0 is healthy.
 */
export function severityRank(node: ResourceNode): number {
  switch (node.status) {
    case 'deleting':
      return 4;
    case 'failing':
    case 'missing':
      return 3;
    default:
      break;
  }
  if (node.synced && node.synced.status !== 'True') return 2;
  if (node.status === 'progressing' || node.status === 'unknown') return 1;
  return 0;
}

/** A node of the tree with its distance from the root. */
export interface RankedNode {
  node: ResourceNode;
  depth: number;
}

/**
 * The node to blame: the worst by {@link severityRank}, the deepest among equally bad ones (a parent is
 * usually unready because of a child), the first in tree order among equally deep ones. Null when every
 * node is healthy.
 */
export function findRootCause(nodes: RankedNode[]): RootCause | null {
  let best: RankedNode | undefined;
  let bestRank = 0;
  for (const candidate of nodes) {
    const rank = severityRank(candidate.node);
    if (rank === 0) continue;
    if (!best || rank > bestRank || (rank === bestRank && candidate.depth > best.depth)) {
      best = candidate;
      bestRank = rank;
    }
  }
  if (!best) return null;
  const { id, kind, name, reason, message } = best.node;
  return { nodeId: id, kind, name, ...(reason ? { reason } : {}), ...(message ? { message } : {}) };
}
