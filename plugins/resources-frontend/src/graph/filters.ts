import type { NodeStatus, ResourceNode } from '@kube-platform/plugin-kubernetes-common';
import { STATUS_ORDER } from './status';

/** The table's filters; an absent field means "any". */
export interface NodeFilter {
  kind?: string;
  status?: NodeStatus;
}

/** The nodes matching every set filter. */
export function filterNodes(nodes: readonly ResourceNode[], filter: NodeFilter): ResourceNode[] {
  return nodes.filter(
    node =>
      (filter.kind === undefined || node.kind === filter.kind) &&
      (filter.status === undefined || node.status === filter.status),
  );
}

/** The distinct kinds in a tree, sorted, for the kind filter's options. */
export function kindsOf(nodes: readonly ResourceNode[]): string[] {
  return [...new Set(nodes.map(node => node.kind))].sort((a, b) => a.localeCompare(b));
}

/** Table order: worst status first, then kind and name, so problems are at the top. */
export function sortForTable(nodes: readonly ResourceNode[]): ResourceNode[] {
  const rank = (status: NodeStatus) => {
    const i = STATUS_ORDER.indexOf(status);
    return i === -1 ? STATUS_ORDER.length : i;
  };
  return [...nodes].sort(
    (a, b) =>
      rank(a.status) - rank(b.status) ||
      a.kind.localeCompare(b.kind) ||
      a.name.localeCompare(b.name) ||
      a.id.localeCompare(b.id),
  );
}
