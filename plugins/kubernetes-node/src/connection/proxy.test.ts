import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { KubeSim } from '@internal/kube-sim';
import type { KubeObject } from '../types';
import { createApiIndex } from '../discovery/apiIndex';
import { resolveKind } from '../discovery/resolveKind';
import { KubeRequestError } from '../errors';
import { CLUSTER_HEADER, clusterAuthHeaders, createProxyConnection, listProxyClusters, proxyConnections, requiresUserToken } from './proxy';

const DEMO = resolve(__dirname, '../../../../examples/cluster');

/**
 * Stands in for @backstage/plugin-kubernetes-backend: `GET /clusters` answers `{ items: [{ name, … }] }`
 * and `/proxy/*` forwards to the cluster the header names, with that cluster's own credentials, after
 * checking the caller's Backstage service token.
 */
async function startFakeKubernetesBackend(sims: Record<string, KubeSim>, authProviders: Record<string, string> = {}) {
  const kubernetesAuth = mockServices.auth({ pluginId: 'kubernetes' });
  const seen: Array<{ path: string; cluster?: string }> = [];
  const callers: Array<{ principal: unknown; clusterAuth: Record<string, string> }> = [];
  const server = http.createServer(async (req, res) => {
    const url = req.url ?? '/';
    const cluster = req.headers[CLUSTER_HEADER.toLowerCase()] as string | undefined;
    seen.push({ path: url, cluster });
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    try {
      const credentials = await kubernetesAuth.authenticate(token);
      callers.push({ principal: credentials.principal, clusterAuth: clusterAuthHeaders(req.headers) });
    } catch {
      res.writeHead(401, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: { name: 'AuthenticationError' } }));
      return;
    }
    if (url === '/api/kubernetes/clusters') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ items: Object.keys(sims).map(name => ({ name, title: name, authProvider: authProviders[name] ?? 'serviceAccount' })) }));
      return;
    }
    const sim = cluster ? sims[cluster] : undefined;
    if (!url.startsWith('/api/kubernetes/proxy/') || !sim) {
      res.writeHead(400, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: { message: 'cluster header missing or unknown' } }));
      return;
    }
    const upstream = https.request(`${sim.url}${url.slice('/api/kubernetes/proxy'.length)}`, {
      ca: sim.caPem,
      headers: { Authorization: `Bearer ${sim.adminToken}`, Accept: 'application/json' },
    });
    upstream.on('response', up => {
      res.writeHead(up.statusCode ?? 502, { 'Content-Type': 'application/json' });
      up.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.on('close', () => upstream.destroy());
    upstream.end();
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/kubernetes`;
  return {
    base,
    seen,
    callers,
    discovery: mockServices.discovery.mock({ getBaseUrl: async (pluginId: string) => `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/${pluginId}` }),
    stop: () =>
      new Promise<void>(r => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

describe('access through the kubernetes-backend proxy', () => {
  let east: KubeSim;
  let west: KubeSim;
  let backend: Awaited<ReturnType<typeof startFakeKubernetesBackend>>;
  beforeAll(async () => {
    east = await KubeSim.start({ name: 'east', manifests: [DEMO] });
    west = await KubeSim.start({ name: 'west' });
    backend = await startFakeKubernetesBackend({ east, west }, { west: 'oidc' });
  });
  afterAll(async () => {
    await backend.stop();
    await Promise.all([east.stop(), west.stop()]);
  });

  it("lists the backend's clusters and reads each through /proxy with its header", async () => {
    const conns = await proxyConnections({ discovery: backend.discovery, auth: mockServices.auth({ pluginId: 'catalog' }) });
    expect(conns.map(c => c.name)).toEqual(['east', 'west']);
    const counts = await Promise.all(
      conns.map(async c => (await c.getJson<{ items: KubeObject[] }>('/apis/apps/v1/deployments', {}, {})).items.length),
    );
    expect(counts).toEqual([22, 0]);
    expect(backend.seen).toContainEqual({ path: '/api/kubernetes/proxy/apis/apps/v1/deployments', cluster: 'west' });
    expect(backend.discovery.getBaseUrl).toHaveBeenCalledWith('kubernetes');
  });

  it('resolves kinds through the proxy like a direct connection', async () => {
    const [conn] = await proxyConnections({ discovery: backend.discovery, auth: mockServices.auth({ pluginId: 'catalog' }), allowedClusterNames: ['east'] });
    const api = createApiIndex(conn);
    const resolved = await Promise.all([
      resolveKind(api, { group: 'apps', kind: 'StatefulSet' }),
      resolveKind(api, { group: 'database.example.org', kind: 'PostgreSQLInstance' }),
      resolveKind(api, { group: 'apps', kind: 'Octopus' }),
    ]);
    expect(resolved.map(r => (r.ok ? `${r.resource.kind} ${r.resource.plural} ${r.resource.namespaced}` : r.reason))).toEqual([
      'StatefulSet statefulsets true',
      'PostgreSQLInstance postgresqlinstances true',
      'kind Octopus is not served in API group apps (versions v1)',
    ]);
  });

  it('applies allowedClusterNames', async () => {
    const conns = await proxyConnections({ discovery: backend.discovery, auth: mockServices.auth({ pluginId: 'catalog' }), allowedClusterNames: ['west', 'elsewhere'] });
    expect(conns.map(c => c.name)).toEqual(['west']);
  });

  it('streams watches through the proxy', async () => {
    const [conn] = await proxyConnections({ discovery: backend.discovery, auth: mockServices.auth({ pluginId: 'catalog' }), allowedClusterNames: ['west'] });
    const ctl = new AbortController();
    const names: string[] = [];
    const done = conn.watch('/api/v1/namespaces', { watch: '1' }, e => {
      names.push(e.object.metadata.name ?? '');
      if (names.includes('fresh')) ctl.abort();
    }, { signal: ctl.signal });
    west.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'fresh' } });
    await done;
    expect(names).toContain('fresh');
  });

  it('reports a refused service token as a 401 without the token', async () => {
    const auth = mockServices.auth.mock({
      getOwnServiceCredentials: async () => ({ $$type: '@backstage/BackstageCredentials', principal: { type: 'service', subject: 'plugin:catalog' } }),
      getPluginRequestToken: async () => ({ token: 'not-a-valid-token-1234' }),
    });
    const err = await proxyConnections({ discovery: backend.discovery, auth }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KubeRequestError);
    expect(err).toMatchObject({ status: 401 });
    expect((err as Error).message).not.toContain('not-a-valid-token-1234');
  });

  it("reports each cluster's auth provider, and which ones need the user's own token", async () => {
    const clusters = await listProxyClusters({ discovery: backend.discovery, auth: mockServices.auth({ pluginId: 'catalog' }) });
    expect(clusters).toEqual([
      { name: 'east', title: 'east', authProvider: 'serviceAccount' },
      { name: 'west', title: 'west', authProvider: 'oidc' },
    ]);
    expect(clusters.map(requiresUserToken)).toEqual([false, true]);
  });

  it("acts with a user's identity and forwards the user's cluster credentials to the proxy only", async () => {
    const user = mockCredentials.user('user:default/alice');
    const incoming = {
      'backstage-kubernetes-authorization-oidc-okta': 'user-cluster-token-123456',
      'backstage-kubernetes-authorization-x': 'bad\r\nInjected: 1',
      cookie: 'session=abc',
    };
    const conn = await createProxyConnection({
      discovery: backend.discovery,
      auth: mockServices.auth({ pluginId: 'resources' }),
      credentials: user,
      clusterAuthHeaders: clusterAuthHeaders(incoming),
      cluster: 'east',
    });
    const before = backend.callers.length;
    await conn.getJson('/api/v1/namespaces', {}, {});
    const [call] = backend.callers.slice(before);
    expect(call.principal).toMatchObject({ type: 'user', userEntityRef: 'user:default/alice' });
    expect(call.clusterAuth).toEqual({ 'backstage-kubernetes-authorization-oidc-okta': 'user-cluster-token-123456' });
  });
});
