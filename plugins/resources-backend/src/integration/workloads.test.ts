import { mockCredentials } from '@backstage/backend-test-utils';
import { KubeSim } from '@internal/kube-sim';
import type { ResourceTree } from '@kube-platform/plugin-kubernetes-common';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { entityFor } from './fixtures';
import { startResourcesBackend } from '../__testUtils__/testBackend';

jest.setTimeout(60_000);

type Obj = { metadata: { uid?: string; name: string } };
const owner = (o: Obj, apiVersion: string, kind: string) => [{ apiVersion, kind, name: o.metadata.name, uid: o.metadata.uid, controller: true }];
const crashing = (name: string) => ({ name, ready: false, restartCount: 7, state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s' } }, lastState: { terminated: { reason: 'Error', exitCode: 1 } } });

describe('workload trees against kube-sim', () => {
  let sim: KubeSim;
  let kubeconfig: string;
  const entities = [
    entityFor('api', { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'api' }),
    entityFor('report', { apiVersion: 'batch/v1', kind: 'CronJob', namespace: 'shop', name: 'report' }),
    entityFor('db', { apiVersion: 'apps/v1', kind: 'StatefulSet', namespace: 'shop', name: 'db' }),
  ];

  beforeAll(async () => {
    sim = await KubeSim.start();
    kubeconfig = sim.writeKubeconfig(join(mkdtempSync(join(tmpdir(), 'workloads-')), 'kubeconfig'));
    const apply = <T>(o: T) => sim.apply(o as never)[0] as unknown as Obj;
    apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    const template = { metadata: { labels: { app: 'api' } }, spec: { containers: [{ name: 'app', image: 'api:2' }] } };
    const api = apply({
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'api', namespace: 'shop' },
      spec: { replicas: 2, selector: { matchLabels: { app: 'api' } }, template },
      status: { replicas: 3, readyReplicas: 1, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "api-new" has timed out progressing.' }] },
    });
    const rs = (name: string, revision: string, replicas: number) => apply({
      apiVersion: 'apps/v1', kind: 'ReplicaSet',
      metadata: { name, namespace: 'shop', labels: { app: 'api', 'pod-template-hash': name }, annotations: { 'deployment.kubernetes.io/revision': revision }, ownerReferences: owner(api, 'apps/v1', 'Deployment') },
      spec: { replicas, selector: { matchLabels: { app: 'api', 'pod-template-hash': name } }, template },
      status: { replicas, readyReplicas: name === 'api-old' ? 1 : 0 },
    });
    const fresh = rs('api-new', '3', 2);
    const old = rs('api-old', '2', 1);
    rs('api-ancient', '1', 0);
    const pod = (name: string, parent: Obj, hash: string, statuses: unknown[], conditions: unknown[] = []) => apply({
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name, namespace: 'shop', labels: { app: 'api', 'pod-template-hash': hash }, ownerReferences: owner(parent, 'apps/v1', 'ReplicaSet') },
      spec: { containers: [{ name: 'app', image: 'api:2' }] },
      status: { phase: 'Running', conditions, containerStatuses: statuses },
    });
    pod('api-new-1', fresh, 'api-new', [crashing('app')]);
    pod('api-new-2', fresh, 'api-new', [crashing('app')]);
    pod('api-old-1', old, 'api-old', [{ name: 'app', ready: true, restartCount: 0, state: { running: {} } }], [{ type: 'Ready', status: 'True' }]);
    apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stray', namespace: 'shop', labels: { app: 'api' } }, spec: { containers: [{ name: 'x', image: 'x' }] } });
    apply({
      apiVersion: 'v1', kind: 'Event', metadata: { name: 'api-new-1.b1', namespace: 'shop' },
      involvedObject: { apiVersion: 'v1', kind: 'Pod', name: 'api-new-1', namespace: 'shop' },
      type: 'Warning', reason: 'BackOff', message: 'Back-off restarting failed container app', count: 9, lastTimestamp: '2026-12-04T12:00:00Z',
    });
    apply({
      apiVersion: 'v1', kind: 'Event', metadata: { name: 'api-old-1.b1', namespace: 'shop' },
      involvedObject: { apiVersion: 'v1', kind: 'Pod', name: 'api-old-1', namespace: 'shop' },
      type: 'Warning', reason: 'Unhealthy', message: 'old news', lastTimestamp: '2026-12-04T12:00:00Z',
    });
    apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'api', namespace: 'shop' }, spec: { selector: { app: 'api' }, ports: [{ port: 80 }] } });
    apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'other', namespace: 'shop' }, spec: { selector: { app: 'other' }, ports: [{ port: 80 }] } });

    const cron = apply({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'report', namespace: 'shop' }, spec: { schedule: '0 * * * *', jobTemplate: { spec: { template: { spec: { containers: [{ name: 'report', image: 'r' }], restartPolicy: 'Never' } } } } } });
    const job = (name: string, created: string, failed: boolean) => apply({
      apiVersion: 'batch/v1', kind: 'Job',
      metadata: { name, namespace: 'shop', labels: { 'job-name': name }, ownerReferences: owner(cron, 'batch/v1', 'CronJob') },
      spec: { selector: { matchLabels: { 'job-name': name } }, template: { metadata: { labels: { 'job-name': name } }, spec: { containers: [{ name: 'report', image: 'r' }], restartPolicy: 'Never' } } },
      status: { startTime: created, conditions: [{ type: failed ? 'Failed' : 'Complete', status: 'True', reason: failed ? 'BackoffLimitExceeded' : 'Completed', lastTransitionTime: created }] },
    });
    job('report-1', '2026-12-04T10:00:00Z', false);
    const failedJob = job('report-2', '2026-12-04T11:00:00Z', true);
    apply({
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name: 'report-2-abcde', namespace: 'shop', labels: { 'job-name': 'report-2' }, ownerReferences: owner(failedJob, 'batch/v1', 'Job') },
      spec: { containers: [{ name: 'report', image: 'r' }] },
      status: { phase: 'Failed', containerStatuses: [{ name: 'report', ready: false, state: { terminated: { reason: 'Error', exitCode: 2 } } }] },
    });

    const sts = apply({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db', namespace: 'shop' }, spec: { replicas: 1, selector: { matchLabels: { app: 'db' } }, template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'pg', image: 'postgres:16' }] } } }, status: { replicas: 1, readyReplicas: 0 } });
    apply({
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name: 'db-0', namespace: 'shop', labels: { app: 'db' }, ownerReferences: owner(sts, 'apps/v1', 'StatefulSet') },
      spec: { containers: [{ name: 'pg', image: 'postgres:16' }] },
      status: { phase: 'Pending', containerStatuses: [{ name: 'pg', ready: false, state: { waiting: { reason: 'CreateContainerConfigError', message: "couldn't find key password in Secret shop/db-creds" } } }] },
    });
  });
  afterAll(() => sim.stop());

  const tree = async (server: Parameters<typeof request>[0], name: string) => {
    const res = await request(server).get('/api/kubernetes-resources/v1/tree').query({ entityRef: `resource:default/${name}` }).set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    return res.body as ResourceTree;
  };

  it('reads Deployment → current and previous ReplicaSets → Pods and the selecting Service, with one pod LIST', async () => {
    const { server } = await startResourcesBackend({ kubeconfig, entities });
    const before = sim.requests.length;
    const t = await tree(server, 'api');
    expect(t.nodes.map(n => `${n.kind}/${n.name}:${n.status}`)).toEqual([
      'Deployment/api:failing',
      'ReplicaSet/api-new:progressing',
      'ReplicaSet/api-old:ready',
      'Service/api:ready',
      'Pod/api-new-1:failing',
      'Pod/api-new-2:failing',
      'Pod/api-old-1:ready',
    ]);
    const podLists = sim.requests.slice(before).filter(r => r.method === 'GET' && r.path === '/api/v1/namespaces/shop/pods');
    expect(podLists).toHaveLength(1);
    expect(podLists[0].query.labelSelector).toBe('app=api');
    expect(t.summary.rootCause).toMatchObject({ kind: 'Pod', name: 'api-new-1', reason: 'CrashLoopBackOff' });
    const crash = t.summary.problems.find(p => p.detector === 'crash-loop');
    expect(crash).toMatchObject({ count: 2, title: 'Container app keeps crashing (exit code 1)', severity: 'error' });
    // The crash-looping pods are why the rollout is stuck, so their problem leads.
    expect(t.summary.problems.map(p => p.detector)).toEqual(['crash-loop', 'progress-deadline']);
    // The crash-looping pod's Warning event is evidence; the healthy pod's is not read into it.
    expect(crash?.fix.evidence).toContain('event BackOff (x9): Back-off restarting failed container app');
    expect(JSON.stringify(t.summary.problems)).not.toContain('old news');
  });

  it('reads CronJob → Jobs → Pods and names the failed run', async () => {
    const { server } = await startResourcesBackend({ kubeconfig, entities });
    const t = await tree(server, 'report');
    expect(t.nodes.map(n => `${n.kind}/${n.name}`)).toEqual(['CronJob/report', 'Job/report-1', 'Job/report-2', 'Pod/report-2-abcde']);
    expect(t.summary.problems.map(p => p.detector)).toEqual(expect.arrayContaining(['cronjob-failed', 'container-error']));
    expect(t.summary.rootCause).toMatchObject({ kind: 'Pod', name: 'report-2-abcde' });
  });

  it('names the missing Secret key of a StatefulSet pod', async () => {
    const { server } = await startResourcesBackend({ kubeconfig, entities });
    const t = await tree(server, 'db');
    expect(t.summary.problems[0]).toMatchObject({ detector: 'container-config', title: 'Container pg needs key password of Secret db-creds, which does not exist' });
  });
});
