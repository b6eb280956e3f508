import type { ClusterObject, KubeObject } from '../types';
import { mapClusterObjects } from './mapReading';
import { claimKind, deployment, expectAllValid, objectsOf, testSettings, workloadKind } from './testUtils';

function map(objects: KubeObject[], config = testSettings()) {
  return mapClusterObjects('prod', objectsOf('prod', workloadKind(), objects), [], config);
}

function reasons(result: ReturnType<typeof map>) {
  return result.skipped.map(s => `${s.object}: ${s.reason}`);
}

describe('namespace scope', () => {
  it('skips the default excluded namespaces', () => {
    const result = map([deployment('coredns', 'kube-system'), deployment('web', 'team-a')]);
    expect(result.entities.map(e => e.metadata.name)).toEqual(['web.team-a']);
    expect(result.skipped).toEqual([
      {
        cluster: 'prod',
        object: 'Deployment kube-system/coredns',
        reason: 'excluded-namespace',
        message: 'Deployment kube-system/coredns: namespace kube-system is excluded',
      },
    ]);
  });

  it('keeps excluding in opt-in mode, even for opted-in objects', () => {
    const optIn = { 'kube-platform.io/add-to-catalog': 'true' };
    const result = map(
      [deployment('coredns', 'kube-system', optIn), deployment('web', 'team-a', optIn), deployment('other', 'team-a')],
      testSettings({ components: { onlyIngestAnnotatedResources: true } }),
    );
    expect(result.entities.map(e => e.metadata.name)).toEqual(['web.team-a']);
    expect(reasons(result)).toEqual(['Deployment kube-system/coredns: excluded-namespace', 'Deployment team-a/other: not-opted-in']);
  });

  it('applies includedNamespaces, with exclusions still winning', () => {
    const config = testSettings({ components: { includedNamespaces: ['team-a', 'kube-system'] } });
    const result = map([deployment('a', 'team-a'), deployment('b', 'team-b'), deployment('c', 'kube-system')], config);
    expect(result.entities.map(e => e.metadata.name)).toEqual(['a.team-a']);
    expect(reasons(result)).toEqual(['Deployment kube-system/c: excluded-namespace', 'Deployment team-b/b: not-included-namespace']);
  });

  it('applies exclusions to Crossplane kinds too', () => {
    const claim: ClusterObject = {
      cluster: 'prod',
      source: claimKind(),
      object: { apiVersion: 'database.example.org/v1alpha1', kind: 'PostgreSQLInstance', metadata: { name: 'db', namespace: 'kube-system' } },
    };
    const result = mapClusterObjects('prod', [claim], [], testSettings());
    expect(result.skipped.map(s => s.reason)).toEqual(['excluded-namespace']);
  });
});

describe('opt-out and opt-in', () => {
  it('skips "true" and treats "false" as false', () => {
    const result = map([
      deployment('out', 'team-a', { 'kube-platform.io/exclude-from-catalog': 'true' }),
      deployment('shout', 'team-a', { 'kube-platform.io/exclude-from-catalog': ' TRUE ' }),
      deployment('in', 'team-a', { 'kube-platform.io/exclude-from-catalog': 'false' }),
      deployment('empty', 'team-a', { 'kube-platform.io/exclude-from-catalog': '' }),
    ]);
    expect(result.entities.map(e => e.metadata.name).sort()).toEqual(['empty.team-a', 'in.team-a']);
    expect(reasons(result)).toEqual(['Deployment team-a/out: opted-out', 'Deployment team-a/shout: opted-out']);
  });

  it('ingests only "true" opt-ins when onlyIngestAnnotatedResources is on', () => {
    const result = map(
      [
        deployment('yes', 'team-a', { 'kube-platform.io/add-to-catalog': 'true' }),
        deployment('no', 'team-a', { 'kube-platform.io/add-to-catalog': 'false' }),
        deployment('both', 'team-a', { 'kube-platform.io/add-to-catalog': 'true', 'kube-platform.io/exclude-from-catalog': 'true' }),
      ],
      testSettings({ components: { onlyIngestAnnotatedResources: true } }),
    );
    expect(result.entities.map(e => e.metadata.name)).toEqual(['yes.team-a']);
    expect(reasons(result)).toEqual(['Deployment team-a/both: opted-out', 'Deployment team-a/no: not-opted-in']);
  });

  it('ignores the opt-in annotation when opt-in mode is off', () => {
    expect(map([deployment('web', 'team-a', { 'kube-platform.io/add-to-catalog': 'false' })]).entities).toHaveLength(1);
  });

  it('reads the flags under the configured prefix', () => {
    const result = map([deployment('web', 'team-a', { 'acme.io/exclude-from-catalog': 'true' })], testSettings({ annotationPrefix: 'acme.io' }));
    expect(reasons(result)).toEqual(['Deployment team-a/web: opted-out']);
  });
});

