import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { ClusterReading, KubeObject, NamespaceInfo, SourceKind } from '../types';
import { mapReadings } from './mapReading';
import { mappedFields } from './projection';
import { expectAllValid, expectUniqueRefs, refsOf, testSettings } from './testUtils';

const CLUSTER_DIR = path.resolve(__dirname, '../../../../examples/cluster');

function loadObjects(): KubeObject[] {
  const objects: KubeObject[] = [];
  for (const file of fs.readdirSync(CLUSTER_DIR).filter(f => f.endsWith('.yaml')).sort()) {
    for (const document of parseAllDocuments(fs.readFileSync(path.join(CLUSTER_DIR, file), 'utf8'))) {
      const value = document.toJS() as KubeObject | null;
      if (value?.kind) objects.push(value);
    }
  }
  return objects;
}

/** What discovery and the XRDs would give for the demo cluster, written out by hand. */
const SOURCES: SourceKind[] = [
  { group: 'apps', version: 'v1', kind: 'Deployment', plural: 'deployments', namespaced: true, role: 'workload', defaultType: 'service' },
  { group: 'apps', version: 'v1', kind: 'StatefulSet', plural: 'statefulsets', namespaced: true, role: 'workload', defaultType: 'service' },
  { group: 'apps', version: 'v1', kind: 'DaemonSet', plural: 'daemonsets', namespaced: true, role: 'workload', defaultType: 'service' },
  { group: 'batch', version: 'v1', kind: 'CronJob', plural: 'cronjobs', namespaced: true, role: 'workload', defaultType: 'job' },
  {
    group: 'database.example.org', version: 'v1alpha1', kind: 'PostgreSQLInstance', plural: 'postgresqlinstances',
    namespaced: true, role: 'claim', defaultType: 'crossplane-claim', xrdName: 'xpostgresqlinstances.database.example.org',
  },
  {
    group: 'database.example.org', version: 'v1alpha1', kind: 'XPostgreSQLInstance', plural: 'xpostgresqlinstances',
    namespaced: false, role: 'composite', defaultType: 'crossplane-xr', xrdName: 'xpostgresqlinstances.database.example.org',
  },
  {
    group: 'storage.example.org', version: 'v1alpha1', kind: 'XBucket', plural: 'xbuckets',
    namespaced: true, role: 'composite', defaultType: 'crossplane-xr', xrdName: 'xbuckets.storage.example.org',
  },
  {
    group: 'network.example.org', version: 'v1alpha1', kind: 'XNetwork', plural: 'xnetworks',
    namespaced: false, role: 'composite', defaultType: 'crossplane-xr', xrdName: 'xnetworks.network.example.org',
  },
  {
    group: 'platform.example.org', version: 'v1alpha1', kind: 'XApp', plural: 'xapps',
    namespaced: true, role: 'composite', defaultType: 'crossplane-xr', xrdName: 'xapps.platform.example.org',
  },
];

function groupOf(apiVersion = ''): string {
  return apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
}

function readingFor(cluster: string, objects: KubeObject[]): ClusterReading {
  const namespaces: NamespaceInfo[] = objects
    .filter(o => o.kind === 'Namespace')
    .map(o => ({ name: o.metadata.name!, labels: o.metadata.labels ?? {}, annotations: o.metadata.annotations ?? {} }));
  return {
    cluster,
    namespaces,
    kinds: SOURCES.map(source => ({
      source,
      outcome: { ok: true as const, value: objects.filter(o => o.kind === source.kind && groupOf(o.apiVersion) === source.group) },
    })),
    durationMs: 0,
  };
}

