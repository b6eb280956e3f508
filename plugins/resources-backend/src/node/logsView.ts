import { InputError } from '@backstage/errors';
import type { NodeLogsResponse } from '@kube-platform/plugin-kubernetes-common';
import type { ClusterReader } from '../cluster/types';
import { FAILING_WAITING_REASONS } from '../status/workloadStatus';
import type { TreeEntry } from '../tree/buildTree';

/** Default and most lines read. */
const DEFAULT_TAIL = 200;
const MAX_TAIL = 1000;
/** One line of a log is capped: a single minified JSON line must not fill the drawer. */
const MAX_LINE = 4000;

interface ContainerStatus {
  name?: unknown;
  ready?: unknown;
  state?: { waiting?: { reason?: unknown } };
}

/** What the caller may ask for: a container of that pod, current or previous, a bounded tail. */
export interface LogsQuery {
  container?: string;
  previous?: string;
  tailLines?: string;
}

function containerNames(entry: TreeEntry): string[] {
  const spec = entry.object?.spec ?? {};
  return [spec.initContainers, spec.containers]
    .flatMap(l => (Array.isArray(l) ? l : []))
    .map(c => (c && typeof c === 'object' ? (c as { name?: unknown }).name : undefined))
    .filter((n): n is string => typeof n === 'string' && n !== '');
}

/** The failing container when there is one (what a developer opens the logs for), else the first. */
function defaultContainer(entry: TreeEntry, names: string[]): string {
  const statuses = (entry.object?.status?.containerStatuses ?? []) as ContainerStatus[];
  const failing = Array.isArray(statuses)
    ? statuses.find(s => FAILING_WAITING_REASONS.has(String(s?.state?.waiting?.reason)) || s?.ready === false)
    : undefined;
  return typeof failing?.name === 'string' && names.includes(failing.name) ? failing.name : names[0];
}

/**
 * The last lines of one container's log of a Pod node. The container must be one the pod declares: the
 * query never reaches the API server as free text.
 */
export async function logsView(entry: TreeEntry, reader: ClusterReader, query: LogsQuery): Promise<NodeLogsResponse> {
  const { node } = entry;
  if (node.kind !== 'Pod' || node.apiVersion !== 'v1' || entry.remote || !entry.kind || !entry.object || !node.namespace) {
    throw new InputError(`logs are only available for pods, and ${node.kind} ${node.name} is not one`);
  }
  const names = containerNames(entry);
  if (!names.length) throw new InputError(`pod ${node.name} declares no containers`);
  if (query.container !== undefined && !names.includes(query.container)) {
    throw new InputError(`container must be one of ${names.join(', ')} (the containers of pod ${node.name})`);
  }
  const container = query.container ?? defaultContainer(entry, names);
  if (query.previous !== undefined && query.previous !== 'true' && query.previous !== 'false') {
    throw new InputError('previous must be true or false');
  }
  const tail = query.tailLines === undefined ? DEFAULT_TAIL : Number(query.tailLines);
  if (!Number.isInteger(tail) || tail < 1 || tail > MAX_TAIL) throw new InputError(`tailLines must be a whole number from 1 to ${MAX_TAIL}`);
  const previous = query.previous === 'true';
  const text = await reader.logs(entry.kind, node.namespace, node.name, { container, previous, tailLines: tail });
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return {
    view: 'logs',
    nodeId: node.id,
    container,
    previous,
    lines: lines.slice(-tail).map(l => (l.length > MAX_LINE ? `${l.slice(0, MAX_LINE)}…` : l)),
  };
}
