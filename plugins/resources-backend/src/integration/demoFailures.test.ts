import { mockCredentials } from '@backstage/backend-test-utils';
import { KubeSim } from '@internal/kube-sim';
import type { NodeLogsResponse, Problem, ResourceTree } from '@kube-platform/plugin-kubernetes-common';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { entityFor } from './fixtures';
import { startResourcesBackend } from '../__testUtils__/testBackend';

// The demo cluster and a backend take seconds to start on a shared 2-core machine.
jest.setTimeout(60_000);

const NS = 'team-checkout';
const workload = (kind: string, name: string) =>
  entityFor(name, { apiVersion: kind === 'CronJob' ? 'batch/v1' : 'apps/v1', kind, namespace: NS, name });
const entities = [
  ...['cart', 'recommendations', 'search-indexer', 'pricing-engine', 'notifications', 'inventory-sync', 'fraud-model'].map(n => workload('Deployment', n)),
  workload('CronJob', 'order-export'),
  entityFor('checkout-assets', { apiVersion: 'storage.example.org/v1alpha1', kind: 'XBucket', namespace: NS, name: 'checkout-assets' }),
  entityFor('orders-db', { apiVersion: 'database.example.org/v1alpha1', kind: 'PostgreSQLInstance', namespace: NS, name: 'orders-db' }),
];

/** Each demo failure (examples/cluster/45-workloads-failing.yaml, 54-crossplane-failing.yaml) and what the tab must say. */
const CASES: Array<{ entity: string; detector: string; title: string; count?: number; evidence: string; rootCause: string }> = [
  { entity: 'cart', detector: 'crash-loop', title: 'Container cart keeps crashing (exit code 2)', evidence: 'event BackOff (x61): Back-off restarting failed container cart', rootCause: 'Pod/cart-6d9f7c5b8-r8t5w' },
  { entity: 'cart', detector: 'progress-deadline', title: 'Rollout is stuck: progress deadline exceeded', evidence: 'ReplicaSet "cart-6d9f7c5b8" has timed out progressing.', rootCause: 'Pod/cart-6d9f7c5b8-r8t5w' },
  {
    entity: 'recommendations', detector: 'image-pull', title: 'Container recommendations cannot pull its image',
    evidence: 'ImagePullBackOff: Back-off pulling image "registry.example.com/checkout/recommendations:1.4.0-rc.2"', rootCause: 'Pod/recommendations-7c4d8b9f6-q2w8e',
  },
  { entity: 'search-indexer', detector: 'invalid-image-name', title: 'Container search-indexer has an invalid image name', evidence: 'InvalidImageName: Failed to apply default image tag', rootCause: 'Pod/search-indexer-7c4d8b9f6-q2w8e' },
  { entity: 'pricing-engine', detector: 'oom-killed', title: 'Container pricing-engine was killed for using more memory than its limit', evidence: 'exit code: 137', rootCause: 'Pod/pricing-engine-7c4d8b9f6-q2w8e' },
  {
    entity: 'notifications', detector: 'container-config', title: 'Container notifications needs key smtp-password of Secret notifications-smtp, which does not exist',
    evidence: "CreateContainerConfigError: couldn't find key smtp-password in Secret team-checkout/notifications-smtp", rootCause: 'Pod/notifications-7c4d8b9f6-q2w8e',
  },
  {
    entity: 'inventory-sync', detector: 'readiness-probe', title: 'Container inventory-sync is running but not ready',
    evidence: 'event Unhealthy (x492): Readiness probe failed: HTTP probe failed with statuscode: 503', rootCause: 'Pod/inventory-sync-7c4d8b9f6-q2w8e',
  },
  {
    entity: 'fraud-model', detector: 'unschedulable', title: 'Pod cannot be scheduled on any node',
    evidence: '0/6 nodes are available: 6 Insufficient nvidia.com/gpu. preemption: 0/6 nodes are available: 6 No preemption victims found for incoming pod.',
    rootCause: 'Pod/fraud-model-7c4d8b9f6-q2w8e',
  },
  { entity: 'order-export', detector: 'cronjob-failed', title: 'The last run of the CronJob failed', evidence: 'latest job: order-export-29395800', rootCause: 'Pod/order-export-29395740-h6v4c' },
  { entity: 'order-export', detector: 'container-error', title: 'Container export exited with an error (exit code 1)', count: 4, evidence: 'exit code: 1', rootCause: 'Pod/order-export-29395740-h6v4c' },
  {
    entity: 'checkout-assets', detector: 'crossplane-provider-config-missing', title: 'Bucket names a ProviderConfig that does not exist',
    evidence: 'ProviderConfig.aws.m.upbound.io "checkout-account" not found', rootCause: 'Bucket/checkout-assets-w2f8d',
  },
  {
    entity: 'checkout-assets', detector: 'crossplane-unresolved-references', title: 'BucketVersioning cannot resolve its references to other resources',
    evidence: 'referenced field was empty', rootCause: 'Bucket/checkout-assets-w2f8d',
  },
  { entity: 'checkout-assets', detector: 'crossplane-composite-waiting', title: 'XBucket waits for 2 failing composed resources', evidence: 'BucketVersioning checkout-assets-j5r7k: ReconcileError', rootCause: 'Bucket/checkout-assets-w2f8d' },
  { entity: 'orders-db', detector: 'crossplane-reconcile-error', title: 'The provider fails to reconcile Instance', evidence: 'Cannot find version 16.1 for postgres', rootCause: 'Instance/orders-db-q8w4n-f5gzt' },
];

