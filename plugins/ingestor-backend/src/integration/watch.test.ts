import { stringifyEntityRef } from '@backstage/catalog-model';
import { KubeSim } from '@internal/kube-sim';
import { deployment, namespace, workload } from './__testUtils__/fixtures';
import type { RecordingConnection } from '../provider/testing';
import { catalogAfter, deltasSince, fullEntities, KubeconfigFile, startIngestor, waitFor, type Ingestor } from './__testUtils__/harness';

jest.setTimeout(90_000);

const WORKLOAD_PATHS = ['/apis/apps/v1/deployments', '/apis/apps/v1/statefulsets', '/apis/apps/v1/daemonsets', '/apis/batch/v1/cronjobs'];
const ref = (name: string) => `component:watched/${name}.team-a`;

describe('watches between full syncs', () => {
  let sim: KubeSim;
  let kubeconfig: KubeconfigFile;
  let ingestor: Ingestor | undefined;
  beforeAll(async () => {
    sim = await KubeSim.start({ name: 'watched', bookmarkIntervalMs: 200 });
    sim.apply([namespace('team-a'), deployment('team-a', 'keep'), deployment('team-a', 'old'), workload('StatefulSet', 'team-a', 'db')]);
    kubeconfig = new KubeconfigFile(sim.kubeconfig());
  });
  afterAll(async () => {
    ingestor?.provider.stop();
    kubeconfig.dispose();
    await sim.stop();
  });

  const requestsSince = (start: number) => sim.requests.slice(start);
  const isWatch = (r: { query: Record<string, string> }) => r.query.watch !== undefined;
  /** Waits until every default workload kind has a watch request open since `start`. */
  const watchesOpen = (start: number) =>
    waitFor('a watch of every workload kind', () =>
      WORKLOAD_PATHS.every(path => requestsSince(start).some(r => r.path === path && isWatch(r))),
    );
  /** Waits until the deltas since `from` add and remove at least as many refs as expected (possibly over several deltas). */
  const deltasBecome = (connection: RecordingConnection, from: number, added: string[], removed: string[]) =>
    waitFor(`deltas adding ${added} and removing ${removed}`, () => {
      const d = deltasSince(connection.mutations, from);
      return d.added.length >= added.length && d.removed.length >= removed.length && d;
    });

  it('turns changes into deltas with exactly what changed, and keeps delivering after a 410 re-list', async () => {
    const started = sim.requests.length;
    ingestor = await startIngestor(kubeconfig.path, {}, { watch: true, deltaDelayMs: 50 });
    const { connection } = ingestor;
    await ingestor.refresh();
    expect(connection.mutations).toHaveLength(1);
    await watchesOpen(started);

    // A Deployment added and another deleted; one in an excluded namespace must not show up.
    let mark = connection.mutations.length;
    sim.apply(deployment('kube-system', 'sneaky'));
    sim.apply(deployment('team-a', 'new'));
    sim.delete('apps/v1', 'Deployment', 'old', 'team-a');
    let delta = await deltasBecome(connection, mark, [ref('new')], [ref('old')]);
    expect(delta.added).toEqual([ref('new')]);
    expect(delta.removed).toEqual([ref('old')]);
    expect(connection.mutations.slice(mark).every(m => m.type === 'delta')).toBe(true);

    // A full sync afterwards agrees with what the deltas said, byte for byte.
    const addedByDelta = connection.mutations.slice(mark).flatMap(m => (m.type === 'delta' ? m.added : []))[0].entity;
    mark = connection.mutations.length;
    await ingestor.refresh();
    const full = fullEntities(connection.mutations);
    expect(full.map(e => stringifyEntityRef(e)).filter(r => r.startsWith('component:')).sort()).toEqual([ref('db'), ref('keep'), ref('new')]);
    expect(JSON.stringify(full.find(e => stringifyEntityRef(e) === ref('new')))).toBe(JSON.stringify(addedByDelta));

    // History compacted past every watch's resourceVersion, then the watches drop: each gets 410 and
    // re-lists. Synchronous, so no bookmark can move a watch forward in between.
    const beforeGone = sim.requests.length;
    sim.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'bump', namespace: 'team-a' }, data: { a: '1' } });
    sim.compact();
    sim.closeWatches();
    mark = connection.mutations.length;
    sim.apply(deployment('team-a', 'during-gap'));
    await waitFor('a re-list of Deployments after the 410', () =>
      requestsSince(beforeGone).some(r => r.path === '/apis/apps/v1/deployments' && !isWatch(r)),
    );
    delta = await deltasBecome(connection, mark, [ref('during-gap')], []);
    expect(delta).toMatchObject({ added: [ref('during-gap')], removed: [] });

    // And the watches that follow the re-list deliver further changes.
    await watchesOpen(beforeGone);
    mark = connection.mutations.length;
    sim.apply(deployment('team-a', 'after-resync'));
    sim.delete('apps/v1', 'Deployment', 'keep', 'team-a');
    delta = await deltasBecome(connection, mark, [ref('after-resync')], [ref('keep')]);
    expect(delta.added).toEqual([ref('after-resync')]);
    expect(delta.removed).toEqual([ref('keep')]);

    // The first workload of a namespace brings its System in the same delta; the last one takes it away.
    sim.apply(namespace('team-z'));
    mark = connection.mutations.length;
    sim.apply(deployment('team-z', 'lonely'));
    delta = await deltasBecome(connection, mark, ['component:watched/lonely.team-z', 'system:watched/team-z'], []);
    expect(delta).toMatchObject({ added: ['component:watched/lonely.team-z', 'system:watched/team-z'], removed: [] });
    mark = connection.mutations.length;
    sim.delete('apps/v1', 'Deployment', 'lonely', 'team-z');
    delta = await deltasBecome(connection, mark, [], ['component:watched/lonely.team-z', 'system:watched/team-z']);
    expect(delta).toMatchObject({ added: [], removed: ['component:watched/lonely.team-z', 'system:watched/team-z'] });
    expect(connection.mutations.filter(m => m.type === 'full')).toHaveLength(2);
    expect(ingestor.warnings()).toEqual([]);
    ingestor.provider.stop();
  });
});

