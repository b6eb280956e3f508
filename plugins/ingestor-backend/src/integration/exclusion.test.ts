import { KubeSim } from '@internal/kube-sim';
import { deployment, namespace, workload } from './__testUtils__/fixtures';
import { expectAllValid, KubeconfigFile, refsOf, sourcesOf, startIngestor } from './__testUtils__/harness';

jest.setTimeout(60_000);

const ADD = 'kube-platform.io/add-to-catalog';
const EXCLUDE = 'kube-platform.io/exclude-from-catalog';

describe('opt-in mode with excluded namespaces', () => {
  let sim: KubeSim;
  let kubeconfig: KubeconfigFile;
  beforeAll(async () => {
    sim = await KubeSim.start({ name: 'optin' });
    sim.apply([
      namespace('team-a'),
      namespace('team-b'),
      // Opting in at namespace level is not a thing: only the object's own annotation counts.
      namespace('restricted', { [ADD]: 'true' }),
      deployment('kube-system', 'annotated-system', { [ADD]: 'true' }),
      deployment('restricted', 'annotated-restricted', { [ADD]: 'true' }),
      workload('CronJob', 'restricted', 'annotated-restricted-job', { [ADD]: 'true' }),
      deployment('team-a', 'opted-in', { [ADD]: 'true' }),
      deployment('team-a', 'opted-false', { [ADD]: 'false' }),
      deployment('team-a', 'opted-yes', { [ADD]: 'yes' }),
      deployment('team-a', 'plain'),
      deployment('team-a', 'in-and-out', { [ADD]: 'true', [EXCLUDE]: 'true' }),
      deployment('team-a', 'in-not-out', { [ADD]: 'true', [EXCLUDE]: 'false' }),
      workload('CronJob', 'team-b', 'report', { [ADD]: 'true' }),
      workload('StatefulSet', 'team-b', 'store', { [ADD]: 'false' }),
    ]);
    kubeconfig = new KubeconfigFile(sim.kubeconfig());
  });
  afterAll(async () => {
    kubeconfig.dispose();
    await sim.stop();
  });

  const OPTED_IN = ['optin|CronJob|team-b/report', 'optin|Deployment|team-a/in-not-out', 'optin|Deployment|team-a/opted-in'];

  it('emits annotated objects of normal namespaces only: never an excluded namespace, and "false" is false', async () => {
    const ingestor = await startIngestor(kubeconfig.path, {
      components: { onlyIngestAnnotatedResources: true, excludedNamespaces: ['kube-system', 'restricted'] },
    });
    const summary = await ingestor.refresh();
    const entities = ingestor.full();
    expect(sourcesOf(entities)).toEqual(OPTED_IN);
    expect(refsOf(entities).filter(r => r.startsWith('system:'))).toEqual(['system:optin/team-a', 'system:optin/team-b']);
    await expectAllValid(entities);
    expect(summary.skippedByReason['not-opted-in']).toBe(4);
    expect(summary.skippedByReason['opted-out']).toBe(1);
    expect(ingestor.warnings()).toEqual([]);
  });

  it('does not read an excluded namespace even when includedNamespaces names it', async () => {
    const start = sim.requests.length;
    const ingestor = await startIngestor(kubeconfig.path, {
      components: {
        onlyIngestAnnotatedResources: true,
        excludedNamespaces: ['kube-system', 'restricted'],
        includedNamespaces: ['team-a', 'restricted', 'kube-system'],
      },
    });
    await ingestor.refresh();
    expect(sourcesOf(ingestor.full())).toEqual(['optin|Deployment|team-a/in-not-out', 'optin|Deployment|team-a/opted-in']);
    const paths = sim.requests.slice(start).map(r => r.path);
    expect(paths).toContain('/apis/apps/v1/namespaces/team-a/deployments');
    expect(paths.filter(p => p.includes('/namespaces/restricted/') || p.includes('/namespaces/kube-system/'))).toEqual([]);
  });

  it('without opt-in mode still excludes the namespaces and honours the opt-out', async () => {
    const ingestor = await startIngestor(kubeconfig.path, { components: { excludedNamespaces: ['kube-system', 'restricted'] } });
    await ingestor.refresh();
    expect(sourcesOf(ingestor.full())).toEqual([
      'optin|CronJob|team-b/report',
      'optin|Deployment|team-a/in-not-out',
      'optin|Deployment|team-a/opted-false',
      'optin|Deployment|team-a/opted-in',
      'optin|Deployment|team-a/opted-yes',
      'optin|Deployment|team-a/plain',
      'optin|StatefulSet|team-b/store',
    ]);
  });
});
