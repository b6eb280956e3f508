import type { IncomingMessage } from 'node:http';
import { whenAborted } from '../abortWaiters';
import type { KubeRequestErrorInit } from '../errors';

/** The whole body as text; rejects when the connection closes before the answer is complete. */
export async function readAll(res: IncomingMessage): Promise<string> {
  return (await readBytes(res)).toString('utf8');
}

/** The whole body's bytes; rejects when the connection closes before the answer is complete. */
export function readBytes(res: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => resolve(Buffer.concat(chunks)));
    res.on('error', reject);
    res.on('close', () => {
      if (!res.complete) reject(new Error('connection closed before the answer was complete'));
    });
  });
}

/**
 * Calls `onLine` for each newline-delimited line of a streamed body (a watch). Resolves when the body
 * ends or `signal` aborts; rejects when the connection drops mid-stream or `onLine` throws.
 */
export function readLines(res: IncomingMessage, signal: AbortSignal, onLine: (line: string) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let buffer = '';
    let done = false;
    let stopWaiting: (() => void) | undefined;
    function onAbort() {
      finish(new Error('aborted'));
    }
    function finish(err?: unknown) {
      if (done) return;
      done = true;
      stopWaiting?.();
      if (err === undefined || signal.aborted) resolve();
      else reject(err);
      if (err !== undefined) res.destroy();
    }
    function emit(line: string) {
      if (line.trim() !== '') onLine(line);
    }
    if (signal.aborted) onAbort();
    else stopWaiting = whenAborted(signal, onAbort);
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      try {
        for (let nl = buffer.indexOf('\n'); nl >= 0 && !done; nl = buffer.indexOf('\n')) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + 1);
          emit(line);
        }
      } catch (err) {
        finish(err);
      }
    });
    res.on('end', () => {
      try {
        emit(buffer);
        finish();
      } catch (err) {
        finish(err);
      }
    });
    res.on('error', err => finish(err));
    res.on('close', () => finish(res.complete ? undefined : new Error('connection closed mid-stream')));
  });
}

/** What a non-2xx answer says: its Status body's reason and message when it has one. */
export function statusFailure(res: IncomingMessage, body: string): Omit<KubeRequestErrorInit, 'cluster' | 'path'> {
  let status: { reason?: unknown; message?: unknown; details?: { retryAfterSeconds?: unknown } } = {};
  try {
    status = JSON.parse(body);
  } catch {
    // Proxies and load balancers answer with HTML or plain text: the status code still says enough.
  }
  const fromBody = status.details?.retryAfterSeconds;
  const fromHeader = Number(res.headers['retry-after']);
  let retryAfterSeconds: number | undefined;
  if (typeof fromBody === 'number') retryAfterSeconds = fromBody;
  else if (Number.isFinite(fromHeader)) retryAfterSeconds = fromHeader;
  return {
    failure: 'http',
    status: res.statusCode,
    reason: typeof status.reason === 'string' ? status.reason : res.statusMessage,
    detail: typeof status.message === 'string' ? status.message : undefined,
    retryAfterSeconds,
  };
}
