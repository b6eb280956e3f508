import type { Entity } from '@backstage/catalog-model';
import type { MappingSettings } from '../config/types';
import type { KubeObject, NamespaceInfo } from '../types';
import { mapClusterObjects } from './mapReading';
import { toDnsLabel } from './names';
import { deployment, expectAllValid, namespaceInfo, objectsOf, testSettings, workloadKind } from './testUtils';

function mapOne(object: KubeObject, options: { config?: MappingSettings; namespaces?: NamespaceInfo[]; kind?: Parameters<typeof workloadKind>[0] } = {}) {
  const result = mapClusterObjects('prod', objectsOf('prod', workloadKind(options.kind), [object]), options.namespaces ?? [], options.config ?? testSettings());
  expect(result.entities).toHaveLength(1);
  return { entity: result.entities[0] as Entity & { spec: Record<string, unknown> }, warnings: result.warnings.map(w => w.message), result };
}

// Built at run time so the linter's no-script-url rule does not mistake test data for code.
const SCRIPT_URL = ['javascript', 'alert(1)'].join(':');

const teamA = (annotations: Record<string, string>) => [namespaceInfo('team-a', annotations)];

describe('owner', () => {
  it('takes the object annotation first', () => {
    const { entity } = mapOne(deployment('web', 'team-a', { 'kube-platform.io/owner': 'user:default/jane' }), {
      namespaces: teamA({ 'kube-platform.io/owner': 'group:default/team-a' }),
    });
    expect(entity.spec.owner).toBe('user:default/jane');
  });

  it('then the Namespace annotation', () => {
    const { entity } = mapOne(deployment('web', 'team-a'), { namespaces: teamA({ 'kube-platform.io/owner': 'group:default/team-a' }) });
    expect(entity.spec.owner).toBe('group:default/team-a');
  });

  it('then config.defaultOwner', () => {
    expect(mapOne(deployment('web', 'team-a')).entity.spec.owner).toBe('group:default/platform');
  });

  it('places bare owners in the default namespace, not the cluster namespace', () => {
    const { entity } = mapOne(deployment('web', 'team-a', { 'kube-platform.io/owner': 'payments' }));
    expect(entity.metadata.namespace).toBe('prod');
    expect(entity.spec.owner).toBe('group:default/payments');
  });

  it('skips an invalid or non-group owner with a warning and falls back', () => {
    const { entity, warnings } = mapOne(deployment('web', 'team-a', { 'kube-platform.io/owner': 'component:default/x' }), {
      namespaces: teamA({ 'kube-platform.io/owner': 'not a ref!' }),
    });
    expect(entity.spec.owner).toBe('group:default/platform');
    expect(warnings).toEqual([
      'annotation kube-platform.io/owner is not a valid owner reference ("component:default/x"); ignored',
      'annotation kube-platform.io/owner of namespace team-a is not a valid owner reference ("not a ref!"); ignored',
    ]);
  });
});

