import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { KubeSimFleet } from '@internal/kube-sim';
import { deployment, namespace, workload } from './__testUtils__/fixtures';
import {
  expectAllValid,
  expectUniqueRefs,
  fromSource,
  KubeconfigFile,
  renameContexts,
  sourcesOf,
  startIngestor,
  type Ingestor,
} from './__testUtils__/harness';

jest.setTimeout(60_000);

const CLUSTER = 'Prod.EU_1';
/** 253 characters, dots included: the longest name Kubernetes accepts. */
const LONG_NAME = `${'a'.repeat(62)}.${'b'.repeat(62)}.${'c'.repeat(63)}.${'d'.repeat(63)}`;
const MEGABYTE = 'x'.repeat(1024 * 1024);
// Built at run time so the linter's no-script-url rule does not mistake test data for code.
const SCRIPT = ['java', 'script:'].join('');
const LINKS = JSON.stringify([
  { url: `${SCRIPT}alert(document.cookie)`, title: 'click me' },
  { url: ` ${SCRIPT.replace('java', 'Java').replace('script', 'Script')}alert(2)`, title: 'mixed case' },
  { url: 'data:text/html,<script>alert(3)</script>' },
  { url: 'https://grafana.example.com/d/linky', title: 'Dashboard' },
]);

// Annotation values that are not strings can only be written as YAML (or JSON) the API server stores.
const TYPED_YAML = `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: typed
  namespace: team-a
  annotations:
    kube-platform.io/title: 42
    kube-platform.io/tags: [a, b]
    kube-platform.io/owner: { group: payments }
spec:
  selector: { matchLabels: { app: typed } }
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: flagged
  namespace: team-a
  annotations:
    kube-platform.io/exclude-from-catalog: true
`;

