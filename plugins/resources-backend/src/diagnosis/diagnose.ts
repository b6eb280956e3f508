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
export function groupDetections(detections: Array<Detection & { cluster: string }>): Problem[] {
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
  // Stable sort: within a severity, tree order (breadth first) is kept.
  return [...groups.values()].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
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
  return groupDetections(detections);
}
