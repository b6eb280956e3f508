import { createServiceFactory } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { KubeSim } from '@internal/kube-sim';
import type { ResourceNode, ResourceTree } from '@kube-platform/plugin-kubernetes-common';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import plugin from '../index';
import { entityFor, octopus, octopusCrd } from './fixtures';

const CONFIGMAPS = 600;

// Starting kube-sim with the demo cluster and several backends takes seconds on a shared 2-core machine.
jest.setTimeout(60_000);

const entities = [
  entityFor('orders-db', { apiVersion: 'database.example.org/v1alpha1', kind: 'PostgreSQLInstance', namespace: 'team-checkout', name: 'orders-db' }),
  entityFor('payments-db', { apiVersion: 'database.example.org/v1alpha1', kind: 'PostgreSQLInstance', namespace: 'team-payments', name: 'payments-db' }),
  entityFor('raw-events', { apiVersion: 'storage.example.org/v1alpha1', kind: 'XBucket', namespace: 'team-data', name: 'raw-events' }),
  entityFor('receipts', { apiVersion: 'platform.example.org/v1alpha1', kind: 'XApp', namespace: 'team-payments', name: 'receipts' }),
  entityFor('zoo', { apiVersion: 'zoo.example.org/v1', kind: 'Octopus', namespace: 'zoo', name: 'level-0' }),
  entityFor('big', { apiVersion: 'zoo.example.org/v1', kind: 'Octopus', namespace: 'zoo', name: 'big' }),
  entityFor('hostile', { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'team-data', name: '../../secrets/x' }),
  { ...entityFor('plain', { apiVersion: 'v1', kind: 'ConfigMap', name: 'x' }), metadata: { name: 'plain', namespace: 'default' } },
  // What a hand-registered catalog-info.yaml naming another team's object looks like: the catalog gave it
  // its real location, which the ingestor never uses.
  forged('forged', { apiVersion: 'database.example.org/v1alpha1', kind: 'PostgreSQLInstance', namespace: 'team-payments', name: 'payments-db' }),
];

function forged(name: string, obj: Parameters<typeof entityFor>[1]) {
  const entity = entityFor(name, obj);
  const annotations = { ...entity.metadata.annotations, 'backstage.io/managed-by-location': 'url:https://git.example.com/evil/catalog-info.yaml' };
  return { ...entity, metadata: { ...entity.metadata, annotations } };
}

