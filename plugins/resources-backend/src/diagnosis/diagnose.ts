import type { NodeEvent, Problem, ProblemSeverity } from '@kube-platform/plugin-kubernetes-common';
import type { BuiltTree, TreeEntry } from '../tree/buildTree';
import { containerDetector } from './detectors/containers';
import { claimCompositeDetector, compositeErrorDetector, compositeWaitingDetector, managedResourceDetector } from './detectors/crossplane';
import { cronJobDetector, rolloutDetector, unschedulableDetector } from './detectors/workloads';
import type { Detection, Detector } from './types';

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

/** Identical detections (same detector, same title) become one problem with a count. */
export function groupDetections(detections: Detection[]): Problem[] {
  const groups = new Map<string, Problem>();
  for (const d of detections) {
    const key = `${d.detector}\u0000${d.title}`;
    const group = groups.get(key);
    if (group) {
      if (!group.nodeIds.includes(d.nodeId)) group.nodeIds.push(d.nodeId);
      group.count = group.nodeIds.length;
      continue;
    }
    groups.set(key, { detector: d.detector, severity: d.severity, nodeId: d.nodeId, title: d.title, fix: d.fix, count: 1, nodeIds: [d.nodeId] });
  }
  // Stable sort: within a severity, tree order (breadth first) is kept.
  return [...groups.values()].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** Runs the detectors over a tree (with the Warning events read for it): problems grouped and ordered by severity. */
export function diagnose(built: BuiltTree, warnings: Map<string, NodeEvent[]> = new Map(), detectors: Detector[] = DETECTORS): Problem[] {
  const childrenOf = new Map<string, TreeEntry[]>();
  for (const edge of built.edges) {
    const child = built.entries.get(edge.to);
    if (!child || child.node.role === 'supporting') continue;
    childrenOf.set(edge.from, [...(childrenOf.get(edge.from) ?? []), child]);
  }
  const detections: Detection[] = [];
  for (const entry of built.entries.values()) {
    const input = { entry, children: childrenOf.get(entry.node.id) ?? [], warnings: warnings.get(entry.node.id) ?? [] };
    for (const detect of detectors) detections.push(...detect(input));
  }
  return groupDetections(detections);
}
