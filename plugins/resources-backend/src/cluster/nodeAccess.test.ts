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
  let refuseDiscovery = false;
  const server = http.createServer((req, res) => {
    seen.push({ url: req.url, headers: req.headers });
    if (refuseDiscovery && req.url === '/api/kubernetes/proxy/apis') {
      res.writeHead(403, { 'Content-Type': 'application/json' }).end(JSON.stringify({ kind: 'Status', code: 403 }));
      return;
    }
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

  it('reuses discovery for the same caller only, reads every object with the current request, and forgets a failed discovery', async () => {
    const access = createClusterAccess(
      { source: 'proxy', direct: [], requestTimeoutMs: 5000, maxConcurrentRequests: 4 },
      { discovery: { getBaseUrl: async () => base, getExternalBaseUrl: async () => base }, auth: mockServices.auth() },
    );
    const isDiscovery = (url?: string) => /^\/api\/kubernetes\/proxy\/(api|apis|api\/v1)$/.test(url ?? '');
    const treeOf = async (user: string, headers?: Record<string, string>) => {
      seen.length = 0;
      const reader = await access.reader('ops', { credentials: mockCredentials.user(user), ...(headers ? { clusterAuthHeaders: headers } : {}) });
      const kind = await reader!.resolve('v1', 'ConfigMap').catch(() => undefined);
      const object = kind ? await reader!.get(kind, 'shop', 'settings') : undefined;
      return { kind, object, discovery: seen.filter(r => isDiscovery(r.url)), reads: seen.filter(r => !isDiscovery(r.url) && r.url !== '/api/kubernetes/clusters') };
    };

    const first = await treeOf('user:default/alice');
    const settings = { metadata: { name: 'settings' } };
    expect(first.object).toMatchObject(settings);
    expect(first.discovery.map(r => r.url).sort()).toEqual(['/api/kubernetes/proxy/api', '/api/kubernetes/proxy/api/v1', '/api/kubernetes/proxy/apis']);
    const again = await treeOf('user:default/alice');
    expect(again.object).toMatchObject(settings);
    expect(again.discovery).toEqual([]);
    expect(again.reads.map(r => r.headers.authorization)).toEqual([expect.stringContaining('user:default/alice')]);
    // Another caller, or the same one with other cluster credentials, reads discovery as themselves.
    const bob = await treeOf('user:default/bob');
    expect(bob.object).toMatchObject(settings);
    expect(bob.discovery).toHaveLength(3);
    for (const r of [...bob.discovery, ...bob.reads]) expect(r.headers.authorization).toContain('user:default/bob');
    const aliceElsewhere = await treeOf('user:default/alice', { 'backstage-kubernetes-authorization-oidc-okta': 'Bearer other' });
    expect(aliceElsewhere.object).toMatchObject(settings);
    expect(aliceElsewhere.discovery).toHaveLength(3);

    refuseDiscovery = true;
    expect((await treeOf('user:default/carol')).kind).toBeUndefined();
    refuseDiscovery = false;
    const retried = await treeOf('user:default/carol');
    expect(retried.kind).toBeDefined();
    expect(retried.discovery.length).toBeGreaterThan(0);
  });
});
