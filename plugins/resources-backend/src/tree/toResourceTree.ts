import type { Problem, ResourceTree } from '@kube-platform/plugin-kubernetes-common';
import { findRootCause } from '../diagnosis/rootCause';
import type { BuiltTree } from './buildTree';

/** The API's view of a built tree: nodes, edges and the summary, without the objects behind them. */
export function toResourceTree(built: BuiltTree, generatedAt: Date, problems: Problem[] = []): ResourceTree {
  const entries = [...built.entries.values()];
  const nodes = entries.map(e => e.node);
  return {
    root: built.rootId,
    cluster: built.cluster,
    nodes,
    edges: built.edges,
    summary: {
      total: nodes.length,
      notReady: nodes.filter(n => n.status !== 'ready').length,
      rootCause: findRootCause(entries),
      problems,
    },
    truncated: built.truncated,
    generatedAt: generatedAt.toISOString(),
  };
}
