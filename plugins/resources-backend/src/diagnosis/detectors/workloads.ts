import { clusterText, findCondition } from '../../status/conditions';
import type { Detector } from '../types';

/** A pod the scheduler cannot place, with the scheduler's own message. */
export const unschedulableDetector: Detector = ({ entry }) => {
  if (entry.node.kind !== 'Pod' || entry.node.apiVersion !== 'v1') return [];
  const c = findCondition(entry.node.conditions, 'PodScheduled');
  if (c?.status !== 'False' || c.reason !== 'Unschedulable') return [];
  return [{
    detector: 'unschedulable', severity: 'error', nodeId: entry.node.id,
    title: 'Pod cannot be scheduled on any node',
    fix: {
      explanation: 'No node satisfies the pod: not enough CPU or memory, or its node selector, affinity or tolerations rule every node out.',
      nextStep: 'Read the scheduler\'s message below; lower the resource requests, relax the placement rules, or ask the platform team for capacity.',
      evidence: c.message ? [c.message] : [],
      docsUrl: 'https://kubernetes.io/docs/concepts/scheduling-eviction/kube-scheduler/',
    },
  }];
};

/** A Deployment whose rollout stopped making progress (ProgressDeadlineExceeded), or was paused. */
export const rolloutDetector: Detector = ({ entry }) => {
  if (entry.node.kind !== 'Deployment') return [];
  const spec = entry.object?.spec ?? {};
  const status = entry.object?.status ?? {};
  if (spec.paused === true && Number(status.updatedReplicas ?? 0) < Number(spec.replicas ?? 1)) {
    return [{
      detector: 'rollout-paused', severity: 'warning', nodeId: entry.node.id,
      title: 'Rollout is paused with pods not yet updated',
      fix: {
        explanation: 'The Deployment is paused (spec.paused), so changes to its pod template are not rolled out.',
        nextStep: 'Resume the rollout (kubectl rollout resume, or remove spec.paused in the GitOps manifest).',
        evidence: [`updated replicas: ${Number(status.updatedReplicas ?? 0)} of ${Number(spec.replicas ?? 1)}`],
        docsUrl: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#pausing-and-resuming-a-deployment',
      },
    }];
  }
  const c = findCondition(entry.node.conditions, 'Progressing');
  if (c?.status !== 'False' || c.reason !== 'ProgressDeadlineExceeded') return [];
  return [{
    detector: 'progress-deadline', severity: 'error', nodeId: entry.node.id,
    title: 'Rollout is stuck: progress deadline exceeded',
    fix: {
      explanation: 'The new ReplicaSet did not become available within the deployment\'s progress deadline; the old pods keep serving.',
      nextStep: 'Look at the new ReplicaSet\'s pods below for why they do not become ready, fix it, or roll back.',
      evidence: c.message ? [c.message] : [],
      docsUrl: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#failed-deployment',
    },
  }];
};

/** A CronJob whose most recent run failed. */
export const cronJobDetector: Detector = ({ entry, children }) => {
  if (entry.node.kind !== 'CronJob') return [];
  const jobs = children.filter(c => c.node.kind === 'Job');
  // startTime is when the run began; creationTimestamp can tie for jobs created in the same second.
  const started = (j: (typeof jobs)[number]) => clusterText(j.object?.status?.startTime) ?? j.node.createdAt ?? '';
  const latest = [...jobs].sort((a, b) => started(b).localeCompare(started(a)))[0];
  if (!latest || latest.node.status !== 'failing') return [];
  const failed = jobs.filter(j => j.node.status === 'failing').length;
  return [{
    detector: 'cronjob-failed', severity: 'error', nodeId: entry.node.id,
    title: 'The last run of the CronJob failed',
    fix: {
      explanation: `${failed} of the ${jobs.length} runs still kept failed, the latest among them.`,
      nextStep: 'Open the failed Job\'s pods for their exit code and logs.',
      evidence: [`latest job: ${latest.node.name}`, ...(latest.node.message ? [latest.node.message] : [])],
      docsUrl: 'https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/',
    },
  }];
};