describe('lifecycle, type, title, description', () => {
  it('reads lifecycle from the object, then the Namespace, then config', () => {
    const namespaces = teamA({ 'kube-platform.io/lifecycle': 'production' });
    expect(mapOne(deployment('a', 'team-a', { 'kube-platform.io/lifecycle': 'experimental' }), { namespaces }).entity.spec.lifecycle).toBe('experimental');
    expect(mapOne(deployment('a', 'team-a'), { namespaces }).entity.spec.lifecycle).toBe('production');
    const config = testSettings({ defaultLifecycle: 'unknown' });
    expect(mapOne(deployment('a', 'team-a'), { config }).entity.spec.lifecycle).toBe('unknown');
  });

  it('takes the type from the annotation, else the source kind', () => {
    expect(mapOne(deployment('a', 'team-a', { 'kube-platform.io/component-type': 'website' })).entity.spec.type).toBe('website');
    const cron: KubeObject = { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'nightly', namespace: 'team-a' } };
    expect(mapOne(cron, { kind: 'CronJob' }).entity.spec.type).toBe('job');
  });

  it('defaults title to the Kubernetes name and describes where the object lives', () => {
    const { entity } = mapOne(deployment('web', 'team-a'));
    expect(entity.metadata.title).toBe('web');
    expect(entity.metadata.description).toBe('Deployment team-a/web in cluster prod');
  });

  it('strips control and bidi-override characters from lifecycle, title, description and tags, warning with the object', () => {
    const { entity, result } = mapOne(
      deployment('web', 'team-a', {
        'kube-platform.io/lifecycle': 'prod\u202Euction',
        'kube-platform.io/title': 'Pay\u2066ments\u0007',
        'kube-platform.io/description': 'Line one\nline\u001B[2J two',
        'kube-platform.io/tags': 'pay\u200Fments,api',
      }),
    );
    expect(entity.spec.lifecycle).toBe('production');
    expect(entity.metadata.title).toBe('Payments');
    expect(entity.metadata.description).toBe('Line one\nline[2J two');
    expect(entity.metadata.tags).toEqual(['api', 'payments']);
    const stripped = result.warnings.filter(w => /control or bidirectional-override/.test(w.message));
    expect(stripped.map(w => w.message.split(' ')[1]).sort()).toEqual([
      'kube-platform.io/description',
      'kube-platform.io/lifecycle',
      'kube-platform.io/tags',
      'kube-platform.io/title',
    ]);
    expect(stripped.every(w => w.object.includes('team-a/web'))).toBe(true);
  });
});

describe('system', () => {
  const withModel = (systemModel: MappingSettings['mappings']['systemModel']) => testSettings({ mappings: { systemModel } });

  it('follows the system model when nothing is annotated', () => {
    expect(mapOne(deployment('a', 'team-a'), { config: withModel('namespace') }).entity.spec.system).toBe('system:prod/team-a');
    expect(mapOne(deployment('a', 'team-a'), { config: withModel('cluster-namespace') }).entity.spec.system).toBe('system:prod/prod-team-a');
    expect(mapOne(deployment('a', 'team-a'), { config: withModel('none') }).entity.spec.system).toBeUndefined();
  });

  it('sanitises the cluster-namespace system name', async () => {
    const arn = 'arn:aws:eks:eu-west-1:123456789012:cluster/prod';
    const result = mapClusterObjects(arn, objectsOf(arn, workloadKind(), [deployment('a', 'team-a')]), [], withModel('cluster-namespace'));
    expect(result.entities[0].spec!.system).toBe(`system:${toDnsLabel(arn)}/${toDnsLabel(arn)}-team-a`);
    await expectAllValid(result.entities);
  });

  it('prefers the object annotation, then the Namespace annotation, resolved in the entity namespace', () => {
    const namespaces = teamA({ 'kube-platform.io/system': 'payments' });
    expect(mapOne(deployment('a', 'team-a', { 'kube-platform.io/system': 'checkout' }), { namespaces }).entity.spec.system).toBe('system:prod/checkout');
    expect(mapOne(deployment('a', 'team-a'), { namespaces }).entity.spec.system).toBe('system:prod/payments');
    expect(mapOne(deployment('a', 'team-a', { 'kube-platform.io/system': 'system:default/shared' })).entity.spec.system).toBe('system:default/shared');
  });

  it('ignores an invalid system annotation with a warning', () => {
    const { entity, warnings } = mapOne(deployment('a', 'team-a', { 'kube-platform.io/system': 'group:default/x' }));
    expect(entity.spec.system).toBe('system:prod/team-a');
    expect(warnings).toEqual(['annotation kube-platform.io/system is not a valid system reference ("group:default/x"); ignored']);
  });
});