describe('the demo cluster', () => {
  const objects = loadObjects();
  const ARN = 'arn:aws:eks:eu-west-1:123456789012:cluster/prod';
  const config = testSettings({
    defaultOwner: 'kubernetes-auto-ingested',
    copyAnnotations: {
      keys: ['backstage.io/techdocs-ref', 'backstage.io/source-location', 'github.com/project-slug'],
      // Wide on purpose: even a prefix that covers it must not copy last-applied-configuration.
      prefixes: ['kubectl.kubernetes.io/', 'app.kubernetes.io/'],
    },
  });
  const result = mapReadings([readingFor('demo', objects), readingFor(ARN, objects)], config);
  const demo = result.entities.filter(e => e.metadata.annotations?.['kube-platform.io/cluster'] === 'demo');
  const bySource = (kind: string, namespace: string | undefined, name: string) =>
    demo.find(
      e =>
        e.metadata.annotations?.['kube-platform.io/source-kind'] === kind &&
        e.metadata.annotations?.['kube-platform.io/source-namespace'] === namespace &&
        e.metadata.annotations?.['kube-platform.io/source-name'] === name,
    );

  it('maps objects reduced to their mapped fields exactly as the whole objects', () => {
    const projected = objects.map(mappedFields);
    expect(JSON.stringify(projected).length).toBeLessThan(JSON.stringify(objects).length / 2);
    expect(mapReadings([readingFor('demo', projected), readingFor(ARN, projected)], config)).toEqual(result);
  });

  it('has the objects the README lists', () => {
    expect(objects.filter(o => o.kind === 'Deployment')).toHaveLength(22);
    expect(objects.filter(o => o.kind === 'PostgreSQLInstance')).toHaveLength(3);
  });

  it('gives the two api Deployments different refs', () => {
    const payments = bySource('Deployment', 'team-payments', 'api')!;
    const checkout = bySource('Deployment', 'team-checkout', 'api')!;
    expect(refsOf([payments, checkout])).toEqual(['component:demo/api.team-payments', 'component:demo/api.team-checkout']);
    expect(payments.metadata.title).toBe('Payments API');
    expect(payments.spec).toMatchObject({ owner: 'group:default/payments', system: 'system:demo/payments', type: 'service' });
  });

  it('resolves object names in depends-on to the entities those objects became', () => {
    expect(bySource('Deployment', 'team-checkout', 'api')!.spec!.dependsOn).toEqual([
      'component:demo/orders-db.team-checkout',
      'component:demo/api.team-payments',
    ]);
    expect(bySource('Deployment', 'team-payments', 'api')!.spec!.dependsOn).toEqual([
      'component:demo/payments-db.team-payments',
      'component:demo/ledger-worker.team-payments',
      'component:demo/redis.team-payments',
    ]);
    const refs = new Set(refsOf(demo));
    for (const entity of demo) {
      for (const ref of (entity.spec?.dependsOn as string[] | undefined) ?? []) expect(refs).toContain(ref);
    }
  });

  it('does not copy last-applied-configuration from storefront', () => {
    const storefront = bySource('Deployment', 'team-checkout', 'storefront')!;
    expect(storefront.metadata.annotations).not.toHaveProperty('kubectl.kubernetes.io/last-applied-configuration');
    expect(JSON.stringify(storefront)).not.toContain('last-applied');
  });

  it('maps the failing claim orders-db to a crossplane-claim Component', () => {
    const ordersDb = bySource('PostgreSQLInstance', 'team-checkout', 'orders-db')!;
    expect(ordersDb.kind).toBe('Component');
    expect(ordersDb.spec).toMatchObject({ type: 'crossplane-claim', owner: 'group:default/checkout', system: 'system:demo/checkout' });
    expect(ordersDb.metadata.annotations).toMatchObject({
      'kube-platform.io/composite': 'database.example.org/v1alpha1/XPostgreSQLInstance/orders-db-q8w4n',
      'kube-platform.io/xrd': 'xpostgresqlinstances.database.example.org',
    });
  });

  it('skips the nested XBucket, the claim-bound XRs, the composed Deployment and kube-system', () => {
    const skipped = result.skipped.filter(s => s.cluster === 'demo').map(s => `${s.object}: ${s.reason}`);
    expect(skipped).toEqual([
      'DaemonSet kube-system/kube-proxy: excluded-namespace',
      'Deployment kube-system/coredns: excluded-namespace',
      'Deployment team-payments/receipts: composed-by-parent',
      'XBucket team-payments/receipts-k2v9r: composed-by-parent',
      'XPostgreSQLInstance analytics-db-z4d8c: composed-by-parent',
      'XPostgreSQLInstance orders-db-q8w4n: composed-by-parent',
      'XPostgreSQLInstance payments-db-7xk2p: composed-by-parent',
    ]);
  });

  it('maps the root composites', () => {
    expect(bySource('XApp', 'team-payments', 'receipts')!.metadata.name).toBe('receipts.team-payments');
    expect(bySource('XBucket', 'team-data', 'raw-events')!.spec!.type).toBe('crossplane-xr');
    expect(bySource('XNetwork', undefined, 'platform-eu-west-1')!.spec!.system).toBe('system:demo/developer-platform');
  });

  it('emits only valid entities with unique refs', async () => {
    expectUniqueRefs(result.entities);
    await expectAllValid(result.entities);
    expect(refsOf(result.entities.filter(e => e.kind === 'System' && e.metadata.namespace === 'demo'))).toEqual([
      'system:demo/analytics',
      'system:demo/checkout',
      'system:demo/developer-platform',
      'system:demo/observability',
      'system:demo/payments',
    ]);
  });

  it('maps the same cluster under an ARN name into its own namespace', () => {
    const arnEntities = result.entities.filter(e => e.metadata.annotations?.['kube-platform.io/cluster'] === ARN);
    expect(arnEntities.length).toBeGreaterThan(0);
    expect(new Set(arnEntities.map(e => e.metadata.namespace)).size).toBe(1);
    expect(arnEntities[0].metadata.namespace).toMatch(/^arn-aws-eks-eu-west-1-123456789012-cluster-prod-[0-9a-f]{6}$/);
  });

  it('is deterministic', () => {
    const again = mapReadings([readingFor('demo', loadObjects()), readingFor(ARN, loadObjects())], config);
    expect(JSON.stringify(again)).toBe(JSON.stringify(result));
  });

  it('reports no warnings for the well-formed demo annotations, only the ARN cluster name', () => {
    expect(result.warnings).toEqual([
      expect.objectContaining({ object: expect.stringMatching(/^cluster arn:aws:eks/), message: expect.stringContaining('not a valid catalog name') }),
    ]);
  });
});