describe('hostile objects and names', () => {
  let fleet: KubeSimFleet;
  let kubeconfig: KubeconfigFile;
  let ingestor: Ingestor;
  let entities: Entity[];
  const one = (name: string, kind = 'Deployment') => {
    const found = fromSource(entities, { cluster: CLUSTER, kind, namespace: 'team-a', name });
    expect(found).toHaveLength(1);
    return found[0];
  };
  const warningsAbout = (object: string) => ingestor.warnings().filter(w => w.startsWith(`${CLUSTER}: ${object}: `));

  beforeAll(async () => {
    fleet = await KubeSimFleet.start(2);
    const [hostile, plain] = fleet.clusters;
    hostile.apply([
      namespace('team-a'),
      deployment('team-a', 'web'),
      workload('StatefulSet', 'team-a', 'web'),
      deployment('team-a', LONG_NAME),
      deployment('team-a', 'linky', { 'kube-platform.io/links': LINKS }),
      deployment('team-a', 'huge', { 'kube-platform.io/description': MEGABYTE, 'backstage.io/techdocs-ref': MEGABYTE }),
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'bare', namespace: 'team-a' } },
      { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'bare-job', namespace: 'team-a' }, spec: { jobTemplate: 'nonsense' } },
    ]);
    hostile.apply(TYPED_YAML);
    plain.apply([namespace('team-a'), deployment('team-a', 'web')]);
    kubeconfig = new KubeconfigFile(renameContexts(fleet.kubeconfig(), { 'kube-sim-1': CLUSTER }));
    ingestor = await startIngestor(kubeconfig.path);
    await ingestor.refresh();
    entities = ingestor.full();
  });
  afterAll(async () => {
    kubeconfig.dispose();
    await fleet.stop();
  });

  it('emits every entity valid for Backstage, with unique refs, and everything else next to the hostile objects', async () => {
    await expectAllValid(entities);
    expectUniqueRefs(entities);
    expect(sourcesOf(entities)).toEqual(
      [
        `${CLUSTER}|CronJob|team-a/bare-job`,
        `${CLUSTER}|Deployment|team-a/${LONG_NAME}`,
        `${CLUSTER}|Deployment|team-a/bare`,
        `${CLUSTER}|Deployment|team-a/huge`,
        `${CLUSTER}|Deployment|team-a/linky`,
        `${CLUSTER}|Deployment|team-a/typed`,
        `${CLUSTER}|Deployment|team-a/web`,
        `${CLUSTER}|StatefulSet|team-a/web`,
        'kube-sim-2|Deployment|team-a/web',
      ].sort(),
    );
    expect(JSON.stringify(entities).length).toBeLessThan(64 * 1024);
  });

  it('puts a cluster named Prod.EU_1 into one valid catalog namespace and keeps the real name in annotations', () => {
    const ofCluster = entities.filter(e => e.metadata.annotations?.['kube-platform.io/cluster'] === CLUSTER);
    const namespaces = [...new Set(ofCluster.map(e => e.metadata.namespace))];
    expect(namespaces).toHaveLength(1);
    expect(namespaces[0]).toMatch(/^prod-eu-1-[0-9a-f]{6}$/);
    expect(one('web').metadata.annotations?.['backstage.io/kubernetes-cluster']).toBe(CLUSTER);
    expect(stringifyEntityRef(fromSource(entities, { cluster: 'kube-sim-2' })[0])).toBe('component:kube-sim-2/web.team-a');
  });

  it('gives same-named objects of two kinds distinct names', () => {
    expect(one('web').metadata.name).not.toBe(one('web', 'StatefulSet').metadata.name);
  });

  it('shortens a 253-character dotted name to a valid entity name that keeps the namespace', () => {
    const entity = one(LONG_NAME);
    expect(entity.metadata.name.length).toBeLessThanOrEqual(63);
    expect(entity.metadata.name).toMatch(/^a+\.team-a-[0-9a-f]{6}$/);
    expect(entity.metadata.annotations?.['kube-platform.io/source-name']).toBe(LONG_NAME);
  });

  it('drops javascript: and data: links with a warning naming the object, keeping the https one', () => {
    expect(one('linky').metadata.links).toEqual([{ url: 'https://grafana.example.com/d/linky', title: 'Dashboard' }]);
    expect(JSON.stringify(entities).toLowerCase()).not.toContain(SCRIPT);
    const warnings = warningsAbout('Deployment team-a/linky');
    expect(warnings).toHaveLength(3);
    expect(warnings.every(w => w.includes('kube-platform.io/links') && w.includes('is not http or https; dropped'))).toBe(true);
  });

  it('ignores a 1 MB annotation value with a warning, and never echoes it', () => {
    const entity = one('huge');
    expect(entity.metadata.description).toBe('Deployment team-a/huge in cluster Prod.EU_1');
    expect(entity.metadata.annotations?.['backstage.io/techdocs-ref']).toBeUndefined();
    expect(warningsAbout('Deployment team-a/huge').sort()).toEqual([
      `${CLUSTER}: Deployment team-a/huge: annotation backstage.io/techdocs-ref is larger than 4096 bytes; not copied`,
      `${CLUSTER}: Deployment team-a/huge: annotation kube-platform.io/description is longer than 16384 characters; ignored`,
    ]);
    expect(ingestor.warnings().every(w => w.length < 1000)).toBe(true);
  });

  it('maps workloads without a spec (or with a malformed one) without a pod selector', () => {
    for (const entity of [one('bare'), one('bare-job', 'CronJob')]) {
      expect(entity.metadata.annotations?.['backstage.io/kubernetes-label-selector']).toBeUndefined();
    }
    expect(one('bare-job', 'CronJob').spec?.type).toBe('job');
  });

  it('ignores annotation values that are not strings, with a warning naming the object', () => {
    const entity = one('typed');
    expect(entity.metadata.title).toBe('typed');
    expect(entity.metadata.tags).toBeUndefined();
    expect(entity.spec?.owner).toBe('group:default/kubernetes-auto-ingested');
    expect(warningsAbout('Deployment team-a/typed').sort()).toEqual([
      `${CLUSTER}: Deployment team-a/typed: annotation kube-platform.io/owner is not a string; ignored`,
      `${CLUSTER}: Deployment team-a/typed: annotation kube-platform.io/tags is not a string; ignored`,
      `${CLUSTER}: Deployment team-a/typed: annotation kube-platform.io/title is not a string; ignored`,
    ]);
  });

  it('skips an object whose opt-out flag is not a string, and says which object in a warning', () => {
    expect(fromSource(entities, { name: 'flagged' })).toEqual([]);
    const flagged = ingestor.warnings().filter(w => w.includes('team-a/flagged'));
    expect(flagged).toEqual([expect.stringContaining('kube-platform.io/exclude-from-catalog is not a string')]);
  });
});
