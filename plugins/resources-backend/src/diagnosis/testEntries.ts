import type { KubeObject } from '../cluster/types';
import { presentNode } from '../tree/nodes';
import type { TreeEntry } from '../tree/buildTree';

/** A tree entry for an object, as the builder would make it (test helper). */
export function entryOf(obj: KubeObject, id = obj.metadata?.name ?? 'x', role: 'root' | 'child' = 'child'): TreeEntry {
  const ref = { apiVersion: obj.apiVersion ?? '', kind: obj.kind ?? '', name: obj.metadata?.name ?? '', ...(obj.metadata?.namespace ? { namespace: obj.metadata.namespace } : {}) };
  return { node: presentNode(id, ref, role, obj), depth: 0, object: obj, remote: false };
}

/** A pod with one container in the given state. */
export function podWith(container: Record<string, unknown>, status: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'api-1', namespace: 'shop' }, status: { phase: 'Running', containerStatuses: [{ name: 'app', ...container }], ...status } };
}