describe('links', () => {
  it('keeps http and https links and drops the rest with a warning naming the object', async () => {
    const links = JSON.stringify([
      { url: 'https://grafana.example.com', title: 'Grafana', icon: 'dashboard' },
      { url: 'http://wiki.example.com' },
      { url: SCRIPT_URL, title: 'x' },
      { url: 'data:text/html,<script>', title: 'x' },
      { url: 'not a url' },
      { title: 'no url' },
      'just a string',
      { url: 'https://x.example.com', title: '', icon: 42 },
    ]);
    const { entity, result } = mapOne(deployment('web', 'team-a', { 'kube-platform.io/links': links }));
    expect(entity.metadata.links).toEqual([
      { url: 'https://grafana.example.com', title: 'Grafana', icon: 'dashboard' },
      { url: 'http://wiki.example.com' },
      { url: 'https://x.example.com' },
    ]);
    expect(result.warnings).toEqual([
      { cluster: 'prod', object: 'Deployment team-a/web', message: 'annotation kube-platform.io/links: entry 2 url "javascript:alert(1)" is not http or https; dropped' },
      { cluster: 'prod', object: 'Deployment team-a/web', message: 'annotation kube-platform.io/links: entry 3 url "data:text/html,<script>" is not http or https; dropped' },
      { cluster: 'prod', object: 'Deployment team-a/web', message: 'annotation kube-platform.io/links: entry 4 url "not a url" is not a valid URL; dropped' },
      { cluster: 'prod', object: 'Deployment team-a/web', message: 'annotation kube-platform.io/links: entry 5 has no url; dropped' },
      { cluster: 'prod', object: 'Deployment team-a/web', message: 'annotation kube-platform.io/links: entry 6 has no url; dropped' },
    ]);
    await expectAllValid(result.entities);
  });

  it.each([
    ['[{"url": "https://x"', 'is not valid JSON; no links taken'],
    ['{"url": "https://x.example.com"}', 'is not a JSON array; no links taken'],
  ])('warns about %s', (value, message) => {
    const { entity, warnings } = mapOne(deployment('web', 'team-a', { 'kube-platform.io/links': value }));
    expect(entity.metadata.links).toBeUndefined();
    expect(warnings).toEqual([`annotation kube-platform.io/links: ${message}`]);
  });
});

describe('tags', () => {
  it('sanitises comma separated tags', async () => {
    const { entity, result } = mapOne(deployment('web', 'team-a', { 'kube-platform.io/tags': 'Spring Boot, java,JAVA,,tier_1, 🚀' }));
    expect(entity.metadata.tags).toEqual(['java', 'spring-boot', 'tier-1']);
    await expectAllValid(result.entities);
  });
});

