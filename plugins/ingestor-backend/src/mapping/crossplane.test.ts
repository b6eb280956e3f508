import type { ClusterObject, KubeObject, SourceKind } from '../types';
import { mapClusterObjects } from './mapReading';
import { claimKind, compositeKind, deployment, expectAllValid, testSettings, workloadKind } from './testUtils';

const claimSource = claimKind();
const v1Composite = compositeKind('XPostgreSQLInstance', 'database.example.org', false, 'xpostgresqlinstances.database.example.org');
const bucketSource = compositeKind('XBucket', 'storage.example.org', true);
const appSource = compositeKind('XApp', 'platform.example.org', true);
const networkSource = compositeKind('XNetwork', 'network.example.org', false);

const claim: KubeObject = {
  apiVersion: 'database.example.org/v1alpha1',
  kind: 'PostgreSQLInstance',
  metadata: { name: 'orders-db', namespace: 'team-checkout', annotations: { 'kube-platform.io/owner': 'group:default/checkout' } },
  spec: {
    compositionRef: { name: 'xpostgresqlinstances.aws.database.example.org' },
    resourceRef: { apiVersion: 'database.example.org/v1alpha1', kind: 'XPostgreSQLInstance', name: 'orders-db-q8w4n' },
  },
  status: { conditions: [{ type: 'Ready', status: 'False' }] },
};

const boundComposite: KubeObject = {
  apiVersion: 'database.example.org/v1alpha1',
  kind: 'XPostgreSQLInstance',
  metadata: { name: 'orders-db-q8w4n' },
  spec: {
    claimRef: { apiVersion: 'database.example.org/v1alpha1', kind: 'PostgreSQLInstance', name: 'orders-db', namespace: 'team-checkout' },
    compositionRef: { name: 'xpostgresqlinstances.aws.database.example.org' },
  },
};

const app: KubeObject = {
  apiVersion: 'platform.example.org/v1alpha1',
  kind: 'XApp',
  metadata: { name: 'receipts', namespace: 'team-payments', uid: 'app-uid' },
  spec: { crossplane: { compositionRef: { name: 'xapps.platform.example.org' } } },
};

const nestedBucket: KubeObject = {
  apiVersion: 'storage.example.org/v1alpha1',
  kind: 'XBucket',
  metadata: {
    name: 'receipts-k2v9r',
    namespace: 'team-payments',
    ownerReferences: [{ apiVersion: 'platform.example.org/v1alpha1', kind: 'XApp', name: 'receipts', uid: 'app-uid', controller: true }],
  },
  spec: { crossplane: { compositionRef: { name: 'xbuckets.aws.storage.example.org' } } },
};

const network: KubeObject = {
  apiVersion: 'network.example.org/v1alpha1',
  kind: 'XNetwork',
  metadata: { name: 'platform-eu-west-1' },
  spec: { crossplane: { compositionRef: { name: 'xnetworks.aws.network.example.org' } } },
};

function items(...pairs: Array<[SourceKind, KubeObject]>): ClusterObject[] {
  return pairs.map(([source, object]) => ({ cluster: 'prod', source, object }));
}

function byName(result: ReturnType<typeof mapClusterObjects>, name: string) {
  return result.entities.find(e => e.metadata.annotations?.['kube-platform.io/source-name'] === name);
}

