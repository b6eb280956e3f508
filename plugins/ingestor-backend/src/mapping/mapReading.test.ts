import type { KubeObject } from '../types';
import { mapClusterObjects, mapReadings } from './mapReading';
import {
  deployment,
  expectAllValid,
  expectUniqueRefs,
  namespaceInfo,
  objectsOf,
  reading,
  refsOf,
  testSettings,
  workloadKind,
} from './testUtils';

const config = testSettings();

function statefulSet(name: string, namespace: string, annotations: Record<string, string> = {}): KubeObject {
  return { ...deployment(name, namespace, annotations), kind: 'StatefulSet' };
}

describe('mapReadings', () => {
  it('maps a fully annotated Deployment', async () => {
    const api = deployment('api', 'team-payments', {
      'kube-platform.io/owner': 'group:default/payments',
      'kube-platform.io/title': 'Payments API',
      'kube-platform.io/description': 'Card payments',
      'kube-platform.io/component-type': 'service',
      'kube-platform.io/lifecycle': 'experimental',
      'kube-platform.io/tags': 'java,PCI',
      'kube-platform.io/links': '[{"url":"https://grafana.example.com/d/x","title":"Grafana"}]',
      'kube-platform.io/depends-on': 'resource:default/payments-db,ledger-worker',
      'kube-platform.io/provides-apis': 'payments-api-v2',
    });
    Object.assign(api.metadata, {
      uid: 'abc',
      resourceVersion: '123',
      generation: 4,
      creationTimestamp: '2026-01-01T00:00:00Z',
      managedFields: [{ manager: 'kubectl' }],
    });
    api.status = { readyReplicas: 3 };
    const result = mapReadings([reading('prod', [{ source: workloadKind(), objects: [api] }])], config);

    expect(result.warnings).toEqual([]);
    expect(result.entities).toEqual([
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'api.team-payments',
          namespace: 'prod',
          title: 'Payments API',
          description: 'Card payments',
          annotations: {
            'backstage.io/kubernetes-cluster': 'prod',
            'backstage.io/kubernetes-id': 'api.team-payments',
            'backstage.io/kubernetes-label-selector': 'app=api',
            'backstage.io/kubernetes-namespace': 'team-payments',
            'backstage.io/managed-by-location': 'kubernetes-ingestor:cluster/prod',
            'backstage.io/managed-by-origin-location': 'kubernetes-ingestor:cluster/prod',
            'kube-platform.io/cluster': 'prod',
            'kube-platform.io/source-api-version': 'apps/v1',
            'kube-platform.io/source-kind': 'Deployment',
            'kube-platform.io/source-name': 'api',
            'kube-platform.io/source-namespace': 'team-payments',
          },
          tags: ['java', 'pci'],
          links: [{ url: 'https://grafana.example.com/d/x', title: 'Grafana' }],
        },
        spec: {
          type: 'service',
          lifecycle: 'experimental',
          owner: 'group:default/payments',
          system: 'system:prod/team-payments',
          dependsOn: ['resource:default/payments-db', 'component:prod/ledger-worker.team-payments'],
          providesApis: ['api:prod/payments-api-v2.team-payments'],
        },
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'System',
        metadata: {
          name: 'team-payments',
          namespace: 'prod',
          annotations: {
            'backstage.io/managed-by-location': 'kubernetes-ingestor:cluster/prod',
            'backstage.io/managed-by-origin-location': 'kubernetes-ingestor:cluster/prod',
            'kube-platform.io/cluster': 'prod',
          },
        },
        spec: { owner: 'group:default/payments' },
      },
    ]);
    const json = JSON.stringify(result.entities);
    for (const volatile of ['resourceVersion', 'uid', 'creationTimestamp', 'managedFields', 'generation', 'status', 'readyReplicas']) {
      expect(json).not.toContain(volatile);
    }
    await expectAllValid(result.entities);
  });

  it('gives a Deployment and a StatefulSet of the same name different refs, whatever the input order', async () => {
    const objects = [
      ...objectsOf('prod', workloadKind('StatefulSet'), [statefulSet('web', 'team-a')]),
      ...objectsOf('prod', workloadKind('Deployment'), [deployment('web', 'team-a')]),
    ];
    const forward = mapClusterObjects('prod', objects, [], config);
    const backward = mapClusterObjects('prod', [...objects].reverse(), [], config);
    expect(JSON.stringify(forward)).toBe(JSON.stringify(backward));
    const byKind = Object.fromEntries(
      forward.entities.map(e => [e.metadata.annotations!['kube-platform.io/source-kind'], e.metadata.name]),
    );
    expect(byKind).toEqual({ Deployment: 'web.team-a', StatefulSet: 'web.team-a-statefulset' });
    expect(forward.entities.find(e => e.metadata.name === 'web.team-a-statefulset')!.metadata.annotations![
      'backstage.io/kubernetes-id'
    ]).toBe('web.team-a-statefulset');
    expectUniqueRefs(forward.entities);
    await expectAllValid(forward.entities);
  });

  it('warns, naming the object, when an entity name had to be shortened or changed, and only then', () => {
    const long = `${'a'.repeat(60)}.${'b'.repeat(60)}`;
    const objects = [
      ...objectsOf('prod', workloadKind('Deployment'), [deployment(long, 'team-a'), deployment('web', 'team-a'), deployment('ok', 'team-a')]),
      ...objectsOf('prod', workloadKind('StatefulSet'), [statefulSet('web', 'team-a')]),
    ];
    const result = mapClusterObjects('prod', objects, [], config);
    // Object labels are clipped for the log, so the long one is matched by its start.
    expect(result.warnings.map(w => w.object).sort()).toEqual([expect.stringMatching(/^Deployment team-a\/a{60}\.b+/), 'StatefulSet team-a/web']);
    expect(result.warnings.find(w => w.object === 'StatefulSet team-a/web')?.message).toContain('emitted as "web.team-a-statefulset"');
  });

  it('does not let a suffixed name push out an object that really has that name', () => {
    const objects = [
      ...objectsOf('prod', workloadKind('Deployment'), [deployment('web', 'team-a'), deployment('web', 'team-a-statefulset')]),
      ...objectsOf('prod', workloadKind('StatefulSet'), [statefulSet('web', 'team-a')]),
    ];
    const result = mapClusterObjects('prod', objects, [], config);
    const names = result.entities.map(e => `${e.metadata.annotations!['kube-platform.io/source-kind']} ${e.metadata.annotations!['kube-platform.io/source-namespace']} ${e.metadata.name}`);
    expect(names).toContain('Deployment team-a-statefulset web.team-a-statefulset');
    expect(names).toContain('Deployment team-a web.team-a');
    expect(names.find(n => n.startsWith('StatefulSet'))).toMatch(/^StatefulSet team-a web\.team-a-statefulset-[0-9a-f]{6}$/);
    expectUniqueRefs(result.entities);
  });

  it('gives same-named workloads in two namespaces and two clusters four different refs', async () => {
    const objects = [deployment('api', 'team-payments'), deployment('api', 'team-checkout')];
    const result = mapReadings(
      [
        reading('prod', [{ source: workloadKind(), objects }]),
        reading('staging', [{ source: workloadKind(), objects }]),
      ],
      config,
    );
    const components = refsOf(result.entities.filter(e => e.kind === 'Component'));
    expect(components).toEqual([
      'component:prod/api.team-checkout',
      'component:prod/api.team-payments',
      'component:staging/api.team-checkout',
      'component:staging/api.team-payments',
    ]);
    await expectAllValid(result.entities);
  });

  // The provider's rule (mapping/acrossClusters.ts, tested in provider/emit.test.ts): one service in
  // several clusters is one entity listing them, whichever entry point maps the readings.
  it('merges one service of several clusters into one entity when the models leave the cluster out', async () => {
    const objects = [deployment('api', 'team-a')];
    const result = mapReadings(
      [reading('b-cluster', [{ source: workloadKind(), objects }]), reading('a-cluster', [{ source: workloadKind(), objects }])],
      testSettings({ mappings: { namespaceModel: 'default', nameModel: 'name', systemModel: 'none' } }),
    );
    expect(refsOf(result.entities)).toEqual(['component:default/api']);
    expect(result.entities[0].metadata.annotations!['kube-platform.io/clusters']).toBe('a-cluster,b-cluster');
    expect(result.entities[0].metadata.annotations!['backstage.io/kubernetes-id']).toBe('api');
    await expectAllValid(result.entities);
  });

  it('produces byte-identical output for equal input, in any order', () => {
    const objects = (suffix: string) => [
      deployment('api', 'team-a', { 'kube-platform.io/tags': 'b,a', 'kube-platform.io/links': '[{"url":"javascript:alert(1)"}]' }),
      deployment(`web${suffix}`, 'team-b'),
    ];
    const readings = [
      reading('prod', [{ source: workloadKind(), objects: objects('') }], [namespaceInfo('team-a', { 'kube-platform.io/owner': 'team-a' })]),
      reading('dev', [{ source: workloadKind(), objects: objects('') }]),
    ];
    const first = JSON.stringify(mapReadings(readings, config));
    const second = JSON.stringify(mapReadings(JSON.parse(JSON.stringify(readings)), config));
    const reversed = JSON.stringify(
      mapReadings(
        [...readings].reverse().map(r => ({ ...r, kinds: r.kinds.map(k => ({ ...k, outcome: k.outcome.ok ? { ok: true as const, value: [...k.outcome.value].reverse() } : k.outcome })) })),
        config,
      ),
    );
    expect(second).toBe(first);
    expect(reversed).toBe(first);
  });

  it('maps nothing from a failed cluster or kind, and says so', () => {
    const failed = { ...reading('broken', []), error: 'discovery failed: 503' };
    const partial = reading('prod', [{ source: workloadKind(), objects: [deployment('api', 'team-a')] }]);
    partial.kinds.push({ source: workloadKind('StatefulSet'), outcome: { ok: false, error: 'forbidden' } });
    const result = mapReadings([failed, partial], config);
    expect(refsOf(result.entities)).toEqual(['component:prod/api.team-a', 'system:prod/team-a']);
    expect(result.warnings).toEqual([
      { cluster: 'broken', object: 'cluster broken', message: 'not mapped: discovery failed: 503' },
      { cluster: 'prod', object: 'kind StatefulSet', message: 'not mapped: forbidden' },
    ]);
  });

  it('uses a valid name override and ignores an invalid one with a warning', async () => {
    const result = mapClusterObjects(
      'prod',
      objectsOf('prod', workloadKind(), [
        deployment('api', 'team-a', { 'kube-platform.io/name': 'payments-api' }),
        deployment('web', 'team-a', { 'kube-platform.io/name': 'not valid!' }),
        deployment('long', 'team-a', { 'kube-platform.io/name': 'x'.repeat(64) }),
      ]),
      [],
      config,
    );
    expect(result.entities.map(e => e.metadata.name)).toEqual(['long.team-a', 'payments-api', 'web.team-a']);
    expect(result.warnings.map(w => `${w.object}: ${w.message}`)).toEqual([
      `Deployment team-a/long: annotation kube-platform.io/name ("${'x'.repeat(64)}") is not a valid entity name; the generated name is used`,
      'Deployment team-a/web: annotation kube-platform.io/name ("not valid!") is not a valid entity name; the generated name is used',
    ]);
    await expectAllValid(result.entities);
  });

  it('lets an explicit name override win over a generated name it collides with', () => {
    const result = mapClusterObjects(
      'prod',
      objectsOf('prod', workloadKind(), [
        deployment('web', 'team-a'),
        deployment('other', 'team-b', { 'kube-platform.io/name': 'web.team-a' }),
      ]),
      [],
      config,
    );
    const bySource = Object.fromEntries(result.entities.map(e => [e.metadata.annotations!['kube-platform.io/source-name'], e.metadata.name]));
    expect(bySource).toEqual({ other: 'web.team-a', web: 'web.team-a-deployment' });
  });
});
