import { mockServices } from '@backstage/backend-test-utils';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { KubeSim } from '@internal/kube-sim';
import type { ClusterConnection } from '@kube-platform/plugin-kubernetes-node';
import { deployment, namespace, workload } from '../integration/__testUtils__/fixtures';
import { catalogAfter, deltasSince, fullEntities, ingestorConfig, KubeconfigFile, waitFor } from '../integration/__testUtils__/harness';
import { KubernetesEntityProvider } from './KubernetesEntityProvider';
import { kindWatcher, clusterSource } from './sources';
import { RecordingConnection } from './testing';

jest.setTimeout(90_000);

const ref = (name: string) => `component:followed/${name}.team-a`;

describe('a provider that follows watched kinds (as the module wires it)', () => {
  let sim: KubeSim;
  let kubeconfig: KubeconfigFile;
  let provider: KubernetesEntityProvider<ClusterConnection> | undefined;
  beforeAll(async () => {
    sim = await KubeSim.start({ name: 'followed', bookmarkIntervalMs: 200 });
    sim.apply([namespace('team-a'), deployment('team-a', 'a'), deployment('team-a', 'b'), workload('StatefulSet', 'team-a', 'db')]);
    kubeconfig = new KubeconfigFile(sim.kubeconfig());
  });
  afterAll(async () => {
    provider?.stop();
    kubeconfig.dispose();
    await sim.stop();
  });

  it('lists a kind once, then keeps it current from its watch: later syncs only discover, and lose nothing', async () => {
    const config = ingestorConfig(kubeconfig.path);
    const logger = mockServices.logger.mock();
    const connection = new RecordingConnection();
    const ingestor = new KubernetesEntityProvider({ config, logger, clusters: clusterSource(config), watcher: kindWatcher(config, logger), deltaDelayMs: 50, followWatchedKinds: true });
    provider = ingestor;
    await ingestor.connect(connection);
    const lists = (from: number, path: string) => sim.requests.slice(from).filter(r => r.path === path && r.query.watch === undefined).length;

    const start = sim.requests.length;
    await ingestor.refresh();
    expect(lists(start, '/apis/apps/v1/deployments')).toBeGreaterThan(0);
    await waitFor('a Deployment watch', () => sim.requests.slice(start).some(r => r.path === '/apis/apps/v1/deployments' && r.query.watch !== undefined));

    const mark = connection.mutations.length;
    sim.apply(deployment('team-a', 'x'));
    sim.delete('apps/v1', 'Deployment', 'a', 'team-a');
    await waitFor('the watch’s deltas', () => {
      const d = deltasSince(connection.mutations, mark);
      return d.added.includes(ref('x')) && d.removed.includes(ref('a'));
    });

    const second = sim.requests.length;
    await ingestor.refresh();
    expect(lists(second, '/apis/apps/v1/deployments')).toBe(0);
    expect(lists(second, '/apis/apps/v1/statefulsets')).toBe(0);
    const components = fullEntities(connection.mutations).filter(e => e.kind === 'Component').map(e => stringifyEntityRef(e));
    expect(components.sort()).toEqual([ref('b'), ref('db'), ref('x')]);
    expect([...catalogAfter(connection.mutations).keys()].filter(r => r.startsWith('component:')).sort()).toEqual(components.sort());
  });
});
