import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeSimFleet } from '@internal/kube-sim';
import type { IngestorConfig } from '../config/types';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mockServices } from '@backstage/backend-test-utils';
import type { ProxyCluster } from '@kube-platform/plugin-kubernetes-node';
import { createClusterConnections, userTokenClustersWarning } from './connections';

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

  it("leaves out proxy clusters that need the user's own token, reporting them once per call", async () => {
    const server = http.createServer((_req, res) => {
      const items = [
        { name: 'sa', authProvider: 'serviceAccount' },
        { name: 'okta', authProvider: 'oidc', oidcTokenProvider: 'okta' },
        { name: 'gke', authProvider: 'google' },
        { name: 'eks', authProvider: 'aws' },
      ];
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ items }));
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
    try {
      const port = (server.address() as AddressInfo).port;
      const services = {
        discovery: mockServices.discovery.mock({ getBaseUrl: async (id: string) => `http://127.0.0.1:${port}/api/${id}` }),
        auth: mockServices.auth({ pluginId: 'catalog' }),
      };
      const skipped: ProxyCluster[][] = [];
      const conns = await createClusterConnections(clusters({ source: 'proxy' }), services, { onUserTokenClusters: c => skipped.push(c) });
      expect(conns.map(c => c.name)).toEqual(['sa', 'eks']);
      expect(skipped.map(list => list.map(c => c.name))).toEqual([['okta', 'gke']]);
      const warning = userTokenClustersWarning(skipped[0]);
      expect(warning).toContain('okta (oidc), gke (google)');
      expect(warning).toMatch(/serviceAccount.*aws, azure, googleServiceAccount.*source: direct/);

      const allowed = await createClusterConnections(clusters({ source: 'proxy', allowedClusterNames: ['sa'] }), services, { onUserTokenClusters: c => skipped.push(c) });
      expect(allowed.map(c => c.name)).toEqual(['sa']);
      expect(skipped).toHaveLength(1);
    } finally {
      server.closeAllConnections();
      await new Promise(r => server.close(r));
    }
  });
});
