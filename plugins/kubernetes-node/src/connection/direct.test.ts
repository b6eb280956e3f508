import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeSim, KubeSimFleet } from '@internal/kube-sim';
import type { KubeObject } from '../types';
import { connectionsFromDirectConfig, connectionsFromKubeconfig } from './direct';
import { KubeRequestError } from '../errors';

interface List {
  items: KubeObject[];
}

async function failure(p: Promise<unknown>): Promise<KubeRequestError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(KubeRequestError);
    return err as KubeRequestError;
  }
  throw new Error('expected the request to fail');
}

describe('direct cluster access', () => {
  const token = 'tok-direct-0123456789abcdef';
  const limitedToken = 'tok-limited-0123456789abcdef';
  let sim: KubeSim;
  beforeAll(async () => {
    sim = await KubeSim.start({
      name: 'alpha',
      users: [
        { name: 'admin', token },
        { name: 'limited', token: limitedToken, deny: [{ resources: ['secrets'] }] },
      ],
    });
    sim.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'hello', namespace: 'default' }, data: { a: '1' } });
  });
  afterAll(() => sim.stop());

  it('reads through the kubeconfig the server wrote (HTTPS with its CA, bearer token)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ingestor-kubeconfig-'));
    try {
      const [conn, ...rest] = connectionsFromKubeconfig({ path: sim.writeKubeconfig(join(dir, 'config')) });
      expect(rest).toEqual([]);
      expect(conn.name).toBe('alpha');
      const list = await conn.getJson<List>('/api/v1/namespaces/default/configmaps', {}, {});
      expect(list.items.map(i => i.metadata.name)).toContain('hello');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads from url + token + caData, as PEM or base64', async () => {
    const pem = sim.caPem!;
    const conns = connectionsFromDirectConfig([
      { name: 'pem', url: sim.url, token, caData: pem },
      { name: 'b64', url: sim.url, token, caData: Buffer.from(pem).toString('base64') },
    ]);
    for (const conn of conns) {
      const cm = await conn.getJson<KubeObject>('/api/v1/namespaces/default/configmaps/hello', {}, {});
      expect(cm.data).toEqual({ a: '1' });
    }
  });

  it('refuses a server whose certificate the CA did not sign', async () => {
    const other = await KubeSim.start();
    try {
      const [conn] = connectionsFromDirectConfig([{ name: 'wrong-ca', url: sim.url, token, caData: other.caPem }]);
      const err = await failure(conn.getJson('/api/v1/namespaces', {}, {}));
      expect(err.failure).toBe('network');
    } finally {
      await other.stop();
    }
  });

  it('never puts the token in an error: 401, 403 and a refused connection', async () => {
    const wrong = 'tok-wrong-fedcba9876543210';
    const [bad] = connectionsFromDirectConfig([{ name: 'alpha', url: sim.url, token: wrong, caData: sim.caPem }]);
    const unauthorized = await failure(bad.getJson('/api/v1/namespaces', {}, {}));
    expect(unauthorized).toMatchObject({ status: 401, reason: 'Unauthorized', cluster: 'alpha', failure: 'http' });
    expect(unauthorized.message).toContain('alpha');
    expect(unauthorized.message).toContain('/api/v1/namespaces');
    expect(unauthorized.message).not.toContain(wrong);

    const [limited] = connectionsFromDirectConfig([{ name: 'alpha', url: sim.url, token: limitedToken, caData: sim.caPem }]);
    const forbidden = await failure(limited.getJson('/api/v1/secrets', {}, {}));
    expect(forbidden).toMatchObject({ status: 403, reason: 'Forbidden' });
    expect(forbidden.message).toContain('User "limited" cannot list');
    expect(forbidden.message).not.toContain(limitedToken);

    const [good] = connectionsFromKubeconfig({ yaml: sim.kubeconfig() });
    sim.setUnavailable(true);
    try {
      const refused = await failure(good.getJson('/api/v1/namespaces', {}, {}));
      expect(refused.status).toBeUndefined();
      expect(refused.failure).toBe('network');
      expect(refused.message).toContain('alpha');
      expect(refused.message).not.toContain(token);
    } finally {
      sim.setUnavailable(false);
    }
  });

  it('reports a timeout and an abort as such', async () => {
    const [conn] = connectionsFromKubeconfig({ yaml: sim.kubeconfig() });
    const remove = sim.faults.add({ path: '/configmaps$', hang: true });
    try {
      const timedOut = await failure(conn.getJson('/api/v1/configmaps', {}, { timeoutMs: 150 }));
      expect(timedOut).toMatchObject({ failure: 'timeout', status: undefined });
      const ctl = new AbortController();
      const pending = conn.getJson('/api/v1/configmaps', {}, { signal: ctl.signal });
      setTimeout(() => ctl.abort(), 50);
      expect(await failure(pending)).toMatchObject({ failure: 'aborted' });
    } finally {
      remove();
    }
  });

  it('carries the Status reason of an error answer', async () => {
    const [conn] = connectionsFromKubeconfig({ yaml: sim.kubeconfig() });
    const err = await failure(conn.getJson('/api/v1/namespaces/default/configmaps/missing', {}, {}));
    expect(err).toMatchObject({ status: 404, reason: 'NotFound' });
  });
});

describe('kubeconfig contexts', () => {
  let fleet: KubeSimFleet;
  beforeAll(async () => {
    fleet = await KubeSimFleet.start(3);
  });
  afterAll(() => fleet.stop());

  it('reads every context when none are named, each against its own server', async () => {
    const conns = connectionsFromKubeconfig({ yaml: fleet.kubeconfig() });
    expect(conns.map(c => c.name)).toEqual(['kube-sim-1', 'kube-sim-2', 'kube-sim-3']);
    fleet.clusters[1].apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'only-on-two' } });
    const names = await Promise.all(
      conns.map(async c => (await c.getJson<List>('/api/v1/namespaces', {}, {})).items.map(n => n.metadata.name)),
    );
    expect(names.map(n => n.includes('only-on-two'))).toEqual([false, true, false]);
  });

  it('applies the context list and allowedClusterNames', () => {
    const yaml = fleet.kubeconfig();
    expect(connectionsFromKubeconfig({ yaml, contexts: ['kube-sim-3', 'kube-sim-1'] }).map(c => c.name)).toEqual(['kube-sim-3', 'kube-sim-1']);
    expect(connectionsFromKubeconfig({ yaml, allowedClusterNames: ['kube-sim-2'] }).map(c => c.name)).toEqual(['kube-sim-2']);
    expect(connectionsFromDirectConfig([{ name: 'x', url: 'https://x' }, { name: 'y', url: 'https://y' }], ['y']).map(c => c.name)).toEqual(['y']);
    expect(() => connectionsFromKubeconfig({ yaml, contexts: ['nope'] })).toThrow(/nope/);
  });
});
