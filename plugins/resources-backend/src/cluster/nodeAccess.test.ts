import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { createClusterAccess } from './nodeAccess';

describe('createClusterAccess through the kubernetes-backend proxy', () => {
  const seen: Array<{ url?: string; headers: http.IncomingHttpHeaders }> = [];
  const answers: Record<string, unknown> = {
    '/api/kubernetes/proxy/api': { versions: ['v1'] },
    '/api/kubernetes/proxy/apis': { groups: [] },
    '/api/kubernetes/proxy/api/v1': { resources: [{ name: 'configmaps', kind: 'ConfigMap', namespaced: true, verbs: ['get', 'list'] }] },
    '/api/kubernetes/proxy/api/v1/namespaces/shop/configmaps/settings': { metadata: { name: 'settings', namespace: 'shop' }, data: { a: '1' } },
    '/api/kubernetes/clusters': { items: [{ name: 'prod', authProvider: 'oidc', oidcTokenProvider: 'okta' }, { name: 'ops', authProvider: 'serviceAccount' }] },
  };
  const server = http.createServer((req, res) => {
    seen.push({ url: req.url, headers: req.headers });
    const body = answers[(req.url ?? '').split('?')[0]];
    if (body) res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    else res.writeHead(404, { 'Content-Type': 'application/json' }).end(JSON.stringify({ kind: 'Status', code: 404 }));
  });
  let base: string;
  beforeAll(async () => {
    await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/kubernetes`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise(r => server.close(r));
  });

  it("says why a cluster that needs the user's own token cannot be read when the request carries none, before any cluster read", async () => {
    const access = createClusterAccess(
      { source: 'proxy', direct: [], requestTimeoutMs: 5000, maxConcurrentRequests: 4 },
      { discovery: { getBaseUrl: async () => base, getExternalBaseUrl: async () => base }, auth: mockServices.auth() },
    );
    seen.length = 0;
    await expect(access.reader('prod', { credentials: mockCredentials.user() })).rejects.toThrow(
      /cluster prod authenticates with the signed-in user's own oidc token, which this request did not carry; give the cluster a service account/,
    );
    expect(seen.map(r => r.url)).toEqual(['/api/kubernetes/clusters']);
    // A service-account cluster is read as before.
    expect(await access.reader('ops', { credentials: mockCredentials.user() })).toBeDefined();
  });

  it('reads as the caller: their identity in the token, their cluster credentials forwarded, the cluster named in a header', async () => {
    const access = createClusterAccess(
      { source: 'proxy', direct: [], requestTimeoutMs: 5000, maxConcurrentRequests: 4, allowedClusterNames: ['prod'] },
      { discovery: { getBaseUrl: async () => base, getExternalBaseUrl: async () => base }, auth: mockServices.auth() },
    );
    seen.length = 0;
    expect(await access.reader('staging', { credentials: mockCredentials.user() })).toBeUndefined();
    const reader = await access.reader('prod', {
      credentials: mockCredentials.user('user:default/alice'),
      clusterAuthHeaders: { 'backstage-kubernetes-authorization-oidc-okta': 'Bearer alice-cluster-token' },
    });
    const kind = await reader!.resolve('v1', 'ConfigMap');
    expect(kind).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', plural: 'configmaps', namespaced: true });
    expect(await reader!.get(kind!, 'shop', 'settings')).toMatchObject({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' } });
    expect(await reader!.get(kind!, 'shop', 'absent')).toBeUndefined();
    expect(seen.length).toBeGreaterThanOrEqual(4);
    for (const req of seen) {
      expect(req.headers['backstage-kubernetes-cluster']).toBe('prod');
      expect(req.headers['backstage-kubernetes-authorization-oidc-okta']).toBe('Bearer alice-cluster-token');
      expect(req.headers.authorization).toContain('user:default/alice');
    }
  });
});
