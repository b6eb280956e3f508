import type { NodeCondition, NodeStatus } from '@kube-platform/plugin-kubernetes-common';
import type { KubeObject } from '../cluster/types';
import { clusterText, findCondition } from './conditions';

type Verdict = { status: NodeStatus; reason?: string; message?: string };

/** Container waiting reasons that do not heal by waiting: the kubelet keeps failing until something changes. */
export const FAILING_WAITING_REASONS = new Set([
  'CrashLoopBackOff',
  'ImagePullBackOff',
  'ErrImagePull',
  'InvalidImageName',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
]);

interface ContainerStatus {
  name?: string;
  ready?: boolean;
  restartCount?: number;
  state?: { waiting?: { reason?: string; message?: string }; terminated?: { reason?: string; exitCode?: number; message?: string } };
}

function containerStatuses(obj: KubeObject): ContainerStatus[] {
  const s = obj.status ?? {};
  return [s.initContainerStatuses, s.containerStatuses]
    .flatMap(list => (Array.isArray(list) ? (list as ContainerStatus[]) : []))
    .filter(c => c && typeof c === 'object');
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function verdict(status: NodeStatus, reason?: string, message?: string): Verdict {
  return { status, ...(reason ? { reason } : {}), ...(message ? { message } : {}) };
}

function podVerdict(obj: KubeObject, conditions: NodeCondition[]): Verdict {
  const phase = obj.status?.phase;
  if (phase === 'Succeeded') return verdict('ready', 'Completed');
  for (const c of containerStatuses(obj)) {
    const waiting = c.state?.waiting;
    const reason = clusterText(waiting?.reason);
    if (reason && FAILING_WAITING_REASONS.has(reason)) {
      return verdict('failing', reason, `container ${clusterText(c.name) ?? '?'}: ${clusterText(waiting?.message) ?? reason}`);
    }
  }
  if (phase === 'Failed') return verdict('failing', clusterText(obj.status?.reason) ?? 'Failed', clusterText(obj.status?.message));
  const scheduled = findCondition(conditions, 'PodScheduled');
  if (scheduled?.status === 'False' && scheduled.reason === 'Unschedulable') return verdict('failing', 'Unschedulable', scheduled.message);
  const ready = findCondition(conditions, 'Ready');
  if (ready?.status === 'True') return verdict('ready', 'Running');
  if (phase === 'Pending') return verdict('progressing', 'Pending', clusterText(obj.status?.message));
  return verdict('progressing', ready?.reason ?? 'NotReady', ready?.message);
}

function replicasVerdict(desired: number, ready: number): Verdict {
  if (ready >= desired) return verdict('ready', 'Available', `${ready}/${desired} ready`);
  return verdict('progressing', 'NotAllReady', `${ready}/${desired} ready`);
}

function deploymentVerdict(obj: KubeObject, conditions: NodeCondition[]): Verdict {
  const progressing = findCondition(conditions, 'Progressing');
  if (progressing?.status === 'False') return verdict('failing', progressing.reason ?? 'NotProgressing', progressing.message);
  const failure = findCondition(conditions, 'ReplicaFailure');
  if (failure?.status === 'True') return verdict('failing', failure.reason ?? 'ReplicaFailure', failure.message);
  const desired = obj.spec?.replicas === undefined ? 1 : num(obj.spec.replicas);
  return replicasVerdict(desired, num(obj.status?.readyReplicas));
}

function jobVerdict(conditions: NodeCondition[]): Verdict {
  const failed = findCondition(conditions, 'Failed');
  if (failed?.status === 'True') return verdict('failing', failed.reason ?? 'Failed', failed.message);
  const complete = findCondition(conditions, 'Complete');
  if (complete?.status === 'True') return verdict('ready', 'Complete');
  return verdict('progressing', 'Running');
}

/**
 * The status of a core workload object (Pod, Deployment, ReplicaSet, StatefulSet, DaemonSet, Job,
 * CronJob), or undefined for any other object.
 */
export function workloadVerdict(obj: KubeObject, conditions: NodeCondition[]): Verdict | undefined {
  const key = `${obj.apiVersion}/${obj.kind}`;
  switch (key) {
    case 'v1/Pod':
      return podVerdict(obj, conditions);
    case 'apps/v1/Deployment':
      return deploymentVerdict(obj, conditions);
    case 'apps/v1/ReplicaSet':
    case 'apps/v1/StatefulSet':
      return replicasVerdict(num(obj.spec?.replicas ?? 1), num(obj.status?.readyReplicas));
    case 'apps/v1/DaemonSet':
      return replicasVerdict(num(obj.status?.desiredNumberScheduled), num(obj.status?.numberReady));
    case 'batch/v1/Job':
      return jobVerdict(conditions);
    case 'batch/v1/CronJob':
      return verdict('ready', obj.spec?.suspend === true ? 'Suspended' : 'Scheduled');
    default:
      return undefined;
  }
}
