import { mockServices } from '@backstage/backend-test-utils';
import { KubeSim } from '@internal/kube-sim';
import { connectionsFromKubeconfig, type KubeObject } from '@kube-platform/plugin-kubernetes-node';
import type { SourceKind } from '../types';
import { kindWatcher } from './sources';
import { testConfig } from './testing';

const DEPLOYMENTS: SourceKind = { group: 'apps', version: 'v1', kind: 'Deployment', plural: 'deployments', namespaced: true, role: 'workload', defaultType: 'service' };
const deployment = (namespace: string, name: string) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace }, spec: {} });

async function until(probe: () => boolean, what: () => unknown, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`condition not met in time: ${JSON.stringify(what())}`);
    await new Promise(r => setTimeout(r, 50));
  }
}

describe('kindWatcher', () => {
  let sim: KubeSim;
  beforeAll(async () => {
    sim = await KubeSim.start();
    for (const ns of ['team-a', 'team-b', 'kube-system']) sim.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  });
  afterAll(() => sim.stop());

  it('keeps events and 410 re-lists inside the namespace scope the listing uses', async () => {
    const config = testConfig({ components: { includedNamespaces: ['team-a', 'kube-system'] } });
    const watch = kindWatcher(config, mockServices.logger.mock());
    const events: string[] = [];
    const resyncs: string[][] = [];
    const ctl = new AbortController();
    const [conn] = connectionsFromKubeconfig({ yaml: sim.kubeconfig() });
    const state = () => ({ events, resyncs });
    const label = (o: KubeObject) => `${o.metadata.namespace}/${o.metadata.name}`;
    watch(conn, DEPLOYMENTS, { onEvent: (type, o) => events.push(`${type} ${label(o)}`), onResync: objects => resyncs.push(objects.map(label).sort()) }, ctl.signal);
    try {
      await until(() => resyncs.length === 1, state);
      for (const ns of ['team-a', 'team-b', 'kube-system']) sim.apply(deployment(ns, 'web'));
      await until(() => events.length >= 1, state);
      // A later event in scope proves the out-of-scope ones before it were dropped, not merely late.
      sim.apply(deployment('team-a', 'api'));
      await until(() => events.includes('ADDED team-a/api'), state);
      expect(events).toEqual(['ADDED team-a/web', 'ADDED team-a/api']);

      // A change the watch never sees (kube-system is excluded on the server), then history forgotten:
      // the reconnect's resourceVersion is too old, the server answers 410, and the watch re-lists.
      sim.apply(deployment('kube-system', 'dns'));
      sim.compact();
      sim.closeWatches();
      await until(() => resyncs.length === 2, state);
      expect(resyncs[1]).toEqual(['team-a/api', 'team-a/web']);
    } finally {
      ctl.abort();
    }
  }, 30_000);
});
