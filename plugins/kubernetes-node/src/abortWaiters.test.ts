import { getEventListeners } from 'node:events';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { whenAborted } from './abortWaiters';
import { createHttpConnection } from './connection/httpConnection';
import { sleep } from './retry';

describe('one signal shared by many requests', () => {
  let server: http.Server;
  let baseUrl = '';
  beforeAll(async () => {
    // Answers only after a while, so every request is in flight at once.
    server = http.createServer((_req, res) => {
      setTimeout(() => res.end('{"items":[]}'), 300);
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise(resolve => server.close(resolve)));

  const connection = () =>
    createHttpConnection({ name: 'c1', baseUrl, requestOptions: async () => ({ headers: {}, agent: new http.Agent({ keepAlive: true, maxSockets: 64 }) }) });

  // Node warns of a possible leak past 10 listeners on one signal.
  it('adds one abort listener to the signal for dozens of requests, watches and backoffs in flight, and aborts them all', async () => {
    const conn = connection();
    const ctl = new AbortController();
    const requests = Array.from({ length: 40 }, (_, i) => conn.getJson(`/r/${i}`, {}, { signal: ctl.signal }).then(() => 'done', (e: { failure?: string }) => e.failure));
    const sleeps = Array.from({ length: 20 }, () => sleep(60_000, ctl.signal).then(() => 'woke'));
    const watches = Array.from({ length: 20 }, (_, i) => conn.watch(`/w/${i}`, { watch: '1' }, () => {}, { signal: ctl.signal }).then(() => 'stopped'));
    await new Promise(resolve => setTimeout(resolve, 100));
    expect(getEventListeners(ctl.signal, 'abort')).toHaveLength(1);
    ctl.abort();
    expect(await Promise.all(requests)).toEqual(Array(40).fill('aborted'));
    expect(await Promise.all(sleeps)).toEqual(Array(20).fill('woke'));
    expect(await Promise.all(watches)).toEqual(Array(20).fill('stopped'));
  });

  it('lets finished requests stop waiting, so a long-lived signal calls back only those still waiting', async () => {
    const ctl = new AbortController();
    const called: string[] = [];
    const stopA = whenAborted(ctl.signal, () => called.push('a'));
    whenAborted(ctl.signal, () => called.push('b'));
    stopA();
    const conn = connection();
    await expect(conn.getJson('/done', {}, { signal: ctl.signal })).resolves.toEqual({ items: [] });
    ctl.abort();
    expect(called).toEqual(['b']);
  });
});
