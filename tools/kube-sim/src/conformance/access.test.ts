import { KubeSim } from '..';
import { call } from './http';

describe('discovery, authentication and authorisation', () => {
  let sim: KubeSim;
  beforeAll(async () => {
    sim = await KubeSim.start({
      users: [
        { name: 'admin', token: 'admin-token' },
        { name: 'viewer', token: 'viewer-token', allow: [{ verbs: ['get', 'list', 'watch'] }], deny: [{ resources: ['secrets'] }] },
        { name: 'team-a', token: 'team-a-token', allow: [{ namespaces: ['team-a'] }] },
      ],
    });
  });
  afterAll(() => sim.stop());

  it('serves HTTPS with a certificate its own CA signed, and /version without a token', async () => {
    expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(sim.caPem).toContain('BEGIN CERTIFICATE');
    const res = await call(sim, 'GET', '/version', { token: null });
    expect(res.status).toBe(200);
    expect(res.json.gitVersion).toContain('kube-sim');
  });

  it('answers 401 with a Status body without a valid token', async () => {
    for (const token of [null, 'wrong']) {
      const res = await call(sim, 'GET', '/api/v1/namespaces', { token });
      expect(res.status).toBe(401);
      expect(res.json).toMatchObject({ kind: 'Status', code: 401, reason: 'Unauthorized' });
    }
  });

  it('answers 403 naming the user, verb, resource and scope for a forbidden request', async () => {
    const secrets = await call(sim, 'GET', '/api/v1/secrets', { token: 'viewer-token' });
    expect(secrets.status).toBe(403);
    expect(secrets.json.message).toBe('secrets is forbidden: User "viewer" cannot list resource "secrets" in API group "" at the cluster scope');
    const create = await call(sim, 'POST', '/api/v1/namespaces/default/configmaps', {
      token: 'viewer-token',
      body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } },
    });
    expect(create.status).toBe(403);
    expect((await call(sim, 'GET', '/apis/apps/v1/deployments', { token: 'viewer-token' })).status).toBe(200);

    expect((await call(sim, 'GET', '/api/v1/namespaces/team-a/configmaps', { token: 'team-a-token' })).status).toBe(200);
    const other = await call(sim, 'GET', '/api/v1/namespaces/team-b/configmaps', { token: 'team-a-token' });
    expect(other.status).toBe(403);
    expect(other.json.message).toContain('in the namespace "team-b"');
  });

  it('describes groups, versions and resources as a real server does', async () => {
    const core = await call(sim, 'GET', '/api');
    expect(core.json).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
    const groups = await call(sim, 'GET', '/apis');
    const apps = groups.json.groups.find((g: { name: string }) => g.name === 'apps');
    expect(apps).toEqual({ name: 'apps', versions: [{ groupVersion: 'apps/v1', version: 'v1' }], preferredVersion: { groupVersion: 'apps/v1', version: 'v1' } });
    const appsV1 = await call(sim, 'GET', '/apis/apps/v1');
    const deploy = appsV1.json.resources.find((r: { name: string }) => r.name === 'deployments');
    expect(deploy).toMatchObject({ singularName: 'deployment', namespaced: true, kind: 'Deployment', shortNames: ['deploy'], categories: ['all'] });
    expect(deploy.verbs).toEqual(expect.arrayContaining(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete']));
    expect(appsV1.json.resources.map((r: { name: string }) => r.name)).toContain('deployments/status');
    const v1 = await call(sim, 'GET', '/api/v1');
    expect(v1.json.resources.find((r: { name: string }) => r.name === 'namespaces').namespaced).toBe(false);
    expect((await call(sim, 'GET', '/apis/nope.example.org/v1')).status).toBe(404);
    expect((await call(sim, 'GET', '/apis/apps/v1/nopes')).status).toBe(404);
  });

  it('publishes an OpenAPI v2 document kubectl can decode', async () => {
    const res = await call(sim, 'GET', '/openapi/v2', { accept: 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/com.github.proto-openapi.spec.v2.v1.0+protobuf');
    // Field 1 (swagger), length 3, "2.0".
    expect(Buffer.from(res.text, 'latin1').subarray(0, 5).toString('latin1')).toBe('\n\u00032.0');
  });
});

describe('fault injection', () => {
  let sim: KubeSim;
  beforeEach(async () => {
    sim = await KubeSim.start({ tls: false });
  });
  afterEach(() => sim.stop());

  it('fails an exact share of matching requests with the given status', async () => {
    sim.faults.add({ path: '/configmaps$', status: 503, share: 0.5 });
    const responses = [];
    for (let i = 0; i < 6; i++) responses.push(await call(sim, 'GET', '/api/v1/configmaps'));
    expect(responses.map(r => r.status)).toEqual([200, 503, 200, 503, 200, 503]);
    expect(responses[1].json).toMatchObject({ kind: 'Status', reason: 'ServiceUnavailable', code: 503 });
    expect(responses[1].headers['retry-after']).toBe('1');
    const other = await call(sim, 'GET', '/api/v1/secrets');
    expect(other.status).toBe(200);
  });

  it('adds latency and stops after a number of hits', async () => {
    sim.faults.add({ method: 'GET', latencyMs: 150, times: 1 });
    let t = Date.now();
    await call(sim, 'GET', '/api/v1/namespaces');
    expect(Date.now() - t).toBeGreaterThanOrEqual(140);
    t = Date.now();
    await call(sim, 'GET', '/api/v1/namespaces');
    expect(Date.now() - t).toBeLessThan(140);
  });

  it('drops the connection in the middle of a list', async () => {
    sim.faults.add({ path: '/namespaces$', dropAfterBytes: 40, times: 1 });
    await expect(call(sim, 'GET', '/api/v1/namespaces')).rejects.toThrow();
    expect((await call(sim, 'GET', '/api/v1/namespaces')).status).toBe(200);
  });

  it('refuses every connection while unavailable, and recovers', async () => {
    sim.setUnavailable(true);
    await expect(call(sim, 'GET', '/api/v1/namespaces')).rejects.toThrow();
    sim.setUnavailable(false);
    expect((await call(sim, 'GET', '/api/v1/namespaces')).status).toBe(200);
  });

  it('hangs a request until the client gives up', async () => {
    sim.faults.add({ path: '/namespaces$', hang: true });
    const outcome = await Promise.race([
      call(sim, 'GET', '/api/v1/namespaces').then(() => 'answered'),
      new Promise(r => setTimeout(() => r('still waiting'), 300)),
    ]);
    expect(outcome).toBe('still waiting');
  });

  it('records what clients asked', async () => {
    await call(sim, 'GET', `/api/v1/configmaps?limit=5&fieldSelector=${encodeURIComponent('metadata.namespace!=kube-system')}`);
    expect(sim.requests.at(-1)).toEqual({
      method: 'GET',
      path: '/api/v1/configmaps',
      query: { limit: '5', fieldSelector: 'metadata.namespace!=kube-system' },
    });
  });
});
