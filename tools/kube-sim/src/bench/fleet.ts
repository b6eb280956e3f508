/**
 * Benchmark fleets generated from a seed: the same seed and size always give byte-identical clusters,
 * so figures from different runs and machines describe the same objects.
 */
import type { KubeObject } from '..';

/** The size of a fleet; every count except `clusters` is per cluster. */
export interface FleetSize {
  name: string;
  clusters: number;
  workloads: number;
  claims: number;
  composedPerClaim: number;
  xrds: number;
  /** Composed resources of the one extra claim the resource-tree benchmark opens (cluster 1 only). */
  treeComposed: number;
}

/** The named fleets of issue 15 (tiny is for developing the benchmark itself). */
export const FLEETS: Record<'tiny' | 'quick' | 'full', FleetSize> = {
  tiny: { name: 'tiny', clusters: 2, workloads: 50, claims: 10, composedPerClaim: 3, xrds: 3, treeComposed: 200 },
  quick: { name: 'quick', clusters: 10, workloads: 2000, claims: 500, composedPerClaim: 5, xrds: 50, treeComposed: 200 },
  full: { name: 'full', clusters: 20, workloads: 5000, claims: 2000, composedPerClaim: 10, xrds: 300, treeComposed: 200 },
};

export const NAMESPACES = 20;
export const XR_GROUP = 'bench.example.org';
export const MANAGED_GROUP = 'managed.bench.example.org';
/** The claim whose tree is measured: in the first cluster, namespace team-0. */
export const TREE_CLAIM = { namespace: 'team-0', name: 'tree-claim', xrdIndex: 0 };

/** A small, fast, seedable PRNG (mulberry32): the fleet must not depend on Math.random. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const suffix = (rand: () => number, n = 5) => Array.from({ length: n }, () => ALPHABET[Math.floor(rand() * ALPHABET.length)]).join('');
const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

/** The cluster name of index `i` (0-based), as the kubeconfig context names it. */
export const clusterName = (i: number) => `bench-${i + 1}`;
export const xrKind = (i: number) => `XService${i}`;
export const claimKind = (i: number) => `Service${i}`;

function xrd(i: number): KubeObject {
  const props = { parameters: { type: 'object', properties: { size: { type: 'string', enum: ['small', 'medium', 'large'] }, region: { type: 'string' }, replicas: { type: 'integer' } } } };
  return {
    apiVersion: 'apiextensions.crossplane.io/v1',
    kind: 'CompositeResourceDefinition',
    metadata: { name: `xservice${i}s.${XR_GROUP}`, annotations: { 'kube-platform.io/owner': `group:default/platform` } },
    spec: {
      group: XR_GROUP,
      names: { kind: xrKind(i), plural: `xservice${i}s` },
      claimNames: { kind: claimKind(i), plural: `service${i}s` },
      versions: [{ name: 'v1alpha1', served: true, referenceable: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: props } } } } }],
    },
  };
}

const MANAGED_CRD: KubeObject = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: `widgets.${MANAGED_GROUP}` },
  spec: {
    group: MANAGED_GROUP,
    scope: 'Cluster',
    names: { kind: 'Widget', plural: 'widgets', singular: 'widget', listKind: 'WidgetList' },
    versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } }],
  },
};

const ready = (t: string) => ({ conditions: [{ type: 'Synced', status: 'True', reason: 'ReconcileSuccess', lastTransitionTime: t }, { type: 'Ready', status: 'True', reason: 'Available', lastTransitionTime: t }] });
const WORKLOAD_KINDS = ['Deployment', 'Deployment', 'Deployment', 'StatefulSet', 'DaemonSet'] as const;

/** A workload shaped like one applied with kubectl: labels, owner annotations, last-applied copy, status. */
export function workload(rand: () => number, i: number): KubeObject {
  const kind = pick(rand, WORKLOAD_KINDS);
  const name = `svc-${i}-${suffix(rand, 4)}`;
  const team = `team-${i % NAMESPACES}`;
  const labels = { 'app.kubernetes.io/name': name, 'app.kubernetes.io/part-of': `system-${Math.floor(rand() * 40)}` };
  const spec: Record<string, unknown> = {
    selector: { matchLabels: { 'app.kubernetes.io/name': name } },
    template: { metadata: { labels }, spec: { containers: [{ name: 'main', image: `registry.example.org/${name}:1.${Math.floor(rand() * 30)}.0`, ports: [{ containerPort: 8080 }], resources: { requests: { cpu: '100m', memory: '128Mi' } } }] } },
  };
  if (kind !== 'DaemonSet') spec.replicas = 1 + Math.floor(rand() * 4);
  const body = { apiVersion: 'apps/v1', kind, metadata: { name, namespace: team, labels }, spec };
  return {
    ...body,
    metadata: {
      ...body.metadata,
      annotations: {
        'kube-platform.io/owner': `group:default/${team}`,
        'kube-platform.io/description': `Service ${i} of ${team}`,
        'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify(body),
      },
    },
    status: { replicas: spec.replicas ?? 1, readyReplicas: spec.replicas ?? 1, observedGeneration: 1 },
  };
}

