import type { NodeEvent, Problem, ProblemSeverity } from '@kube-platform/plugin-kubernetes-common';
import type { BuiltTree, TreeEntry } from '../tree/buildTree';
import { containerDetector } from './detectors/containers';
import { claimCompositeDetector, compositeErrorDetector, compositeWaitingDetector, managedResourceDetector } from './detectors/crossplane';
import { cronJobDetector, rolloutDetector, unschedulableDetector } from './detectors/workloads';
import type { Detection, Detector, LogTail } from './types';

/** Every detector, run on every node. */
export const DETECTORS: Detector[] = [
  containerDetector,
  unschedulableDetector,
  rolloutDetector,
  cronJobDetector,
  managedResourceDetector,
  compositeErrorDetector,
  compositeWaitingDetector,
  claimCompositeDetector,
];

const SEVERITY_ORDER: Record<ProblemSeverity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Identical detections (same detector, same title) become one problem with a count and the clusters it occurs
 * in (a union, so trees merged across clusters keep every cluster).
 */
export function groupDetections(detections: Array<Detection & { cluster: string }>, depthOf: (nodeId: string) => number = () => 0): Problem[] {
  const groups = new Map<string, Problem>();
  for (const d of detections) {
    const key = `${d.detector}\u0000${d.title}`;
    const group = groups.get(key);
    if (group) {
      if (!group.nodeIds.includes(d.nodeId)) group.nodeIds.push(d.nodeId);
      if (!group.clusters.includes(d.cluster)) group.clusters.push(d.cluster);
      group.count = group.nodeIds.length;
      continue;
    }
    groups.set(key, { detector: d.detector, severity: d.severity, nodeId: d.nodeId, title: d.title, fix: d.fix, count: 1, nodeIds: [d.nodeId], clusters: [d.cluster] });
  }
  // Within a severity the deepest problem comes first: a stuck rollout is usually the crash-looping pod
  // below it, so the real cause leads, as the summary's root cause does. The sort is stable, so equal
  // depths keep tree order (breadth first).
  const depth = (p: Problem) => Math.max(...p.nodeIds.map(depthOf));
  return [...groups.values()].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || depth(b) - depth(a));
}

/** What the service read for the detectors: Warning events and log tails by node id. */
export interface DiagnoseInput {
  cluster: string;
  warnings?: Map<string, NodeEvent[]>;
  logs?: Map<string, Map<string, LogTail>>;
  detectors?: Detector[];
}

/** Runs the detectors over a tree of one cluster (with the evidence read for it): problems grouped and ordered by severity. */
export function diagnose(built: BuiltTree, { cluster, warnings = new Map(), logs = new Map(), detectors = DETECTORS }: DiagnoseInput): Problem[] {
  const childrenOf = new Map<string, TreeEntry[]>();
  for (const edge of built.edges) {
    const child = built.entries.get(edge.to);
    if (!child || child.node.role === 'supporting') continue;
    childrenOf.set(edge.from, [...(childrenOf.get(edge.from) ?? []), child]);
  }
  const detections: Array<Detection & { cluster: string }> = [];
  for (const entry of built.entries.values()) {
    const id = entry.node.id;
    const input = { entry, children: childrenOf.get(id) ?? [], warnings: warnings.get(id) ?? [], logs: logs.get(id) };
    for (const detect of detectors) detections.push(...detect(input).map(d => ({ ...d, cluster })));
  }
  return groupDetections(detections, depthsFrom(built.rootId, childrenOf));
}

/** Each node's distance from the root along child edges (the first path found, so cycles cannot loop). */
function depthsFrom(rootId: string, childrenOf: Map<string, TreeEntry[]>): (nodeId: string) => number {
  const depths = new Map<string, number>([[rootId, 0]]);
  const queue = [rootId];
  for (let i = 0; i < queue.length; i++) {
    for (const child of childrenOf.get(queue[i]) ?? []) {
      if (depths.has(child.node.id)) continue;
      depths.set(child.node.id, (depths.get(queue[i]) ?? 0) + 1);
      queue.push(child.node.id);
    }
  }
  return nodeId => depths.get(nodeId) ?? 0;
}
