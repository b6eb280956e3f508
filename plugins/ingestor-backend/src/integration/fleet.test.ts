import { stringifyEntityRef } from '@backstage/catalog-model';
import { KubeSimFleet } from '@internal/kube-sim';
import { API_VERSIONS, clusterObjects, teamWorkloads, TEAM_NAMESPACES, type WorkloadSpec } from './__testUtils__/fixtures';
import {
  expectAllValid,
  expectUniqueRefs,
  fromSource,
  KubeconfigFile,
  refsOf,
  sourcesOf,
  startIngestor,
  withoutContext,
} from './__testUtils__/harness';

jest.setTimeout(60_000);

const PLURALS = { Deployment: 'deployments', StatefulSet: 'statefulsets', DaemonSet: 'daemonsets', CronJob: 'cronjobs' } as const;

describe('ingesting a fleet of clusters end to end', () => {
  let fleet: KubeSimFleet;
  const workloads = new Map<string, WorkloadSpec[]>();
  const expectedSources = () =>
    [...workloads].flatMap(([cluster, specs]) => specs.map(w => `${cluster}|${w.kind}|${w.namespace}/${w.name}`)).sort();

  beforeAll(async () => {
    fleet = await KubeSimFleet.start(3);
    fleet.clusters.forEach((sim, i) => {
      const specs = teamWorkloads(`only-in-${i + 1}`);
      workloads.set(sim.name, specs);
      sim.apply(clusterObjects(specs));
    });
  });
  afterAll(() => fleet.stop());

  it('turns every workload of every cluster into one entity, reading pages of two with the namespace exclusion pushed to the server', async () => {
    const kubeconfig = new KubeconfigFile(fleet.kubeconfig());
    try {
      const before = fleet.clusters.map(sim => sim.requests.length);
      const ingestor = await startIngestor(kubeconfig.path);
      const summary = await ingestor.refresh();
      expect(summary.clustersOk.sort()).toEqual(['kube-sim-1', 'kube-sim-2', 'kube-sim-3']);
      expect(summary.clustersFailed).toEqual([]);
      expect(summary.kindsFailed).toEqual([]);

      const entities = ingestor.full();
      expect(sourcesOf(entities)).toEqual(expectedSources());
      expectUniqueRefs(entities);
      await expectAllValid(entities);
      expect(entities.filter(e => (e.metadata.annotations?.['kube-platform.io/source-namespace'] ?? '').startsWith('kube-'))).toEqual([]);

      for (const [cluster, specs] of workloads) {
        for (const w of specs) {
          const [entity, ...others] = fromSource(entities, { cluster, kind: w.kind, namespace: w.namespace, name: w.name });
          expect(others).toEqual([]);
          // Default models: catalog namespace = cluster, name = <name>.<namespace>.
          expect(stringifyEntityRef(entity)).toBe(`component:${cluster}/${w.name}.${w.namespace}`);
          // Built-in list items carry no kind: the kind and version come from discovery, per kind.
          expect(entity.metadata.annotations?.['kube-platform.io/source-api-version']).toBe(API_VERSIONS[w.kind]);
          expect(entity.spec?.type).toBe(w.kind === 'CronJob' ? 'job' : 'service');
          expect(entity.metadata.annotations?.['backstage.io/kubernetes-label-selector']).toBe(`app=${w.name}`);
          expect(entity.spec?.system).toBe(`system:${cluster}/${w.namespace}`);
        }
        for (const ns of TEAM_NAMESPACES) expect(refsOf(entities)).toContain(`system:${cluster}/${ns}`);
      }
      // Same object name in two namespaces and in three clusters: six distinct entities.
      expect(entities.filter(e => e.metadata.title === 'web').map(e => stringifyEntityRef(e)).sort()).toEqual([
        'component:kube-sim-1/web.team-a',
        'component:kube-sim-1/web.team-b',
        'component:kube-sim-2/web.team-a',
        'component:kube-sim-2/web.team-b',
        'component:kube-sim-3/web.team-a',
        'component:kube-sim-3/web.team-b',
      ]);

      fleet.clusters.forEach((sim, i) => {
        const requests = sim.requests.slice(before[i]);
        for (const plural of Object.values(PLURALS)) {
          const lists = requests.filter(r => r.path.endsWith(`/${plural}`) && r.query.watch === undefined);
          expect(lists.length).toBeGreaterThan(0);
          for (const r of lists) {
            expect(r.query.limit).toBe('2');
            expect(r.query.fieldSelector?.split(',')).toEqual(expect.arrayContaining(['metadata.namespace!=kube-system']));
          }
        }
        const deployments = requests.filter(r => r.path === '/apis/apps/v1/deployments');
        // Five team Deployments in pages of two: three pages, the later two with a continue token.
        expect(deployments.filter(r => r.query.continue).length).toBeGreaterThanOrEqual(2);
      });
    } finally {
      kubeconfig.dispose();
    }
  });

  it('removes the entities of a cluster that is no longer in the kubeconfig, and only those', async () => {
    const kubeconfig = new KubeconfigFile(fleet.kubeconfig());
    try {
      const ingestor = await startIngestor(kubeconfig.path);
      await ingestor.refresh();
      const first = ingestor.full();
      expect(first.some(e => e.metadata.namespace === 'kube-sim-2')).toBe(true);

      kubeconfig.write(withoutContext(fleet.kubeconfig(), 'kube-sim-2'));
      const summary = await ingestor.refresh();
      expect(summary.clustersOk.sort()).toEqual(['kube-sim-1', 'kube-sim-3']);
      const second = ingestor.full();
      expect(second.filter(e => e.metadata.namespace === 'kube-sim-2' || e.metadata.annotations?.['kube-platform.io/cluster'] === 'kube-sim-2')).toEqual([]);
      expect(refsOf(second)).toEqual(refsOf(first).filter(ref => !ref.includes(':kube-sim-2/')));
      expect(ingestor.logger.info).toHaveBeenCalledWith(expect.stringContaining('Cluster kube-sim-2 is no longer configured'));
    } finally {
      kubeconfig.dispose();
    }
  });
});