/** A claim, its composite and the composite's composed Widgets (cluster-scoped managed resources). */
export function claimWithComposed(rand: () => number, i: number, xrdIndex: number, composed: number, name = `claim-${i}`, namespace = `team-${i % NAMESPACES}`): KubeObject[] {
  const xrName = `${name}-${suffix(rand)}`;
  const xrUid = `00000000-0000-4000-8000-${suffix(rand, 12)}`;
  const t = '2026-11-01T10:00:00Z';
  const apiVersion = `${XR_GROUP}/v1alpha1`;
  const parameters = { size: pick(rand, ['small', 'medium', 'large']), region: pick(rand, ['eu-west-1', 'us-east-1', 'ap-south-1']), replicas: 1 + Math.floor(rand() * 3) };
  const refs = Array.from({ length: composed }, (_, j) => ({ apiVersion: `${MANAGED_GROUP}/v1`, kind: 'Widget', name: `${xrName}-${j}-${suffix(rand)}` }));
  const claim: KubeObject = {
    apiVersion,
    kind: claimKind(xrdIndex),
    metadata: { name, namespace, annotations: { 'kube-platform.io/owner': `group:default/${namespace}` } },
    spec: { parameters, compositionRef: { name: `xservice${xrdIndex}s.${XR_GROUP}` }, resourceRef: { apiVersion, kind: xrKind(xrdIndex), name: xrName } },
    status: ready(t),
  };
  const xr: KubeObject = {
    apiVersion,
    kind: xrKind(xrdIndex),
    metadata: { name: xrName, uid: xrUid, labels: { 'crossplane.io/claim-name': name, 'crossplane.io/claim-namespace': namespace, 'crossplane.io/composite': xrName } },
    spec: { parameters, claimRef: { apiVersion, kind: claimKind(xrdIndex), name, namespace }, resourceRefs: refs },
    status: ready(t),
  };
  const widgets = refs.map((ref, j): KubeObject => ({
    apiVersion: ref.apiVersion,
    kind: 'Widget',
    metadata: {
      name: ref.name,
      labels: { 'crossplane.io/composite': xrName, 'crossplane.io/claim-name': name, 'crossplane.io/claim-namespace': namespace },
      annotations: { 'crossplane.io/composition-resource-name': `widget-${j}`, 'crossplane.io/external-name': ref.name },
      ownerReferences: [{ apiVersion, kind: xrKind(xrdIndex), name: xrName, uid: xrUid, controller: true, blockOwnerDeletion: true }],
    },
    spec: { forProvider: { region: parameters.region, size: parameters.size }, providerConfigRef: { name: 'default' } },
    status: { atProvider: { id: `${ref.name}-id` }, ...ready(t) },
  }));
  return [claim, xr, ...widgets];
}

/**
 * Every object of cluster `index` of a fleet, definitions and namespaces first (apply order).
 * Deterministic: a function of (size, seed, index) only.
 */
export function clusterObjects(size: FleetSize, seed: number, index: number): KubeObject[] {
  const rand = prng((seed * 1_000_003 + index) >>> 0);
  const objects: KubeObject[] = [MANAGED_CRD];
  for (let i = 0; i < size.xrds; i++) objects.push(xrd(i));
  for (let i = 0; i < NAMESPACES; i++) objects.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: `team-${i}` } });
  for (let i = 0; i < size.workloads; i++) objects.push(workload(rand, i));
  for (let i = 0; i < size.claims; i++) objects.push(...claimWithComposed(rand, i, i % size.xrds, size.composedPerClaim));
  if (index === 0 && size.treeComposed > 0) {
    objects.push(...claimWithComposed(rand, size.claims, TREE_CLAIM.xrdIndex, size.treeComposed, TREE_CLAIM.name, TREE_CLAIM.namespace));
  }
  return objects;
}

/**
 * One cluster of a fleet as a benchmark server process serves it, reported back to the benchmark: enough
 * to reach it without a kubeconfig.
 */
export interface ServedCluster {
  index: number;
  name: string;
  url: string;
  caPem?: string;
  token: string;
  objects: number;
}