describe('annotations', () => {
  const source = {
    'kube-platform.io/owner': 'group:default/payments',
    'backstage.io/techdocs-ref': 'dir:.',
    'github.com/project-slug': 'acme/web',
    'example.com/big': 'x'.repeat(5000),
    'example.com/ok': 'fine',
    'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"apps/v1"}',
    'backstage.io/kubernetes-id': 'spoofed',
  };

  it('copies only listed keys and prefixes, never last-applied, never over our own keys', () => {
    const config = testSettings({ copyAnnotations: { keys: ['backstage.io/techdocs-ref', 'backstage.io/kubernetes-id'], prefixes: ['example.com/', 'kubectl.kubernetes.io/'] } });
    const { entity, warnings } = mapOne(deployment('web', 'team-a', source), { config });
    const annotations = entity.metadata.annotations!;
    expect(annotations['backstage.io/techdocs-ref']).toBe('dir:.');
    expect(annotations['example.com/ok']).toBe('fine');
    expect(annotations['backstage.io/kubernetes-id']).toBe('web.team-a');
    expect(annotations).not.toHaveProperty('github.com/project-slug');
    expect(annotations).not.toHaveProperty('kube-platform.io/owner');
    expect(annotations).not.toHaveProperty('kubectl.kubernetes.io/last-applied-configuration');
    expect(annotations).not.toHaveProperty('example.com/big');
    expect(warnings).toEqual(['annotation example.com/big is larger than 4096 bytes; not copied']);
  });

  it('leaves out a copied key that differs from another only in letter case (the catalog would refuse the entity)', () => {
    const config = testSettings({ copyAnnotations: { keys: [], prefixes: ['example.com/', 'backstage.io/'] } });
    const twins = { 'example.com/Team': 'a', 'example.com/team': 'b', 'backstage.io/Kubernetes-Id': 'spoofed' };
    const { entity, warnings } = mapOne(deployment('web', 'team-a', twins), { config });
    const annotations = entity.metadata.annotations!;
    expect(annotations['example.com/Team']).toBe('a');
    expect(annotations).not.toHaveProperty('example.com/team');
    expect(annotations).not.toHaveProperty('backstage.io/Kubernetes-Id');
    expect(annotations['backstage.io/kubernetes-id']).toBe('web.team-a');
    const lower = Object.keys(annotations).map(k => k.toLowerCase());
    expect(new Set(lower).size).toBe(lower.length);
    expect(warnings).toEqual([
      'annotation backstage.io/Kubernetes-Id differs from another key only in letter case, which the catalog cannot store; not copied',
      'annotation example.com/team differs from another key only in letter case, which the catalog cannot store; not copied',
    ]);
  });

  it('copies nothing when nothing is configured', () => {
    const { entity } = mapOne(deployment('web', 'team-a', source));
    expect(Object.keys(entity.metadata.annotations!).filter(k => !k.startsWith('backstage.io/') && !k.startsWith('kube-platform.io/'))).toEqual([]);
  });

  it('writes the label selector of workloads, sorted, and of CronJob pod templates', () => {
    const web = deployment('web', 'team-a', {}, { spec: { selector: { matchLabels: { 'b.io/x': '2', app: 'web' } } } });
    expect(mapOne(web).entity.metadata.annotations!['backstage.io/kubernetes-label-selector']).toBe('app=web,b.io/x=2');

    const cron: KubeObject = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'nightly', namespace: 'team-a' },
      spec: { jobTemplate: { spec: { template: { metadata: { labels: { job: 'nightly' } } } } } },
    };
    expect(mapOne(cron, { kind: 'CronJob' }).entity.metadata.annotations!['backstage.io/kubernetes-label-selector']).toBe('job=nightly');

    const bare: KubeObject = { ...cron, spec: {} };
    expect(mapOne(bare, { kind: 'CronJob' }).entity.metadata.annotations).not.toHaveProperty('backstage.io/kubernetes-label-selector');
  });

  it('keeps the original cluster name in the location and cluster annotations', async () => {
    const arn = 'arn:aws:eks:eu-west-1:123456789012:cluster/prod';
    const result = mapClusterObjects(arn, objectsOf(arn, workloadKind(), [deployment('web', 'team-a')]), [], testSettings());
    const annotations = result.entities[0].metadata.annotations!;
    expect(annotations['backstage.io/managed-by-location']).toBe(`kubernetes-ingestor:cluster/${arn}`);
    expect(annotations['backstage.io/kubernetes-cluster']).toBe(arn);
    expect(annotations['kube-platform.io/cluster']).toBe(arn);
    expect(result.entities[0].metadata.namespace).toBe(toDnsLabel(arn));
    await expectAllValid(result.entities);
  });
});

describe('ingestAsResources', () => {
  it('emits Resources without lifecycle and drops relations a Resource cannot have', async () => {
    const config = testSettings({ components: { ingestAsResources: true } });
    const { entity, warnings, result } = mapOne(
      deployment('web', 'team-a', { 'kube-platform.io/depends-on': 'db', 'kube-platform.io/provides-apis': 'web-api' }),
      { config },
    );
    expect(entity.kind).toBe('Resource');
    expect(entity.spec).toEqual({ type: 'service', owner: 'group:default/platform', system: 'system:prod/team-a', dependsOn: ['component:prod/db.team-a'] });
    expect(warnings).toEqual(['providesApis is not supported on a Resource; dropped']);
    await expectAllValid(result.entities);
  });
});