describe('Crossplane', () => {
  const objects = items(
    [claimSource, claim],
    [v1Composite, boundComposite],
    [appSource, app],
    [bucketSource, nestedBucket],
    [networkSource, network],
  );

  it('maps a claim to a crossplane-claim Component with its Crossplane annotations', async () => {
    const result = mapClusterObjects('prod', objects, [], testSettings());
    const entity = byName(result, 'orders-db')!;
    expect(entity.kind).toBe('Component');
    expect(entity.metadata.name).toBe('orders-db.team-checkout');
    expect(entity.spec).toMatchObject({ type: 'crossplane-claim', owner: 'group:default/checkout', system: 'system:prod/team-checkout' });
    expect(entity.metadata.annotations).toMatchObject({
      'kube-platform.io/xrd': 'xpostgresqlinstances.database.example.org',
      'kube-platform.io/composition': 'xpostgresqlinstances.aws.database.example.org',
      'kube-platform.io/composite': 'database.example.org/v1alpha1/XPostgreSQLInstance/orders-db-q8w4n',
      'backstage.io/kubernetes-label-selector': 'crossplane.io/claim-name=orders-db,crossplane.io/claim-namespace=team-checkout',
      'backstage.io/kubernetes-namespace': 'team-checkout',
    });
    await expectAllValid(result.entities);
  });

  it('maps v2 composites (namespaced and cluster-scoped) to crossplane-xr Components', () => {
    const result = mapClusterObjects('prod', objects, [], testSettings());
    const xapp = byName(result, 'receipts')!;
    expect(xapp.spec!.type).toBe('crossplane-xr');
    expect(xapp.metadata.annotations).toMatchObject({
      'kube-platform.io/composition': 'xapps.platform.example.org',
      'backstage.io/kubernetes-label-selector': 'crossplane.io/composite=receipts',
    });
    expect(xapp.metadata.annotations).not.toHaveProperty('kube-platform.io/composite');
    const xnetwork = byName(result, 'platform-eu-west-1')!;
    expect(xnetwork.metadata.name).toBe('platform-eu-west-1');
    expect(xnetwork.metadata.annotations).not.toHaveProperty('backstage.io/kubernetes-namespace');
    expect(xnetwork.spec).not.toHaveProperty('system');
  });

  it('skips nested and claim-bound composites as composed-by-parent', () => {
    const result = mapClusterObjects('prod', objects, [], testSettings());
    expect(result.skipped).toEqual([
      {
        cluster: 'prod',
        object: 'XBucket team-payments/receipts-k2v9r',
        reason: 'composed-by-parent',
        message: 'XBucket team-payments/receipts-k2v9r: controlled by XApp receipts',
      },
      {
        cluster: 'prod',
        object: 'XPostgreSQLInstance orders-db-q8w4n',
        reason: 'composed-by-parent',
        message: 'XPostgreSQLInstance orders-db-q8w4n: bound to claim PostgreSQLInstance team-checkout/orders-db',
      },
    ]);
  });

  it('skips a workload composed by an ingested composite, but keeps operator-managed workloads', () => {
    const composed = deployment('receipts', 'team-payments');
    composed.metadata.ownerReferences = [{ apiVersion: 'platform.example.org/v1alpha1', kind: 'XApp', name: 'receipts', controller: true }];
    const operated = deployment('prometheus', 'monitoring');
    operated.metadata.ownerReferences = [{ apiVersion: 'monitoring.coreos.com/v1', kind: 'Prometheus', name: 'k8s', controller: true }];
    const result = mapClusterObjects(
      'prod',
      items([appSource, app], [workloadKind(), composed], [workloadKind(), operated]),
      [],
      testSettings(),
    );
    expect(result.skipped.map(s => `${s.object}: ${s.reason}`)).toEqual(['Deployment team-payments/receipts: composed-by-parent']);
    expect(result.entities.map(e => e.metadata.name)).toEqual(['prometheus.monitoring', 'receipts.team-payments']);
  });

  it('emits Resources when configured, per role', async () => {
    const result = mapClusterObjects(
      'prod',
      objects,
      [],
      testSettings({ crossplane: { claims: { ingestAsResources: true }, composites: { ingestAsResources: false } } }),
    );
    expect(byName(result, 'orders-db')!.kind).toBe('Resource');
    expect(byName(result, 'orders-db')!.spec).not.toHaveProperty('lifecycle');
    expect(byName(result, 'receipts')!.kind).toBe('Component');
    await expectAllValid(result.entities);
  });

  it('lets the component-type annotation override the Crossplane type', () => {
    const typed = { ...app, metadata: { ...app.metadata, annotations: { 'kube-platform.io/component-type': 'service' } } };
    const result = mapClusterObjects('prod', items([appSource, typed]), [], testSettings());
    expect(result.entities[0].spec!.type).toBe('service');
  });

  it('skips everything Crossplane when crossplane is disabled', () => {
    const result = mapClusterObjects('prod', objects, [], testSettings({ crossplane: { enabled: false } }));
    expect(result.entities).toEqual([]);
    expect(new Set(result.skipped.map(s => s.reason))).toEqual(new Set(['disabled']));
  });
});
