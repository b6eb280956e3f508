import type { NodeEvent, NodeEventsResponse } from '@kube-platform/plugin-kubernetes-common';
import type { ClusterReader, KubeObject } from '../cluster/types';
import { clusterText } from '../status/conditions';
import type { TreeEntry } from '../tree/buildTree';

/** Enough history for a drawer; the newest are kept. */
const MAX_EVENTS = 100;

/** When an event last happened, for newest-first ordering. */
export function eventTime(e: KubeObject): string {
  return clusterText(e.lastTimestamp) ?? clusterText(e.eventTime) ?? clusterText(e.firstTimestamp) ?? clusterText(e.metadata?.creationTimestamp) ?? '';
}

/** A core/v1 Event as the API shows it; every field is cluster text, capped. */
export function toNodeEvent(e: KubeObject): NodeEvent {
  const source = e.source as { component?: unknown; host?: unknown } | undefined;
  const component = clusterText(source?.component) ?? clusterText(e.reportingComponent);
  const first = clusterText(e.firstTimestamp) ?? clusterText(e.eventTime);
  const last = clusterText(e.lastTimestamp) ?? first;
  return {
    type: clusterText(e.type) ?? 'Normal',
    ...(clusterText(e.reason) ? { reason: clusterText(e.reason) } : {}),
    ...(clusterText(e.message) ? { message: clusterText(e.message) } : {}),
    count: typeof e.count === 'number' && e.count > 0 ? e.count : 1,
    ...(first ? { firstTimestamp: first } : {}),
    ...(last ? { lastTimestamp: last } : {}),
    ...(component ? { source: component } : {}),
  };
}

/** Field selector values escape `\`, `,` and `=` (the API server's own escaping). */
export function selectorValue(value: string): string {
  return value.replace(/[\\,=]/g, c => `\\${c}`);
}

/** The events the cluster keeps about one node's object (core/v1 Events by involvedObject), newest first. */
export async function eventsView(entry: TreeEntry, reader: ClusterReader): Promise<NodeEventsResponse> {
  const { node } = entry;
  if (entry.remote || !entry.object || !entry.kind) return { view: 'events', nodeId: node.id, events: [] };
  const eventKind = await reader.resolve('v1', 'Event');
  if (!eventKind) return { view: 'events', nodeId: node.id, events: [] };
  const selector = [`involvedObject.kind=${selectorValue(node.kind)}`, `involvedObject.name=${selectorValue(node.name)}`];
  if (node.namespace) selector.push(`involvedObject.namespace=${selectorValue(node.namespace)}`);
  // Events of cluster-scoped objects land in `default` (or wherever the reporter chose): search all.
  const items = await reader.list(eventKind, node.namespace, { fieldSelector: selector.join(',') });
  const uid = entry.object.metadata?.uid;
  // Events about an earlier object of the same name carry its uid; events without one are kept.
  const events = items
    .filter(e => {
      const involved = e.involvedObject as { name?: unknown; uid?: unknown } | undefined;
      return involved?.name === node.name && (!involved.uid || !uid || involved.uid === uid);
    })
    .sort((a, b) => eventTime(b).localeCompare(eventTime(a)))
    .slice(0, MAX_EVENTS)
    .map(toNodeEvent);
  return { view: 'events', nodeId: node.id, events };
}
