import * as http from 'node:http';
import * as https from 'node:https';
import type { ClusterConnection, KubeQuery, ListAnswer, RequestOptions, WatchEvent } from './ClusterConnection';
import { whenAborted } from '../abortWaiters';
import { errorMessage, KubeRequestError, type KubeRequestErrorInit } from '../errors';
import { readAll, readBytes, readLines, statusFailure } from './httpResponse';
import { ListBodyError, parseListBody } from './listBody';

/**
 * Headers and the (keep-alive) agent for one request; the agent carries TLS material.
 *
 * @public
 */
export interface HttpRequestOptions {
  headers: Record<string, string>;
  agent: http.Agent;
}

/**
 * What {@link createHttpConnection} needs: where to send requests and how to authenticate them.
 *
 * @public
 */
export interface HttpConnectionOptions {
  name: string;
  /** API server root, or a proxy prefix such as `http://backstage/api/kubernetes/proxy`. */
  baseUrl: string;
  /** Asked before every request, so rotating credentials (exec plugins, service tokens) stay fresh. */
  requestOptions: () => Promise<HttpRequestOptions>;
}

interface Sent {
  res: http.IncomingMessage;
  secrets: string[];
}

/**
 * A {@link ClusterConnection} over Node's `http`/`https`; the only place that speaks HTTP to a cluster.
 *
 * @public
 */
export function createHttpConnection(options: HttpConnectionOptions): ClusterConnection {
  const base = options.baseUrl.replace(/\/+$/, '');
  const transport = base.startsWith('https:') ? https : http;
  const name = options.name;

  const fail = (path: string, init: Omit<KubeRequestErrorInit, 'cluster' | 'path'>, secrets: string[]) =>
    new KubeRequestError({ cluster: name, path, ...init, detail: init.detail && redact(init.detail, secrets) });

  async function send(path: string, query: KubeQuery, signal: AbortSignal, accept = 'application/json'): Promise<Sent> {
    let prepared: HttpRequestOptions;
    try {
      prepared = await options.requestOptions();
    } catch (err) {
      throw fail(path, { failure: 'network', detail: `cannot prepare the request: ${errorMessage(err)}` }, []);
    }
    const { headers, agent } = prepared;
    const secrets = secretsOf(headers);
    const url = `${base}${path}${queryString(query)}`;
    return new Promise<Sent>((resolve, reject) => {
      const req = transport.request(url, { method: 'GET', agent, headers: { Accept: accept, ...headers } });
      const onAbort = () => req.destroy(new Error('aborted'));
      if (signal.aborted) onAbort();
      req.on('close', whenAborted(signal, onAbort));
      req.on('error', err => reject(fail(path, { failure: 'network', detail: err.message }, secrets)));
      req.on('response', async res => {
        if (res.statusCode !== undefined && res.statusCode >= 200 && res.statusCode < 300) {
          resolve({ res, secrets });
          return;
        }
        // A Status body explains the failure; reading it also frees the socket for keep-alive.
        const body = await readAll(res).catch(() => '');
        reject(fail(path, statusFailure(res, body), secrets));
      });
      req.end();
    });
  }

  /** Turns whatever ended a request into a KubeRequestError, telling timeouts and aborts apart. */
  function classify(err: unknown, path: string, timedOut: boolean, caller?: AbortSignal): KubeRequestError {
    if (timedOut) return fail(path, { failure: 'timeout', detail: 'no complete answer in time' }, []);
    if (caller?.aborted) return fail(path, { failure: 'aborted' }, []);
    if (err instanceof KubeRequestError) return err;
    return fail(path, { failure: 'network', detail: err instanceof Error ? err.message : String(err) }, []);
  }

  /** The whole body of a GET, bounded by the caller's signal and the time budget. */
  async function getBody(path: string, query: KubeQuery, opts: RequestOptions, accept: string): Promise<{ body: Buffer; secrets: string[] }> {
    const ctl = new AbortController();
    let timedOut = false;
    const timer = opts.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          ctl.abort();
        }, opts.timeoutMs)
      : undefined;
    const stopWaiting = opts.signal ? whenAborted(opts.signal, () => ctl.abort()) : undefined;
    if (opts.signal?.aborted) ctl.abort();
    try {
      const { res, secrets } = await send(path, query, ctl.signal, accept);
      const onLateAbort = () => res.destroy(new Error('aborted'));
      ctl.signal.addEventListener('abort', onLateAbort, { once: true });
      const body = await readBytes(res).finally(() => ctl.signal.removeEventListener('abort', onLateAbort));
      return { body, secrets };
    } catch (err) {
      throw classify(err, path, timedOut, opts.signal);
    } finally {
      clearTimeout(timer);
      stopWaiting?.();
    }
  }

  return {
    name,
    async getJson<T>(path: string, query: KubeQuery, opts: RequestOptions): Promise<T> {
      const { body, secrets } = await getBody(path, query, opts, 'application/json');
      try {
        return JSON.parse(body.toString('utf8')) as T;
      } catch {
        throw fail(path, { failure: 'network', detail: 'the answer is not valid JSON' }, secrets);
      }
    },

    async getList<T>(path: string, query: KubeQuery, opts: RequestOptions, item: (raw: unknown) => T): Promise<ListAnswer<T>> {
      const { body, secrets } = await getBody(path, query, opts, 'application/json');
      try {
        return parseListBody(body, item) as ListAnswer<T>;
      } catch (err) {
        // Only the body's own faults; an error thrown by `item` is the caller's and passes unchanged.
        if (err instanceof ListBodyError) throw fail(path, { failure: 'network', detail: `the answer is not valid JSON (${err.message})` }, secrets);
        throw err;
      }
    },

    async getText(path: string, query: KubeQuery, opts: RequestOptions): Promise<string> {
      return (await getBody(path, query, opts, 'text/plain, */*')).body.toString('utf8');
    },

    async watch(path: string, query: KubeQuery, onEvent: (e: WatchEvent) => void, opts: { signal?: AbortSignal }): Promise<void> {
      const signal = opts.signal ?? new AbortController().signal;
      let sent: Sent;
      try {
        sent = await send(path, query, signal);
      } catch (err) {
        if (signal.aborted) return;
        throw classify(err, path, false);
      }
      try {
        await readLines(sent.res, signal, line => onEvent(JSON.parse(line) as WatchEvent));
      } catch (err) {
        throw classify(err, path, false);
      }
    },
  };
}

function queryString(query: KubeQuery): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The credential parts of the request's auth headers, to keep them out of any error message. */
function secretsOf(headers: Record<string, string>): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(headers)) {
    if (!/authorization|token|cookie/i.test(k) || !v) continue;
    out.push(v);
    const credential = v.split(' ').slice(1).join(' ');
    if (credential) out.push(credential);
  }
  return out;
}

function redact(text: string, secrets: string[]): string {
  return secrets.reduce((t, s) => (s.length >= 4 ? t.split(s).join('[redacted]') : t), text);
}
