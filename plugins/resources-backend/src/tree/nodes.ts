import type { NodeRole, ResourceNode } from '@kube-platform/plugin-kubernetes-common';
import type { KubeObject } from '../cluster/types';
import { clusterText } from '../status/conditions';
import { statusOf } from '../status/nodeStatus';
import type { ObjectRef } from './refs';

function identity(id: string, ref: ObjectRef, role: NodeRole) {
  return {
    id,
    apiVersion: ref.apiVersion,
    kind: ref.kind,
    ...(ref.namespace ? { namespace: ref.namespace } : {}),
    name: ref.name,
    role,
  };
}

/** The node of an object that exists, with its status read from its conditions. */
export function presentNode(id: string, ref: ObjectRef, role: NodeRole, obj: KubeObject): ResourceNode {
  const verdict = statusOf(obj);
  const createdAt = clusterText(obj.metadata?.creationTimestamp);
  return {
    ...identity(id, ref, role),
    status: verdict.status,
    ...(verdict.synced ? { synced: verdict.synced } : {}),
    ...(verdict.ready ? { ready: verdict.ready } : {}),
    conditions: verdict.conditions,
    ...(createdAt ? { createdAt } : {}),
    ...(verdict.reason ? { reason: verdict.reason } : {}),
    ...(verdict.message ? { message: verdict.message } : {}),
  };
}

function where(ref: ObjectRef): string {
  return ref.namespace ? `${ref.namespace}/${ref.name}` : ref.name;
}

/** A referenced object that does not exist (or whose kind the cluster does not serve). */
export function missingNode(id: string, ref: ObjectRef, role: NodeRole, reason: 'NotFound' | 'KindNotServed' | 'NotObserved', detail?: string): ResourceNode {
  const message = {
    NotFound: `${ref.kind} ${where(ref)} does not exist`,
    KindNotServed: `the cluster does not serve ${ref.kind} in ${ref.apiVersion}`,
    NotObserved: `${ref.kind} ${where(ref)} has not been observed by its provider`,
  }[reason];
  return { ...identity(id, ref, role), status: 'missing', conditions: [], reason, message: detail ? `${message}: ${detail}` : message };
}

/** An object that could not be read (forbidden, cluster unavailable): its state is unknown, not missing. */
export function unreadableNode(id: string, ref: ObjectRef, role: NodeRole, error: string): ResourceNode {
  return { ...identity(id, ref, role), status: 'unknown', conditions: [], reason: 'ReadFailed', message: error };
}
