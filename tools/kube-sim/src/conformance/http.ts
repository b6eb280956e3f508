import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { KubeSim } from '..';

export interface CallOptions {
  body?: unknown;
  /** Bearer token; null sends none. Default: the sim's admin token. */
  token?: string | null;
  contentType?: string;
  accept?: string;
}

export interface CallResult<T = Record<string, any>> {
  status: number;
  headers: IncomingMessage['headers'];
  text: string;
  json: T;
}

function open(sim: KubeSim, method: string, path: string, opts: CallOptions, onResponse: (res: IncomingMessage) => void) {
  const url = new URL(path, sim.url);
  const token = opts.token === undefined ? sim.adminToken : opts.token;
  const headers: Record<string, string> = {
    accept: opts.accept ?? 'application/json',
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  };
  let payload: string | undefined;
  if (opts.body !== undefined) {
    payload = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    headers['content-type'] = opts.contentType ?? 'application/json';
  }
  const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(
    url,
    { method, headers, ...(url.protocol === 'https:' ? { ca: sim.caPem } : {}) },
    onResponse,
  );
  return { req, payload };
}

/** One request with a plain Node client, so tests see exactly what went over the wire. */
export function call<T = Record<string, any>>(sim: KubeSim, method: string, path: string, opts: CallOptions = {}): Promise<CallResult<T>> {
  return new Promise((resolve, reject) => {
    const { req, payload } = open(sim, method, path, opts, res => {
      const chunks: Buffer[] = [];
      res.on('data', c => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: T;
        try {
          json = JSON.parse(text) as T;
        } catch {
          json = undefined as T;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

export interface WatchHandle {
  events: Array<{ type: string; object: Record<string, any> }>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  /** Resolves once `predicate` holds for the events received, or rejects after `ms`. */
  until(predicate: (events: WatchHandle['events']) => boolean, ms?: number): Promise<void>;
  close(): void;
}

/** Opens a watch and collects its newline-delimited JSON events. */
export function watch(sim: KubeSim, path: string, opts: CallOptions = {}): Promise<WatchHandle> {
  return new Promise((resolve, reject) => {
    const events: WatchHandle['events'] = [];
    const waiters = new Set<() => void>();
    let endResolve!: () => void;
    const ended = new Promise<void>(r => (endResolve = r));
    const { req, payload } = open(sim, 'GET', path, opts, res => {
      if (res.statusCode !== 200) {
        reject(new Error(`watch answered ${res.statusCode}`));
        return;
      }
      let buf = '';
      res.on('data', chunk => {
        buf += chunk.toString('utf8');
        for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
          const line = buf.slice(0, nl);
          buf = buf.slice(nl + 1);
          if (line.trim()) events.push(JSON.parse(line));
        }
        waiters.forEach(w => w());
      });
      res.on('end', () => endResolve());
      res.on('close', () => endResolve());
      resolve({
        events,
        ended,
        close: () => req.destroy(),
        until: (predicate, ms = 5000) =>
          new Promise<void>((ok, fail) => {
            let timer: NodeJS.Timeout | undefined = undefined;
            const check = () => {
              if (predicate(events)) {
                waiters.delete(check);
                clearTimeout(timer);
                ok();
              }
            };
            timer = setTimeout(() => {
              waiters.delete(check);
              fail(new Error(`watch condition not met in ${ms} ms; events: ${JSON.stringify(events.map(e => e.type))}`));
            }, ms);
            waiters.add(check);
            check();
          }),
      });
    });
    req.on('error', err => reject(err));
    req.end(payload);
  });
}
