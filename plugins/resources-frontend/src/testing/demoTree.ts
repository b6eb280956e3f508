import type {
  NodeCondition,
  ResourceNode,
  ResourceTree,
} from '@kube-platform/plugin-kubernetes-common';

const CREATED = '2026-12-04T09:00:00Z';

function ok(type: string): NodeCondition {
  return { type, status: 'True', reason: type === 'Ready' ? 'Available' : 'ReconcileSuccess' };
}

function node(partial: Omit<ResourceNode, 'conditions' | 'role'> & Partial<ResourceNode>): ResourceNode {
  const conditions = partial.conditions ?? [partial.synced, partial.ready].filter((c): c is NodeCondition => !!c);
  return { role: 'child', createdAt: CREATED, ...partial, conditions };
}

export const RECONCILE_MESSAGE =
  'create failed: cannot create DB instance: InvalidParameterCombination: RDS does not support creating a DB instance with the following combination: DBInstanceClass=db.t2.micro, Engine=postgres, EngineVersion=16.4';

/**
 * The demo cluster's failing claim, as the backend returns it: claim → composite → RDS Instance
 * (Synced=False, ReconcileError) + SubnetGroup + SecurityGroup + a provider-kubernetes Object.
 */
export function demoTree(): ResourceTree {
  const failingSynced: NodeCondition = {
    type: 'Synced',
    status: 'False',
    reason: 'ReconcileError',
    message: RECONCILE_MESSAGE,
    lastTransitionTime: '2026-12-04T09:01:00Z',
  };
  const waiting: NodeCondition = { type: 'Ready', status: 'False', reason: 'Creating' };
  const nodes: ResourceNode[] = [
    node({
      id: 'n-claim',
      role: 'root',
      apiVersion: 'database.example.org/v1alpha1',
      kind: 'PostgreSQLInstance',
      namespace: 'team-payments',
      name: 'orders-db',
      status: 'progressing',
      synced: ok('Synced'),
      ready: waiting,
      reason: 'Creating',
    }),
    node({
      id: 'n-xr',
      apiVersion: 'database.example.org/v1alpha1',
      kind: 'XPostgreSQLInstance',
      name: 'orders-db-x7k2p',
      status: 'progressing',
      synced: ok('Synced'),
      ready: { type: 'Ready', status: 'False', reason: 'Creating', message: 'Unready resources: instance' },
      reason: 'Creating',
    }),
    node({
      id: 'n-instance',
      apiVersion: 'rds.aws.upbound.io/v1beta1',
      kind: 'Instance',
      name: 'orders-db-x7k2p-instance',
      status: 'failing',
      synced: failingSynced,
      ready: waiting,
      reason: 'ReconcileError',
      message: RECONCILE_MESSAGE,
    }),
    node({
      id: 'n-subnets',
      apiVersion: 'rds.aws.upbound.io/v1beta1',
      kind: 'SubnetGroup',
      name: 'orders-db-x7k2p-subnets',
      status: 'ready',
      synced: ok('Synced'),
      ready: ok('Ready'),
    }),
    node({
      id: 'n-sg',
      apiVersion: 'ec2.aws.upbound.io/v1beta1',
      kind: 'SecurityGroup',
      name: 'orders-db-x7k2p-sg',
      status: 'ready',
      synced: ok('Synced'),
      ready: ok('Ready'),
    }),
    node({
      id: 'n-object',
      apiVersion: 'kubernetes.crossplane.io/v1alpha2',
      kind: 'Object',
      name: 'orders-db-x7k2p-config',
      status: 'ready',
      synced: ok('Synced'),
      ready: ok('Ready'),
    }),
    node({
      id: 'n-configmap',
      apiVersion: 'v1',
      kind: 'ConfigMap',
      namespace: 'team-payments',
      name: 'orders-db-connection',
      status: 'ready',
    }),
    node({
      id: 'n-composition',
      role: 'supporting',
      apiVersion: 'apiextensions.crossplane.io/v1',
      kind: 'Composition',
      name: 'xpostgresqlinstances.aws.database.example.org',
      status: 'unknown',
    }),
  ];
  return {
    root: 'n-claim',
    cluster: 'demo',
    nodes,
    edges: [
      { from: 'n-claim', to: 'n-xr', relation: 'resourceRef' },
      { from: 'n-xr', to: 'n-instance', relation: 'resourceRefs' },
      { from: 'n-xr', to: 'n-subnets', relation: 'resourceRefs' },
      { from: 'n-xr', to: 'n-sg', relation: 'resourceRefs' },
      { from: 'n-xr', to: 'n-object', relation: 'resourceRefs' },
      { from: 'n-object', to: 'n-configmap', relation: 'manages' },
      { from: 'n-xr', to: 'n-composition', relation: 'composition' },
    ],
    summary: {
      total: nodes.length,
      notReady: 3,
      rootCause: {
        nodeId: 'n-instance',
        kind: 'Instance',
        name: 'orders-db-x7k2p-instance',
        reason: 'ReconcileError',
        message: RECONCILE_MESSAGE,
      },
      problems: [],
    },
    truncated: false,
    generatedAt: '2026-12-04T10:00:00Z',
  };
}

/** A wide tree of `count` nodes (root, 10 composites, managed resources below), for scale tests. */
export function largeTree(count: number): ResourceTree {
  const nodes: ResourceNode[] = [
    node({ id: 'root', role: 'root', apiVersion: 'x/v1', kind: 'Claim', name: 'big', status: 'ready' }),
  ];
  const edges: ResourceTree['edges'] = [];
  for (let i = 1; i < count; i++) {
    const composite = i <= 10;
    const id = `n${i}`;
    nodes.push(
      node({
        id,
        apiVersion: 'x/v1',
        kind: composite ? 'XComposite' : 'Bucket',
        name: `item-${i}`,
        status: i % 37 === 0 ? 'failing' : 'ready',
      }),
    );
    edges.push({ from: composite ? 'root' : `n${1 + (i % 10)}`, to: id, relation: 'resourceRefs' });
  }
  return {
    root: 'root',
    cluster: 'demo',
    nodes,
    edges,
    summary: { total: count, notReady: 0, rootCause: null, problems: [] },
    truncated: false,
    generatedAt: '2026-12-04T10:00:00Z',
  };
}