describe('resources routes against kube-sim', () => {
  let sim: KubeSim;
  let kubeconfig: string;

  beforeAll(async () => {
    sim = await KubeSim.start({ manifests: [resolve(__dirname, '../../../../examples/cluster')] });
    kubeconfig = sim.writeKubeconfig(join(mkdtempSync(join(tmpdir(), 'resources-')), 'kubeconfig'));
    sim.apply(octopusCrd);
    sim.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'zoo' } });
    sim.apply({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db-password', namespace: 'zoo', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"data":{"password":"czNjcjN0"}}' } }, data: { password: 'czNjcjN0' } });
    // Three levels of nesting below the root, a Secret, and a child that does not exist.
    sim.apply(octopus('level-0', [{ apiVersion: 'zoo.example.org/v1', kind: 'Octopus', name: 'level-1' }], 'False'));
    sim.apply(octopus('level-1', [{ apiVersion: 'zoo.example.org/v1', kind: 'Octopus', name: 'level-2' }], 'False'));
    sim.apply(octopus('level-2', [
      { apiVersion: 'zoo.example.org/v1', kind: 'Octopus', name: 'level-3' },
      { apiVersion: 'v1', kind: 'Secret', name: 'db-password' },
    ], 'False'));
    sim.apply(octopus('level-3', [{ apiVersion: 'zoo.example.org/v1', kind: 'Octopus', name: 'never-created' }], 'False'));
    const refs = Array.from({ length: CONFIGMAPS }, (_, i) => ({ apiVersion: 'v1', kind: 'ConfigMap', name: `cm-${i}` }));
    for (const r of refs) sim.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: r.name, namespace: 'zoo' }, data: { i: r.name } });
    sim.apply(octopus('big', refs));
    sim.apply({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'orders-db.1', namespace: 'team-checkout' },
      involvedObject: { apiVersion: 'database.example.org/v1alpha1', kind: 'PostgreSQLInstance', name: 'orders-db', namespace: 'team-checkout' },
      type: 'Warning',
      reason: 'ComposeResources',
      message: 'cannot compose resources: older',
      count: 2,
      lastTimestamp: '2026-11-20T16:00:00Z',
      source: { component: 'offered/compositeresourcedefinition.apiextensions.crossplane.io' },
    });
    sim.apply({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'orders-db.2', namespace: 'team-checkout' },
      involvedObject: { apiVersion: 'database.example.org/v1alpha1', kind: 'PostgreSQLInstance', name: 'orders-db', namespace: 'team-checkout' },
      type: 'Normal',
      reason: 'BindCompositeResource',
      message: 'newer',
      lastTimestamp: '2026-11-20T17:00:00Z',
    });
  });
  afterAll(() => sim.stop());

  async function backendWith(opts: { permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY; maxNodes?: number } = {}) {
    return startTestBackend({
      features: [
        plugin,
        mockServices.rootConfig.factory({
          data: { kubernetesResources: { clusters: { source: 'direct', kubeconfig }, tree: { maxNodes: opts.maxNodes ?? 1000, cacheTtlSeconds: 0 } } },
        }),
        catalogServiceMock.factory({ entities }),
        mockServices.permissions.factory({ result: opts.permission ?? AuthorizeResult.ALLOW }),
      ],
    });
  }

  const getTree = async (server: Parameters<typeof request>[0], ref: string) =>
    request(server).get('/api/kubernetes-resources/v1/tree').query({ entityRef: ref }).set('Authorization', mockCredentials.user.header());
  const byName = (tree: ResourceTree, kind: string, name: string): ResourceNode => {
    const node = tree.nodes.find(n => n.kind === kind && n.name === name);
    if (!node) throw new Error(`no ${kind} ${name} in the tree`);
    return node;
  };

  it('answers the failing v1 claim with its composite, composed resources, Object, Composition and XRD, naming the RDS Instance', async () => {
    const { server } = await backendWith();
    const res = await getTree(server, 'resource:default/orders-db');
    expect(res.status).toBe(200);
    const tree = res.body as ResourceTree;
    expect(byName(tree, 'PostgreSQLInstance', 'orders-db')).toMatchObject({ role: 'root', status: 'progressing', namespace: 'team-checkout' });
    expect(byName(tree, 'XPostgreSQLInstance', 'orders-db-q8w4n')).toMatchObject({ role: 'child' });
    expect(byName(tree, 'XPostgreSQLInstance', 'orders-db-q8w4n').namespace).toBeUndefined();
    expect(byName(tree, 'Composition', 'xpostgresqlinstances.aws.database.example.org')).toMatchObject({ role: 'supporting', status: 'ready' });
    expect(byName(tree, 'CompositeResourceDefinition', 'xpostgresqlinstances.database.example.org')).toMatchObject({ role: 'supporting', status: 'ready' });
    const object = tree.nodes.find(n => n.kind === 'Object')!;
    const managed = tree.edges.find(e => e.from === object.id && e.relation === 'manages');
    expect(tree.nodes.find(n => n.id === managed?.to)).toMatchObject({ kind: 'ConfigMap', name: 'orders-db-connection' });
    expect(tree.summary.rootCause).toMatchObject({ kind: 'Instance', reason: 'ReconcileError' });
    expect(tree.summary.rootCause?.message).toMatch(/Cannot find version 16.1 for postgres/);
    expect(tree.summary.notReady).toBeGreaterThanOrEqual(3);
    expect(tree.summary.problems.map(p => p.detector)).toEqual(['crossplane-reconcile-error', 'crossplane-composite-waiting']);
    expect(tree.summary.problems[0].fix.evidence[0]).toMatch(/Cannot find version 16.1/);
    expect(tree.truncated).toBe(false);
  });

  it('answers a healthy claim with no root cause', async () => {
    const { server } = await backendWith();
    const tree = (await getTree(server, 'resource:default/payments-db')).body as ResourceTree;
    expect(tree.summary.rootCause).toBeNull();
    expect(tree.nodes.every(n => n.status === 'ready')).toBe(true);
  });

  it('follows a v2 namespaced XR to its composed resources in its own namespace', async () => {
    const { server } = await backendWith();
    const tree = (await getTree(server, 'resource:default/raw-events')).body as ResourceTree;
    expect(byName(tree, 'XBucket', 'raw-events')).toMatchObject({ role: 'root', namespace: 'team-data' });
    expect(byName(tree, 'CompositeResourceDefinition', 'xbuckets.storage.example.org')).toMatchObject({ role: 'supporting', status: 'ready' });
    expect(byName(tree, 'Composition', 'xbuckets.aws.storage.example.org')).toMatchObject({ role: 'supporting', status: 'ready' });
    expect(tree.nodes.filter(n => n.role === 'child').map(n => [n.kind, n.namespace])).toEqual([
      ['Bucket', 'team-data'],
      ['BucketVersioning', 'team-data'],
    ]);
  });

  it('follows the demo\'s nested XApp across layers: a composed Deployment with its Service, a nested XBucket and its buckets', async () => {
    const { server } = await backendWith();
    const tree = (await getTree(server, 'resource:default/receipts')).body as ResourceTree;
    const xbucket = byName(tree, 'XBucket', 'receipts-k2v9r');
    const bucket = byName(tree, 'Bucket', 'receipts-8hwqz');
    expect(tree.edges).toContainEqual({ from: tree.root, to: xbucket.id, relation: 'resourceRefs' });
    expect(tree.edges).toContainEqual({ from: xbucket.id, to: bucket.id, relation: 'resourceRefs' });
    const deployment = byName(tree, 'Deployment', 'receipts');
    const service = byName(tree, 'Service', 'receipts');
    expect(tree.edges).toContainEqual(expect.objectContaining({ from: deployment.id, to: service.id }));
  });

  it('follows three levels of nesting of a kind with an irregular plural, shows a Secret by name only and a missing child', async () => {
    const { server } = await backendWith();
    const tree = (await getTree(server, 'resource:default/zoo')).body as ResourceTree;
    expect(tree.nodes.filter(n => n.kind === 'Octopus').map(n => `${n.name}:${n.status}`)).toEqual([
      'level-0:progressing',
      'level-1:progressing',
      'level-2:progressing',
      'level-3:progressing',
      'never-created:missing',
    ]);
    expect(tree.summary.rootCause).toMatchObject({ kind: 'Octopus', name: 'never-created', reason: 'NotFound' });
    expect(sim.requests.some(r => r.path.includes('/octopodes/'))).toBe(true);
    const secret = byName(tree, 'Secret', 'db-password');
    expect(secret.status).toBe('ready');
    const yaml = await request(server)
      .get('/api/kubernetes-resources/v1/node')
      .query({ entityRef: 'resource:default/zoo', nodeId: secret.id, view: 'yaml' })
      .set('Authorization', mockCredentials.user.header());
    expect(yaml.status).toBe(200);
    expect(yaml.body.yaml).toMatch(/name: db-password/);
    expect(JSON.stringify(yaml.body)).not.toMatch(/czNjcjN0|password:|last-applied/);
    expect(JSON.stringify(tree)).not.toMatch(/czNjcjN0/);
  });

  it('serves YAML without managedFields or last-applied-configuration, and events newest first', async () => {
    const { server } = await backendWith();
    const tree = (await getTree(server, 'resource:default/orders-db')).body as ResourceTree;
    const node = (view: string) =>
      request(server).get('/api/kubernetes-resources/v1/node').query({ entityRef: 'resource:default/orders-db', nodeId: tree.root, view }).set('Authorization', mockCredentials.user.header());
    const yaml = await node('yaml');
    expect(yaml.body.yaml).toMatch(/kind: PostgreSQLInstance/);
    expect(yaml.body.yaml).not.toMatch(/managedFields|last-applied-configuration/);
    const events = await node('events');
    expect(events.status).toBe(200);
    expect(events.body.events.map((e: { message: string }) => e.message)).toEqual(['newer', 'cannot compose resources: older']);
    expect(events.body.events[1]).toMatchObject({ type: 'Warning', reason: 'ComposeResources', count: 2 });
  });

  it('refuses a node id from another entity\'s tree, and made-up ids', async () => {
    const { server } = await backendWith();
    const other = (await getTree(server, 'resource:default/payments-db')).body as ResourceTree;
    const res = await request(server)
      .get('/api/kubernetes-resources/v1/node')
      .query({ entityRef: 'resource:default/orders-db', nodeId: other.root, view: 'yaml' })
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/is not in the resource tree of resource:default\/orders-db/);
    const bogus = await request(server)
      .get('/api/kubernetes-resources/v1/node')
      .query({ entityRef: 'resource:default/orders-db', nodeId: 'v1/Secret/kube-system/token', view: 'yaml' })
      .set('Authorization', mockCredentials.user.header());
    expect(bogus.status).toBe(400);
  });

  it('answers 403 when the permission is denied, 404 for an unknown entity, 400 without annotations or a bad ref, 401 without credentials', async () => {
    const denied = await backendWith({ permission: AuthorizeResult.DENY });
    const res = await getTree(denied.server, 'resource:default/orders-db');
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/not allowed to read the Kubernetes resources of resource:default\/orders-db/);
    const { server } = await backendWith();
    expect((await getTree(server, 'resource:default/nope')).status).toBe(404);
    const plain = await getTree(server, 'resource:default/plain');
    expect(plain.status).toBe(400);
    expect(plain.body.error.message).toMatch(/kube-platform.io\/cluster/);
    expect((await getTree(server, ':::')).status).toBe(400);
    const anonymous = await request(server).get('/api/kubernetes-resources/v1/tree').query({ entityRef: 'resource:default/orders-db' }).set('Authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);
  });

  it('refuses an entity that names an object but was not ingested from that cluster, before any cluster read', async () => {
    const { server } = await backendWith();
    const before = sim.requests.length;
    const res = await getTree(server, 'resource:default/forged');
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/resource:default\/forged was not ingested from cluster kube-sim/);
    const node = await request(server)
      .get('/api/kubernetes-resources/v1/node')
      .query({ entityRef: 'resource:default/forged', nodeId: 'nabc', view: 'yaml' })
      .set('Authorization', mockCredentials.user.header());
    expect(node.status).toBe(403);
    expect(sim.requests.length).toBe(before);
  });

  it('answers an annotation naming a path, not an object, with an unreadable root and no request outside the kind', async () => {
    const { server } = await backendWith();
    const before = sim.requests.length;
    const res = await getTree(server, 'resource:default/hostile');
    expect(res.status).toBe(200);
    expect((res.body as ResourceTree).nodes).toEqual([expect.objectContaining({ role: 'root', status: 'unknown', reason: 'ReadFailed' })]);
    expect(sim.requests.slice(before).some(r => r.path.includes('secrets'))).toBe(false);
  });

  it('cuts a 600-node tree at the configured cap and says so, and reads the whole tree with a few requests', async () => {
    const { server } = await backendWith({ maxNodes: 500 });
    const tree = (await getTree(server, 'resource:default/big')).body as ResourceTree;
    expect(tree.truncated).toBe(true);
    expect(tree.nodes).toHaveLength(500);
    const uncapped = (await backendWith()).server;
    const before = sim.requests.length;
    const whole = (await getTree(uncapped, 'resource:default/big')).body as ResourceTree;
    expect(whole.truncated).toBe(false);
    expect(whole.nodes.filter(n => n.kind === 'ConfigMap')).toHaveLength(CONFIGMAPS);
    // 600 siblings of one kind are one paginated LIST, not 600 GETs (the tree takes ~150 ms here).
    const configMapReads = sim.requests.slice(before).filter(r => r.path.startsWith('/api/v1/namespaces/zoo/configmaps'));
    expect(configMapReads.length).toBeLessThanOrEqual(3);
  });

  it('offers the tree and root cause as an action with the same checks', async () => {
    const run = async (result: AuthorizeResult.ALLOW | AuthorizeResult.DENY) => {
      const registry = actionsRegistryServiceMock();
      await startTestBackend({
        features: [
          plugin,
          createServiceFactory({ service: actionsRegistryServiceRef, deps: {}, factory: () => registry }),
          mockServices.rootConfig.factory({ data: { kubernetesResources: { clusters: { source: 'direct', kubeconfig } } } }),
          catalogServiceMock.factory({ entities }),
          mockServices.permissions.factory({ result }),
        ],
      });
      return registry.invoke({ id: 'test:get-resource-tree', input: { entityRef: 'resource:default/orders-db' }, credentials: mockCredentials.user() });
    };
    const { output } = await run(AuthorizeResult.ALLOW);
    expect(output).toMatchObject({ cluster: 'kube-sim', truncated: false, rootCause: { kind: 'Instance', reason: 'ReconcileError' } });
    expect((output as { resources: unknown[] }).resources.length).toBeGreaterThan(5);
    expect((output as { problems: Array<{ title: string; nextStep: string }> }).problems[0]).toMatchObject({ title: 'The provider fails to reconcile Instance' });
    await expect(run(AuthorizeResult.DENY)).rejects.toThrow(/not allowed/);
  });
});
