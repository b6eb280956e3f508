/**
 * Change latency: create, modify and delete a workload and a claim in a served cluster, and time each
 * until the provider has applied the delta mutation that reflects it.
 */
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { claimKind, XR_GROUP } from '@internal/kube-sim/src/bench/fleet';
import type { BenchConnection } from './connection';
import { kubeRequest } from './kubeHttp';
import type { BenchCluster } from './setup';

const TIMEOUT_MS = 15_000;

interface Subject {
  label: string;
  collection: string;
  body(name: string, marker: string): Record<string, unknown>;
}

const SUBJECTS: Subject[] = [
  {
    label: 'workload',
    collection: '/apis/apps/v1/namespaces/team-1/deployments',
    body: (name, marker) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: 'team-1', labels: { 'app.kubernetes.io/name': name }, annotations: { 'kube-platform.io/owner': 'group:default/team-1', 'kube-platform.io/description': marker } },
      spec: { replicas: 1, selector: { matchLabels: { 'app.kubernetes.io/name': name } }, template: { metadata: { labels: { 'app.kubernetes.io/name': name } }, spec: { containers: [{ name: 'main', image: 'registry.example.org/latency:1' }] } } },
    }),
  },
  {
    label: 'claim',
    collection: `/apis/${XR_GROUP}/v1alpha1/namespaces/team-1/service0s`,
    body: (name, marker) => ({
      apiVersion: `${XR_GROUP}/v1alpha1`,
      kind: claimKind(0),
      metadata: { name, namespace: 'team-1', annotations: { 'kube-platform.io/owner': 'group:default/team-1', 'kube-platform.io/description': marker } },
      spec: { parameters: { size: 'small', region: 'eu-west-1', replicas: 1 } },
    }),
  },
];

const mentions = (entities: Entity[], marker: string) => entities.filter(e => JSON.stringify(e).includes(marker));

/** Samples in ms (one per change), and the changes that were never seen within the timeout. */
export interface LatencyResult {
  samples: number[];
  missed: string[];
}

async function timed(connection: BenchConnection, what: string, change: () => Promise<unknown>, matches: (added: Entity[], removed: string[]) => boolean, out: LatencyResult): Promise<void> {
  const seen = connection.nextDelta(matches, TIMEOUT_MS);
  const started = performance.now();
  try {
    await change();
    out.samples.push((await seen) - started);
  } catch (err) {
    seen.catch(() => {});
    out.missed.push(`${what}: ${(err as Error).message}`);
  }
}

/** Runs `rounds` rounds of create, modify, delete for a workload and a claim, one change at a time. */
export async function measureChangeLatency(connection: BenchConnection, cluster: BenchCluster, rounds: number): Promise<LatencyResult> {
  const out: LatencyResult = { samples: [], missed: [] };
  for (let round = 0; round < rounds; round++) {
    for (const subject of SUBJECTS) {
      const name = `latency-${subject.label}-${round}`;
      const created = `created-${name}-${Date.now()}`;
      const modified = `modified-${name}-${Date.now()}`;
      let refs: string[] = [];
      await timed(connection, `create ${name}`, () => kubeRequest(cluster, 'POST', subject.collection, subject.body(name, created)), added => {
        refs = mentions(added, created).map(e => stringifyEntityRef(e));
        return refs.length > 0;
      }, out);
      const patch = { metadata: { annotations: { 'kube-platform.io/description': modified } } };
      await timed(connection, `modify ${name}`, () => kubeRequest(cluster, 'PATCH', `${subject.collection}/${name}`, patch, 'application/merge-patch+json'), added => mentions(added, modified).length > 0, out);
      await timed(connection, `delete ${name}`, () => kubeRequest(cluster, 'DELETE', `${subject.collection}/${name}`), (_, removed) => refs.length > 0 && refs.every(r => removed.includes(r)), out);
    }
  }
  return out;
}
