import type { NodeEvent } from '@kube-platform/plugin-kubernetes-common';
import type { ClusterReader } from '../cluster/types';
import { eventTime, toNodeEvent } from '../node/eventsView';
import type { BuiltTree } from '../tree/buildTree';

/** Namespaces searched per tree, and warnings kept per pod: evidence, not a log. */
const MAX_NAMESPACES = 5;
const MAX_PER_POD = 3;

/**
 * The latest Warning events of the tree's unhealthy pods, by node id: the evidence behind a readiness
 * probe or a pull failure ("Readiness probe failed: HTTP probe failed with statuscode: 503"). One LIST
 * per namespace; a failure only means less evidence, never a failed tree.
 */
export async function podWarnings(built: BuiltTree, reader: ClusterReader): Promise<Map<string, NodeEvent[]>> {
  const pods = [...built.entries.values()].filter(
    e => e.node.kind === 'Pod' && e.node.apiVersion === 'v1' && !e.remote && e.object && e.node.status !== 'ready' && e.node.namespace,
  );
  const out = new Map<string, NodeEvent[]>();
  if (!pods.length) return out;
  const eventKind = await reader.resolve('v1', 'Event').catch(() => undefined);
  if (!eventKind) return out;
  const namespaces = [...new Set(pods.map(p => p.node.namespace as string))].slice(0, MAX_NAMESPACES);
  const lists = await Promise.all(
    namespaces.map(ns => reader.list(eventKind, ns, { fieldSelector: 'involvedObject.kind=Pod,type=Warning' }).catch(() => [])),
  );
  const events = lists.flat().sort((a, b) => eventTime(b).localeCompare(eventTime(a)));
  for (const pod of pods) {
    const uid = pod.object?.metadata?.uid;
    const mine = events.filter(e => {
      const involved = e.involvedObject as { name?: unknown; namespace?: unknown; uid?: unknown } | undefined;
      return involved?.name === pod.node.name && involved.namespace === pod.node.namespace && (!involved.uid || !uid || involved.uid === uid);
    });
    if (mine.length) out.set(pod.node.id, mine.slice(0, MAX_PER_POD).map(toNodeEvent));
  }
  return out;
}
