/**
 * The contract of the resources API (`plugins/resources-backend` serves it, `plugins/resources-frontend`
 * draws it): one entity's resource tree with live status and a diagnosis.
 */

/** Status of one node, from its conditions (Crossplane Synced/Ready, workload availability). */
export type NodeStatus = 'ready' | 'progressing' | 'failing' | 'deleting' | 'missing' | 'unknown';

/** One Kubernetes condition as shown to users; the text is cluster-written and must be rendered as text. */
export interface NodeCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

/** Why a node is in the tree: the entity's root, a child reference, or a supporting definition. */
export type NodeRole = 'root' | 'child' | 'supporting';

/** One object of the tree. `id` is opaque and stable for the same object across refreshes. */
export interface ResourceNode {
  id: string;
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
  role: NodeRole;
  status: NodeStatus;
  /** The Synced condition (Crossplane), when the object has one. */
  synced?: NodeCondition;
  /** The Ready condition (or the workload's Available/Progressing verdict), when the object has one. */
  ready?: NodeCondition;
  /** All conditions, as the object reports them. */
  conditions: NodeCondition[];
  /** ISO timestamp of `metadata.creationTimestamp`; absent for missing nodes. */
  createdAt?: string;
  /** One short line explaining the status (a condition's reason, or why the node is missing). */
  reason?: string;
  message?: string;
}

/** `from` owns, composes or references `to`. */
export interface ResourceEdge {
  from: string;
  to: string;
  /** How the child was found, e.g. `resourceRef`, `resourceRefs`, `owner`, `selector`, `manages`. */
  relation: string;
}

/** Severity of a detected problem, most severe first when sorted. */
export type ProblemSeverity = 'error' | 'warning' | 'info';

/** A proposed fix: words for the developer, the next step, evidence and a link to docs. */
export interface ProposedFix {
  explanation: string;
  nextStep: string;
  evidence: string[];
  docsUrl?: string;
}

/** One detection by a diagnosis detector. Identical detections are grouped with a count. */
export interface Problem {
  detector: string;
  severity: ProblemSeverity;
  nodeId: string;
  title: string;
  fix: ProposedFix;
  /** How many nodes show the same problem (1 when alone). */
  count: number;
  /** Every node showing it, `nodeId` first. */
  nodeIds: string[];
  /** The clusters it occurs in (configured cluster names), in the order first seen. */
  clusters: string[];
}

/** The deepest failing node found with `crossplane beta trace`'s priority. */
export interface RootCause {
  nodeId: string;
  kind: string;
  name: string;
  reason?: string;
  message?: string;
}

export interface TreeSummary {
  total: number;
  notReady: number;
  rootCause: RootCause | null;
  problems: Problem[];
}

/** `GET /api/kubernetes-resources/v1/tree?entityRef=<ref>` */
export interface ResourceTree {
  /** The id of the root node. */
  root: string;
  cluster: string;
  nodes: ResourceNode[];
  edges: ResourceEdge[];
  summary: TreeSummary;
  /** True when the node cap was hit and some children were not read. */
  truncated: boolean;
  /** ISO timestamp of when the tree was read. */
  generatedAt: string;
}

/** `GET /api/kubernetes-resources/v1/node?entityRef=<ref>&nodeId=<id>&view=yaml|events|logs` */
export type NodeView = 'yaml' | 'events' | 'logs';

export interface NodeEvent {
  type: string;
  reason?: string;
  message?: string;
  count: number;
  firstTimestamp?: string;
  lastTimestamp?: string;
  source?: string;
}

export interface NodeYamlResponse {
  view: 'yaml';
  nodeId: string;
  /** YAML without managedFields and last-applied-configuration; never a Secret's data. */
  yaml: string;
}

export interface NodeEventsResponse {
  view: 'events';
  nodeId: string;
  /** Newest first. */
  events: NodeEvent[];
}

export interface NodeLogsResponse {
  view: 'logs';
  nodeId: string;
  container: string;
  previous: boolean;
  lines: string[];
}

export type NodeDetailsResponse = NodeYamlResponse | NodeEventsResponse | NodeLogsResponse;

/** The backend plugin's id, also its route prefix (`/api/kubernetes-resources`). */
export const RESOURCES_PLUGIN_ID = 'kubernetes-resources';