describe('a full sync that overlaps watch events', () => {
  let sim: KubeSim;
  let kubeconfig: KubeconfigFile;
  let ingestor: Ingestor | undefined;
  beforeAll(async () => {
    sim = await KubeSim.start({ name: 'overlap' });
    sim.apply([namespace('team-a'), ...['a', 'b', 'c', 'd', 'e', 'f'].map(n => deployment('team-a', n))]);
    kubeconfig = new KubeconfigFile(sim.kubeconfig());
  });
  afterAll(async () => {
    ingestor?.provider.stop();
    kubeconfig.dispose();
    await sim.stop();
  });

  const overlapRef = (name: string) => `component:overlap/${name}.team-a`;

  it('does not undo changes the watch reported while the sync was still paging through an older snapshot', async () => {
    ingestor = await startIngestor(kubeconfig.path, {}, { watch: true, deltaDelayMs: 50 });
    const { connection } = ingestor;
    const started = sim.requests.length;
    await ingestor.refresh();
    await waitFor('a Deployment watch', () =>
      sim.requests.slice(started).some(r => r.path === '/apis/apps/v1/deployments' && r.query.watch !== undefined),
    );

    // Slow list pages (not the watch): the sync reads a consistent snapshot taken at its first page.
    sim.faults.add({ path: '^/apis/apps/v1/deployments$', watch: false, latencyMs: 1500 });
    const before = sim.requests.length;
    const mark = connection.mutations.length;
    const sync = ingestor.refresh();
    await waitFor('the sync to ask for the second page', () =>
      sim.requests.slice(before).some(r => r.path === '/apis/apps/v1/deployments' && r.query.continue !== undefined),
    );
    sim.apply(deployment('team-a', 'x'));
    sim.delete('apps/v1', 'Deployment', 'a', 'team-a');
    await waitFor('the watch’s delta', () => deltasSince(connection.mutations, mark).count > 0);
    await sync;
    sim.faults.clear();

    // One more, unrelated change: the delta it causes is computed from the state the provider now holds.
    const last = connection.mutations.length;
    sim.apply(deployment('team-a', 'y'));
    await waitFor('the delta for y', () => deltasSince(connection.mutations, last).added.includes(overlapRef('y')));

    const catalog = [...catalogAfter(connection.mutations).keys()].filter(r => r.startsWith('component:'));
    expect(catalog).toEqual(['b', 'c', 'd', 'e', 'f', 'x', 'y'].map(overlapRef));
  });
});
