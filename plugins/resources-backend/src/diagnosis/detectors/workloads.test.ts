import { entryOf, podWith } from '../testEntries';
import { cronJobDetector, rolloutDetector, unschedulableDetector } from './workloads';

describe('workload detectors', () => {
  it('names an unschedulable pod with the scheduler message', () => {
    const pod = podWith({}, { phase: 'Pending', containerStatuses: [], conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/3 nodes are available: 3 Insufficient memory.' }] });
    expect(unschedulableDetector({ entry: entryOf(pod), children: [], warnings: [] })).toEqual([
      expect.objectContaining({ detector: 'unschedulable', fix: expect.objectContaining({ evidence: ['0/3 nodes are available: 3 Insufficient memory.'] }) }),
    ]);
    expect(unschedulableDetector({ entry: entryOf(podWith({})), children: [], warnings: [] })).toEqual([]);
  });

  it('names a Deployment past its progress deadline, and not one still progressing', () => {
    const deploy = (status: string, reason: string) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'api' }, spec: { replicas: 2 }, status: { conditions: [{ type: 'Progressing', status, reason, message: 'ReplicaSet "api-7d9" has timed out progressing.' }] } });
    expect(rolloutDetector({ entry: entryOf(deploy('False', 'ProgressDeadlineExceeded')), children: [], warnings: [] })[0]).toMatchObject({ detector: 'progress-deadline', severity: 'error' });
    expect(rolloutDetector({ entry: entryOf(deploy('True', 'ReplicaSetUpdated')), children: [], warnings: [] })).toEqual([]);
  });

  it('names a paused rollout with pods left to update, and not a paused one that is done', () => {
    const paused = (updated: number) => entryOf({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'api' }, spec: { replicas: 3, paused: true }, status: { updatedReplicas: updated, readyReplicas: 3 } });
    expect(rolloutDetector({ entry: paused(1), children: [], warnings: [] })[0]).toMatchObject({ detector: 'rollout-paused', severity: 'warning', fix: expect.objectContaining({ evidence: ['updated replicas: 1 of 3'] }) });
    expect(rolloutDetector({ entry: paused(3), children: [], warnings: [] })).toEqual([]);
  });

  it('names a CronJob whose latest run failed, and not one whose latest run succeeded', () => {
    const job = (name: string, created: string, failed: boolean) => {
      const e = entryOf({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name, creationTimestamp: '2026-12-01T00:00:00Z' }, status: { startTime: created, conditions: [{ type: failed ? 'Failed' : 'Complete', status: 'True', reason: failed ? 'BackoffLimitExceeded' : 'Completed' }] } });
      return e;
    };
    const cron = entryOf({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'report' }, spec: {} });
    expect(cronJobDetector({ entry: cron, children: [job('a', '2026-12-01T00:00:00Z', false), job('b', '2026-12-02T00:00:00Z', true)], warnings: [] })[0]).toMatchObject({
      detector: 'cronjob-failed',
      fix: expect.objectContaining({ evidence: ['latest job: b'] }),
    });
    expect(cronJobDetector({ entry: cron, children: [job('a', '2026-12-01T00:00:00Z', true), job('b', '2026-12-02T00:00:00Z', false)], warnings: [] })).toEqual([]);
  });
});
