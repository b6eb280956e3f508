import type { KubeObject } from '../cluster/types';
import { statusOf } from './nodeStatus';

const cond = (type: string, status: string, reason?: string, message?: string) => ({ type, status, ...(reason ? { reason } : {}), ...(message ? { message } : {}) });
const mr = (conditions: unknown[], extra: Partial<KubeObject> = {}): KubeObject => ({
  apiVersion: 'rds.aws.upbound.io/v1beta1',
  kind: 'Instance',
  metadata: { name: 'db' },
  spec: { forProvider: {} },
  status: { conditions },
  ...extra,
});

describe('statusOf', () => {
  it.each([
    ['Synced and Ready', mr([cond('Synced', 'True'), cond('Ready', 'True', 'Available')]), 'ready', 'Available'],
    ['Synced=False wins over Ready', mr([cond('Synced', 'False', 'ReconcileError', 'boom'), cond('Ready', 'True')]), 'failing', 'ReconcileError'],
    ['Synced Unknown', mr([cond('Synced', 'Unknown', 'Pending'), cond('Ready', 'False')]), 'progressing', 'Pending'],
    ['Ready=False while creating', mr([cond('Synced', 'True'), cond('Ready', 'False', 'Creating', 'Unready resources: db')]), 'progressing', 'Creating'],
    ['Synced without Ready', mr([cond('Synced', 'True')]), 'progressing', 'NotReady'],
    ['a managed resource with no conditions yet', mr([]), 'unknown', 'NoConditions'],
    ['deleting beats everything', mr([cond('Synced', 'False', 'ReconcileError')], { metadata: { name: 'db', deletionTimestamp: '2026-12-01T00:00:00Z' } }), 'deleting', 'Deleting'],
    ['a ConfigMap exists, so it is ready', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }, 'ready', undefined],
    ['an XRD not established', { apiVersion: 'apiextensions.crossplane.io/v1', kind: 'CompositeResourceDefinition', metadata: { name: 'x' }, status: { conditions: [cond('Established', 'False', 'ConflictingNames')] } }, 'failing', 'ConflictingNames'],
    ['malformed conditions are ignored', mr([{ type: 'Ready', status: 'maybe' }, 'nonsense', null]), 'unknown', 'NoConditions'],
  ])('%s', (_label, obj, status, reason) => {
    const verdict = statusOf(obj as KubeObject);
    expect(verdict.status).toBe(status);
    expect(verdict.reason).toBe(reason);
  });

  it('keeps the message of the condition that decides, and caps cluster text', () => {
    const long = 'x'.repeat(5000);
    const verdict = statusOf(mr([cond('Synced', 'False', 'ReconcileError', long)]));
    expect(verdict.message?.length).toBeLessThan(2100);
    expect(verdict.synced).toMatchObject({ type: 'Synced', status: 'False', reason: 'ReconcileError' });
  });

  it.each([
    ['a crash-looping pod', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, status: { phase: 'Running', containerStatuses: [{ name: 'app', state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s' } } }] } }, 'failing', 'CrashLoopBackOff'],
    ['an unschedulable pod', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, status: { phase: 'Pending', conditions: [cond('PodScheduled', 'False', 'Unschedulable', '0/3 nodes are available')] } }, 'failing', 'Unschedulable'],
    ['a running, ready pod', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, status: { phase: 'Running', conditions: [cond('Ready', 'True')] } }, 'ready', 'Running'],
    ['a completed pod', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, status: { phase: 'Succeeded' } }, 'ready', 'Completed'],
    ['a deployment past its deadline', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { replicas: 2 }, status: { conditions: [cond('Progressing', 'False', 'ProgressDeadlineExceeded')] } }, 'failing', 'ProgressDeadlineExceeded'],
    ['a deployment with 1 of 2 ready', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { replicas: 2 }, status: { readyReplicas: 1 } }, 'progressing', 'NotAllReady'],
    ['a failed job', { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, status: { conditions: [cond('Failed', 'True', 'BackoffLimitExceeded')] } }, 'failing', 'BackoffLimitExceeded'],
    ['a daemonset fully ready', { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'ds' }, status: { desiredNumberScheduled: 3, numberReady: 3 } }, 'ready', 'Available'],
  ])('%s', (_label, obj, status, reason) => {
    const verdict = statusOf(obj as KubeObject);
    expect(verdict.status).toBe(status);
    expect(verdict.reason).toBe(reason);
  });
});
