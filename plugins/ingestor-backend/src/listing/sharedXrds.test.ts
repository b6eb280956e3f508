import { resolve } from 'node:path';
import { KubeSim } from '@internal/kube-sim';
import { connectionsFromKubeconfig } from '@kube-platform/plugin-kubernetes-node';
import { readDefinitions } from '../provider/definitions';
import { testConfig } from '../provider/testing';
import type { KubeObject } from '../types';
import { readCluster } from './readCluster';
import { SharedXrdReads } from './sharedXrds';

const DEMO = resolve(__dirname, '../../../../examples/cluster');

describe('SharedXrdReads', () => {
  it('reuses an answer (done or in flight) within the window, per cluster and version', async () => {
    let now = 0;
    const reads = new SharedXrdReads(1000, () => now);
    let loads = 0;
    const load = async (): Promise<KubeObject[]> => {
      loads++;
      return [{ metadata: { name: `xrd-${loads}` } }];
    };
    const [a, b] = await Promise.all([reads.read('east', 'v2', load), reads.read('east', 'v2', load)]);
    expect(a).toBe(b);
    await reads.read('west', 'v2', load);
    await reads.read('east', 'v1', load);
    expect(loads).toBe(3);
    now = 1000;
    expect((await reads.read('east', 'v2', load))[0].metadata.name).toBe('xrd-4');
  });

  it('does not share a failure', async () => {
    const reads = new SharedXrdReads(60_000);
    await expect(reads.read('east', 'v2', () => Promise.reject(new Error('503')))).rejects.toThrow('503');
    await expect(reads.read('east', 'v2', async () => [])).resolves.toEqual([]);
  });

  it('lets the workload and templates providers list a cluster\'s XRDs once between them', async () => {
    const sim = await KubeSim.start({ manifests: [DEMO] });
    try {
      const [conn] = connectionsFromKubeconfig({ yaml: sim.kubeconfig() });
      const config = testConfig();
      const reads = new SharedXrdReads();
      const before = sim.requests.length;
      const [reading, definitions] = await Promise.all([readCluster(conn, config, { xrdReads: reads }), readDefinitions(conn, config, undefined, reads)]);
      const xrdLists = sim.requests.slice(before).filter(r => /\/compositeresourcedefinitions$/.test(r.path));
      expect(xrdLists).toHaveLength(1);
      expect(reading.xrds?.length).toBeGreaterThan(0);
      expect(definitions.filter(d => d.object.kind === 'CompositeResourceDefinition')).toHaveLength(reading.xrds!.length);
    } finally {
      await sim.stop();
    }
  }, 30_000);
});
