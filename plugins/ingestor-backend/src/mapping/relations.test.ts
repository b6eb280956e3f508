import type { ClusterObject, KubeObject } from '../types';
import { mapClusterObjects } from './mapReading';
import { claimKind, deployment, expectAllValid, objectsOf, testSettings, workloadKind } from './testUtils';

function specOf(result: ReturnType<typeof mapClusterObjects>, sourceName: string) {
  const entity = result.entities.find(e => e.metadata.annotations?.['kube-platform.io/source-name'] === sourceName);
  return entity!.spec as Record<string, unknown>;
}

describe('relations', () => {
  it('keeps full refs as written and drops invalid ones with a warning', async () => {
    const result = mapClusterObjects(
      'prod',
      objectsOf('prod', workloadKind(), [
        deployment('web', 'team-a', {
          'kube-platform.io/depends-on': 'resource:default/payments-db, Component:Shared/Auth ,resource:default/payments-db,component:bad name/x,a:b:c/d,Team B/api,a/b/c',
          'kube-platform.io/consumes-apis': 'api:default/payments-v2,default/orders',
          'kube-platform.io/subcomponent-of': 'component:default/shop',
        }),
      ]),
      [],
      testSettings(),
    );
    expect(specOf(result, 'web')).toMatchObject({
      dependsOn: ['resource:default/payments-db', 'Component:Shared/Auth'],
      // Without a kind, `default/orders` is the object `orders` in the Kubernetes namespace `default`.
      consumesApis: ['api:default/payments-v2', 'api:prod/orders.default'],
      subcomponentOf: 'component:default/shop',
    });
    const dropped = (value: string) =>
      `Deployment team-a/web: annotation kube-platform.io/depends-on: "${value}" is neither an entity ref with a kind nor a Kubernetes object name; dropped`;
    expect(result.warnings.map(w => `${w.object}: ${w.message}`)).toEqual([
      dropped('component:bad name/x'),
      dropped('a:b:c/d'),
      dropped('Team B/api'),
      dropped('a/b/c'),
    ]);
    await expectAllValid(result.entities);
  });

  it('turns bare names into the refs of the objects they name, in the same namespace and cluster', async () => {
    const claim: ClusterObject = {
      cluster: 'prod',
      source: claimKind(),
      object: { apiVersion: 'database.example.org/v1alpha1', kind: 'PostgreSQLInstance', metadata: { name: 'db', namespace: 'team-a' } },
    };
    const statefulSet: KubeObject = { ...deployment('cache', 'team-a'), kind: 'StatefulSet' };
    const objects = [
      ...objectsOf('prod', workloadKind(), [
        deployment('web', 'team-a', {
          'kube-platform.io/depends-on': 'db,cache,worker,renamed,missing,team-b/worker,team-c/gone',
          'kube-platform.io/provides-apis': 'web-api',
          'kube-platform.io/subcomponent-of': 'shop',
        }),
        deployment('cache', 'team-a'),
        deployment('worker', 'team-b'),
        deployment('renamed', 'team-a', { 'kube-platform.io/name': 'custom-name' }),
      ]),
      ...objectsOf('prod', workloadKind('StatefulSet'), [statefulSet]),
      claim,
    ];
    const result = mapClusterObjects('prod', objects, [], testSettings({ crossplane: { claims: { ingestAsResources: true } } }));
    expect(specOf(result, 'web')).toMatchObject({
      dependsOn: [
        'resource:prod/db.team-a',
        // Deployment and StatefulSet `cache`: the Deployment holds the plain name.
        'component:prod/cache.team-a',
        // `worker` lives in team-b: a bare name never reaches into another namespace.
        'component:prod/worker.team-a',
        'component:prod/custom-name',
        'component:prod/missing.team-a',
        // `namespace/name` reaches another namespace of the same cluster.
        'component:prod/worker.team-b',
        'component:prod/gone.team-c',
      ],
      providesApis: ['api:prod/web-api.team-a'],
      subcomponentOf: 'component:prod/shop.team-a',
    });
    await expectAllValid(result.entities);
  });

  it('follows the name and namespace models for object names', () => {
    const config = testSettings({ mappings: { namespaceModel: 'namespace', nameModel: 'name-namespace-cluster' } });
    const web = deployment('web', 'team-a', { 'kube-platform.io/depends-on': 'db,team-b/db', 'kube-platform.io/consumes-apis': 'team-b/orders' });
    const result = mapClusterObjects('prod', objectsOf('prod', workloadKind(), [web]), [], config);
    expect(specOf(result, 'web')).toMatchObject({
      dependsOn: ['component:team-a/db.team-a.prod', 'component:team-b/db.team-b.prod'],
      consumesApis: ['api:team-b/orders.team-b.prod'],
    });
  });

  it('accepts only a single subcomponentOf', () => {
    const result = mapClusterObjects(
      'prod',
      objectsOf('prod', workloadKind(), [deployment('web', 'team-a', { 'kube-platform.io/subcomponent-of': 'a,b' })]),
      [],
      testSettings(),
    );
    expect(specOf(result, 'web')).not.toHaveProperty('subcomponentOf');
    expect(result.warnings.map(w => w.message)).toEqual(['annotation kube-platform.io/subcomponent-of must name a single entity; ignored']);
  });
});
