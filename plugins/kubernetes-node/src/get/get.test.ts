import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { KubeSim } from '@internal/kube-sim';
import { connectionsFromKubeconfig } from '../connection/direct';
import { createHttpConnection } from '../connection/httpConnection';
import type { ResourceType } from '../types';
import { getObject, getSubresourceText } from './get';

const CONFIGMAPS: ResourceType = { group: '', version: 'v1', kind: 'ConfigMap', plural: 'configmaps', namespaced: true };
const PODS: ResourceType = { group: '', version: 'v1', kind: 'Pod', plural: 'pods', namespaced: true };

describe('getObject', () => {
  let sim: KubeSim;
  beforeAll(async () => {
    sim = await KubeSim.start();
    sim.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'hello', namespace: 'default' }, data: { a: '1' } });
  });
  afterAll(() => sim.stop());
  const conn = () => connectionsFromKubeconfig({ yaml: sim.kubeconfig() })[0];

  it('reads one object with apiVersion and kind, and answers undefined for a missing one', async () => {
    const cm = await getObject(conn(), CONFIGMAPS, 'hello', { namespace: 'default' });
    expect(cm).toMatchObject({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'hello' }, data: { a: '1' } });
    expect(await getObject(conn(), CONFIGMAPS, 'absent', { namespace: 'default' })).toBeUndefined();
  });

  it('refuses names that would change the path, and a namespaced kind without a namespace', async () => {
    await expect(getObject(conn(), CONFIGMAPS, '../secrets', { namespace: 'default' })).rejects.toThrow(/invalid name/);
    await expect(getObject(conn(), CONFIGMAPS, 'hello')).rejects.toThrow(/namespace is required/);
  });
});

describe('getSubresourceText', () => {
  it('reads a pod log as text, passing the query', async () => {
    const seen: Array<{ url?: string; accept?: string }> = [];
    const server = http.createServer((req, res) => {
      seen.push({ url: req.url, accept: req.headers.accept });
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('line 1\nline 2\n');
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
    try {
      const conn = createHttpConnection({
        name: 'logs',
        baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        requestOptions: async () => ({ headers: {}, agent: new http.Agent() }),
      });
      const text = await getSubresourceText(conn, PODS, 'api-0', 'log', { namespace: 'shop', query: { container: 'app', tailLines: '100' } });
      expect(text).toBe('line 1\nline 2\n');
      expect(seen).toEqual([{ url: '/api/v1/namespaces/shop/pods/api-0/log?container=app&tailLines=100', accept: 'text/plain, */*' }]);
    } finally {
      server.closeAllConnections();
      await new Promise(r => server.close(r));
    }
  });
});