describe('the demo cluster\'s failures through the resources routes', () => {
  let sim: KubeSim;
  let server: Parameters<typeof request>[0];
  const trees = new Map<string, ResourceTree>();

  const tree = async (name: string): Promise<ResourceTree> => {
    const cached = trees.get(name);
    if (cached) return cached;
    const res = await request(server).get('/api/kubernetes-resources/v1/tree').query({ entityRef: `resource:default/${name}` }).set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    trees.set(name, res.body as ResourceTree);
    return res.body as ResourceTree;
  };
  const nodeId = (t: ResourceTree, kindName: string) => {
    const node = t.nodes.find(n => `${n.kind}/${n.name}` === kindName);
    if (!node) throw new Error(`${kindName} is not in the tree: ${t.nodes.map(n => `${n.kind}/${n.name}`).join(', ')}`);
    return node.id;
  };
  const logs = (entity: string, id: string, query: Record<string, string> = {}) =>
    request(server).get('/api/kubernetes-resources/v1/node').query({ entityRef: `resource:default/${entity}`, nodeId: id, view: 'logs', ...query }).set('Authorization', mockCredentials.user.header());

  beforeAll(async () => {
    sim = await KubeSim.start({ manifests: [resolve(__dirname, '../../../../examples/cluster')] });
    if (sim.seedReport.errors.length) throw new Error(`the demo cluster failed to load: ${JSON.stringify(sim.seedReport.errors)}`);
    const kubeconfig = sim.writeKubeconfig(join(mkdtempSync(join(tmpdir(), 'demo-failures-')), 'kubeconfig'));
    ({ server } = await startResourcesBackend({ kubeconfig, entities }));
  });
  afterAll(() => sim?.stop());

  it.each(CASES)('$entity: $detector', async ({ entity, detector, title, count, evidence, rootCause }) => {
    const t = await tree(entity);
    const problem = t.summary.problems.find(p => p.detector === detector) as Problem | undefined;
    expect(problem).toMatchObject({ title, count: count ?? 1 });
    expect(problem?.nodeIds).toHaveLength(count ?? 1);
    expect(problem?.fix.explanation).toEqual(expect.any(String));
    expect(problem?.fix.nextStep).toEqual(expect.any(String));
    expect(problem?.fix.docsUrl).toMatch(/^https:\/\//);
    expect(problem?.fix.evidence).toEqual(expect.arrayContaining([expect.stringContaining(evidence)]));
    expect(t.summary.rootCause).toMatchObject({ nodeId: nodeId(t, rootCause) });
    expect(problem?.clusters).toEqual([t.cluster]);
  });

  it('quotes the crashed run\'s log tail in the evidence of crash-looping, OOM-killed and failed containers', async () => {
    const evidence = async (entity: string, detector: string) => (await tree(entity)).summary.problems.find(p => p.detector === detector)?.fix.evidence ?? [];
    const cart = await evidence('cart', 'crash-loop');
    expect(cart).toContain('log of container cart (previous run), last 9 lines:');
    expect(cart.join('\n')).toContain('panic: invalid configuration: redis.address is required');
    expect((await evidence('pricing-engine', 'oom-killed')).join('\n')).toContain('rule cache above soft limit');
    expect((await evidence('order-export', 'container-error')).join('\n')).toContain('knownhosts: key mismatch');
    // A waiting container has no log: the problem stays, with no log lines.
    expect((await evidence('recommendations', 'image-pull')).join('\n')).not.toContain('log of container');
  });

  it('orders problems by severity: errors before warnings before information', async () => {
    const rank = { error: 0, warning: 1, info: 2 } as const;
    for (const name of ['cart', 'checkout-assets', 'order-export']) {
      const severities = (await tree(name)).summary.problems.map(p => rank[p.severity]);
      expect(severities).toEqual([...severities].sort((a, b) => a - b));
    }
  });

  it('reads the crash-looping rollout as Deployment → both ReplicaSets → their pods', async () => {
    const t = await tree('cart');
    expect(t.nodes.map(n => `${n.kind}/${n.name}:${n.status}`)).toEqual([
      'Deployment/cart:failing',
      'ReplicaSet/cart-5f8b9d6c4:ready',
      'ReplicaSet/cart-6d9f7c5b8:progressing',
      'Pod/cart-5f8b9d6c4-m4q9z:ready',
      'Pod/cart-5f8b9d6c4-x7k2p:ready',
      'Pod/cart-6d9f7c5b8-r8t5w:failing',
    ]);
  });

  it('reads the failed CronJob runs with both attempts of each', async () => {
    const t = await tree('order-export');
    expect(t.nodes.filter(n => n.kind === 'Job').map(n => `${n.name}:${n.status}`)).toEqual([
      'order-export-29395680:ready',
      'order-export-29395740:failing',
      'order-export-29395800:failing',
    ]);
    expect(t.nodes.filter(n => n.kind === 'Pod')).toHaveLength(4);
  });

  it('serves the crash-looping container\'s previous log tail (the panic) and its empty current log', async () => {
    const t = await tree('cart');
    const pod = nodeId(t, 'Pod/cart-6d9f7c5b8-r8t5w');
    const previous = await logs('cart', pod, { previous: 'true', tailLines: '7' });
    expect(previous.status).toBe(200);
    const body = previous.body as NodeLogsResponse;
    expect(body).toMatchObject({ view: 'logs', container: 'cart', previous: true });
    expect(body.lines).toHaveLength(7);
    expect(body.lines[0]).toContain('invalid configuration: redis.address is required (CART_REDIS_URL was renamed');
    expect(body.lines[body.lines.length - 1]).toBe('exit status 2');
    expect(((await logs('cart', pod)).body as NodeLogsResponse).lines).toEqual([]);
  });

  it('serves the OOM-killed container\'s previous log and a failed job pod\'s log', async () => {
    const oom = await logs('pricing-engine', nodeId(await tree('pricing-engine'), 'Pod/pricing-engine-7c4d8b9f6-q2w8e'), { previous: 'true' });
    expect((oom.body as NodeLogsResponse).lines[1]).toContain('rule cache above soft limit');
    const job = await logs('order-export', nodeId(await tree('order-export'), 'Pod/order-export-29395800-p9n3x'));
    expect((job.body as NodeLogsResponse).lines.join('\n')).toContain('knownhosts: key mismatch');
  });

  it('passes the API server\'s refusal on when a waiting container has no log yet', async () => {
    const res = await logs('recommendations', nodeId(await tree('recommendations'), 'Pod/recommendations-7c4d8b9f6-q2w8e'));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(res.body)).not.toContain('Bearer');
  });
});
