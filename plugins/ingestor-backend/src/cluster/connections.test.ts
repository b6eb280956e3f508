import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeSimFleet } from '@internal/kube-sim';
import type { IngestorConfig } from '../config/types';
import { createClusterConnections } from './connections';

const clusters = (over: Partial<IngestorConfig['clusters']>): IngestorConfig['clusters'] => ({
  source: 'direct',
  direct: [],
  requestTimeoutMs: 5000,
  concurrency: 4,
  pageSize: 100,
  ...over,
});

describe('createClusterConnections', () => {
  let fleet: KubeSimFleet;
  let dir: string;
  let kubeconfig: string;
  beforeAll(async () => {
    fleet = await KubeSimFleet.start(2);
    dir = mkdtempSync(join(tmpdir(), 'ingestor-connections-'));
    kubeconfig = fleet.writeKubeconfig(join(dir, 'config'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await fleet.stop();
  });

  it('combines kubeconfig contexts and direct entries, filtered by allowedClusterNames', async () => {
    const [, second] = fleet.clusters;
    const conns = await createClusterConnections(
      clusters({
        kubeconfig,
        contexts: ['kube-sim-1'],
        direct: [{ name: 'second-direct', url: second.url, token: second.adminToken, caData: second.caPem }, { name: 'skipped', url: 'https://x' }],
        allowedClusterNames: ['kube-sim-1', 'second-direct'],
      }),
    );
    expect(conns.map(c => c.name)).toEqual(['kube-sim-1', 'second-direct']);
    await Promise.all(conns.map(c => c.getJson('/api/v1/namespaces', {}, {})));
  });

  it('refuses duplicate cluster names and a proxy source without services', async () => {
    await expect(createClusterConnections(clusters({ kubeconfig, direct: [{ name: 'kube-sim-2', url: 'https://x' }] }))).rejects.toThrow(/kube-sim-2 appears more than once/);
    await expect(createClusterConnections(clusters({ source: 'proxy' }))).rejects.toThrow(/proxy/);
  });
});