describe('roles', () => {
  it('skips workloads when components are disabled', () => {
    expect(reasons(map([deployment('web', 'team-a')], testSettings({ components: { enabled: false } })))).toEqual([
      'Deployment team-a/web: disabled',
    ]);
  });
});

describe('hostile input', () => {
  const hostile: Array<[string, unknown, string]> = [
    ['null object', null, 'Deployment <unnamed>: metadata is missing or not an object'],
    ['no metadata', { kind: 'Deployment' }, 'Deployment <unnamed>: metadata is missing or not an object'],
    ['metadata is a string', { metadata: 'x' }, 'Deployment <unnamed>: metadata is missing or not an object'],
    ['no name', { metadata: { namespace: 'team-a' } }, 'Deployment team-a/<unnamed>: metadata.name is missing, empty or not a string'],
    ['numeric name', { metadata: { name: 42, namespace: 'team-a' } }, 'Deployment team-a/<unnamed>: metadata.name is missing, empty or not a string'],
    ['empty name', { metadata: { name: '', namespace: 'team-a' } }, 'Deployment team-a/<unnamed>: metadata.name is missing, empty or not a string'],
    ['no namespace', { metadata: { name: 'web' } }, 'Deployment web: metadata.namespace is missing or invalid for a namespaced kind'],
    ['annotations array', { metadata: { name: 'web', namespace: 'team-a', annotations: ['x'] } }, 'Deployment team-a/web: metadata.annotations is not an object'],
    [
      'non-string opt-out',
      { metadata: { name: 'web', namespace: 'team-a', annotations: { 'kube-platform.io/exclude-from-catalog': true } } },
      'Deployment team-a/web: annotation kube-platform.io/exclude-from-catalog is not a string',
    ],
  ];

  it.each(hostile)('skips an object with %s as invalid, naming the field', (_, object, message) => {
    const result = mapClusterObjects('prod', [{ cluster: 'prod', source: workloadKind(), object: object as KubeObject }], [], testSettings());
    expect(result.entities).toEqual([]);
    expect(result.skipped).toHaveLength(1);
    expect(result.skipped[0].reason).toBe('invalid');
    expect(result.skipped[0].message).toBe(message);
  });

  it('skips a name longer than Kubernetes allows, and clips it in the message', () => {
    const result = map([deployment('x'.repeat(300), 'team-a')]);
    expect(result.skipped[0].reason).toBe('invalid');
    expect(result.skipped[0].message).toContain('longer than 253 characters');
    expect(result.skipped[0].message.length).toBeLessThan(300);
  });

  it('maps objects with hostile annotation values, ignoring those values with warnings', async () => {
    const huge = 'x'.repeat(1024 * 1024);
    const result = map([
      deployment('web', 'team-a', {
        'kube-platform.io/description': huge,
        'kube-platform.io/tags': huge,
        'kube-platform.io/owner': 42,
        'kube-platform.io/title': { nested: true },
        'kube-platform.io/links': null,
      }),
    ]);
    expect(result.entities).toHaveLength(1);
    const [entity] = result.entities;
    expect(entity.metadata.description).toBe('Deployment team-a/web in cluster prod');
    expect(entity.metadata.title).toBe('web');
    expect(entity.metadata.tags).toBeUndefined();
    expect(entity.spec!.owner).toBe('group:default/platform');
    expect(result.warnings.map(w => w.message).sort()).toEqual([
      'annotation kube-platform.io/description is longer than 16384 characters; ignored',
      'annotation kube-platform.io/owner is not a string; ignored',
      'annotation kube-platform.io/tags is longer than 16384 characters; ignored',
      'annotation kube-platform.io/title is not a string; ignored',
    ]);
    expect(JSON.stringify(result).length).toBeLessThan(10_000);
    await expectAllValid(result.entities);
  });

  it('sanitises a hostile namespace into a valid, distinct name', async () => {
    const result = map([deployment('web', 'Team A'), deployment('web', 'team-a')]);
    expect(result.entities).toHaveLength(2);
    expect(new Set(result.entities.map(e => e.metadata.name)).size).toBe(2);
    await expectAllValid(result.entities);
  });

  it('rejects an object listed under another cluster', () => {
    const result = mapClusterObjects('prod', objectsOf('dev', workloadKind(), [deployment('web', 'team-a')]), [], testSettings());
    expect(result.skipped.map(s => s.reason)).toEqual(['invalid']);
  });

  it('never throws, whatever the items look like', () => {
    const items = [null, undefined, 42, { cluster: 'prod' }, { cluster: 'prod', source: null, object: {} }] as unknown as ClusterObject[];
    const result = mapClusterObjects('prod', items, [], testSettings());
    expect(result.entities).toEqual([]);
    expect(result.skipped.every(s => s.reason === 'invalid')).toBe(true);
    expect(result.skipped).toHaveLength(items.length);
  });
});
