/* Kubernetes objects for the integration tests, applied to kube-sim (not part of the package's surface). */
import { resolve } from 'node:path';
import type { KubeObject } from '@internal/kube-sim';

/** The demo cluster's manifests (see examples/cluster/README.md). */
export const DEMO_CLUSTER = resolve(__dirname, '../../../../../examples/cluster');

export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'CronJob';

export const API_VERSIONS: Record<WorkloadKind, string> = {
  Deployment: 'apps/v1',
  StatefulSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  CronJob: 'batch/v1',
};

export function namespace(name: string, annotations: Record<string, string> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, annotations } };
}

const podTemplate = (app: string) => ({
  metadata: { labels: { app } },
  spec: { containers: [{ name: 'main', image: `registry.example.com/${app}:1.0.0` }] },
});

/** A minimal but realistic workload of any default kind; `app=<name>` selects its pods. */
export function workload(
  kind: WorkloadKind,
  ns: string,
  name: string,
  annotations: Record<string, string> = {},
): KubeObject {
  const metadata = { name, namespace: ns, labels: { app: name }, annotations };
  if (kind === 'CronJob') {
    return {
      apiVersion: API_VERSIONS.CronJob,
      kind,
      metadata,
      spec: { schedule: '0 3 * * *', jobTemplate: { spec: { template: podTemplate(name) } } },
    };
  }
  return {
    apiVersion: API_VERSIONS[kind],
    kind,
    metadata,
    spec: { selector: { matchLabels: { app: name } }, template: podTemplate(name) },
  };
}

export const deployment = (ns: string, name: string, annotations: Record<string, string> = {}) =>
  workload('Deployment', ns, name, annotations);

/** A workload as the tests expect to find it again among the entities. */
export interface WorkloadSpec {
  kind: WorkloadKind;
  namespace: string;
  name: string;
}

/** Namespaces used by {@link teamWorkloads}. */
export const TEAM_NAMESPACES = ['team-a', 'team-b'];

/**
 * The workloads of one fleet cluster: `web` in two namespaces (same name, different namespaces), one
 * of each other default kind, and `extra` distinguishing the clusters. More than two of each kind
 * where it matters, so pages of two need `continue`.
 */
export function teamWorkloads(extra: string): WorkloadSpec[] {
  return [
    { kind: 'Deployment', namespace: 'team-a', name: 'web' },
    { kind: 'Deployment', namespace: 'team-b', name: 'web' },
    { kind: 'Deployment', namespace: 'team-a', name: 'worker' },
    { kind: 'Deployment', namespace: 'team-b', name: extra },
    { kind: 'Deployment', namespace: 'team-b', name: 'gateway' },
    { kind: 'StatefulSet', namespace: 'team-a', name: 'db' },
    { kind: 'StatefulSet', namespace: 'team-b', name: 'cache' },
    { kind: 'StatefulSet', namespace: 'team-b', name: 'queue' },
    { kind: 'DaemonSet', namespace: 'team-a', name: 'agent' },
    { kind: 'CronJob', namespace: 'team-b', name: 'nightly' },
  ];
}

/** Objects for `workloads`, their namespaces, and noise in kube-system that must never be ingested. */
export function clusterObjects(workloads: WorkloadSpec[]): KubeObject[] {
  const namespaces = [...new Set(workloads.map(w => w.namespace))].sort();
  return [
    ...namespaces.map(ns => namespace(ns)),
    ...workloads.map(w => workload(w.kind, w.namespace, w.name)),
    workload('Deployment', 'kube-system', 'coredns'),
    workload('DaemonSet', 'kube-system', 'kube-proxy'),
  ];
}
