import type { NodeEvent, ProblemSeverity, ProposedFix } from '@kube-platform/plugin-kubernetes-common';
import type { TreeEntry } from '../tree/buildTree';

/** One node with its neighbours, what a detector looks at. */
export interface DetectorInput {
  entry: TreeEntry;
  /** Children in tree order (not supporting nodes). */
  children: TreeEntry[];
  /** The node's latest Warning events when they were read (unhealthy pods), newest first. */
  warnings: NodeEvent[];
  /** Log tails read for this pod's failing containers, by container name (absent when none were read). */
  logs?: Map<string, LogTail>;
}

/** The last lines of one container's log, read by the service: detectors stay pure and only quote it. */
export interface LogTail {
  /** True when it is the previous run's log (the run that crashed). */
  previous: boolean;
  lines: string[];
}

/** One finding on one node, before identical findings are grouped. */
export interface Detection {
  detector: string;
  severity: ProblemSeverity;
  nodeId: string;
  /** Said without the node's own name, so identical problems on many pods group under one title. */
  title: string;
  fix: ProposedFix;
}

/** A pure rule: a node (and its children) in, findings out. */
export type Detector = (input: DetectorInput) => Detection[];
