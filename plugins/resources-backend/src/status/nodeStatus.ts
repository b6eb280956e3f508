import type { NodeCondition, NodeStatus } from '@kube-platform/plugin-kubernetes-common';
import type { KubeObject } from '../cluster/types';
import { clusterText, findCondition, readConditions } from './conditions';
import { workloadVerdict } from './workloadStatus';

/** What the status of one existing object comes to, with the conditions that explain it. */
export interface StatusVerdict {
  status: NodeStatus;
  conditions: NodeCondition[];
  synced?: NodeCondition;
  ready?: NodeCondition;
  reason?: string;
  message?: string;
}

/** Objects that Crossplane or a provider reconciles: without conditions their state is not known yet. */
function isReconciled(obj: KubeObject): boolean {
  const spec = obj.spec ?? {};
  return ['forProvider', 'resourceRef', 'resourceRefs', 'crossplane', 'compositionRef'].some(k => k in spec);
}

function fromCondition(status: NodeStatus, c: NodeCondition): Pick<StatusVerdict, 'status' | 'reason' | 'message'> {
  return { status, ...(c.reason ? { reason: c.reason } : {}), ...(c.message ? { message: c.message } : {}) };
}

/**
 * The status of an existing object, read the way `crossplane beta trace` reads it: a deletion in progress
 * first, then Synced=False (the controller reports an error), then Synced not yet True, then Ready.
 * Workloads (Pods, Deployments, Jobs...) have their own rules; an object with no conditions that nothing
 * reconciles (a ConfigMap, a Service) is ready by existing.
 */
export function statusOf(obj: KubeObject): StatusVerdict {
  const conditions = readConditions(obj);
  const synced = findCondition(conditions, 'Synced');
  const ready = findCondition(conditions, 'Ready');
  const base = { conditions, ...(synced ? { synced } : {}), ...(ready ? { ready } : {}) };

  const deletedAt = clusterText(obj.metadata?.deletionTimestamp);
  if (deletedAt) return { ...base, status: 'deleting', reason: 'Deleting', message: `deletion requested at ${deletedAt}` };

  const workload = workloadVerdict(obj, conditions);
  if (workload) return { ...base, ...workload };

  if (synced?.status === 'False') return { ...base, ...fromCondition('failing', synced) };
  if (synced && synced.status !== 'True') return { ...base, ...fromCondition('progressing', synced) };
  if (ready?.status === 'True') return { ...base, status: 'ready', ...(ready.reason ? { reason: ready.reason } : {}) };
  if (ready) return { ...base, ...fromCondition('progressing', ready) };

  const established = findCondition(conditions, 'Established');
  if (established?.status === 'False') return { ...base, ...fromCondition('failing', established) };
  if (synced) return { ...base, status: 'progressing', reason: 'NotReady', message: 'no Ready condition reported yet' };
  if (isReconciled(obj) && conditions.length === 0) {
    return { ...base, status: 'unknown', reason: 'NoConditions', message: 'no conditions reported yet' };
  }
  return { ...base, status: 'ready' };
}
