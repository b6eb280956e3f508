import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from '../api/errors';

const REASONS: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  410: 'Expired',
  422: 'Invalid',
  429: 'TooManyRequests',
  500: 'InternalError',
  502: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

/** The Status error an injected fault answers with, shaped like the real server's for that code. */
export function faultError(code: number): ApiError {
  const details = code === 429 || code === 503 ? { retryAfterSeconds: 1 } : undefined;
  return new ApiError(code, REASONS[code] ?? 'Unknown', `injected fault: HTTP ${code}`, details);
}

export interface SendOptions {
  /** Send only this many bytes, then drop the connection (fault injection). */
  dropAfterBytes?: number;
  contentType?: string;
}

export function sendJson(res: ServerResponse, code: number, body: unknown, opts: SendOptions = {}): void {
  const data = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
  res.writeHead(code, {
    'Content-Type': opts.contentType ?? 'application/json',
    'Content-Length': String(data.length),
    'Cache-Control': 'no-cache, private',
    ...(code === 429 || code === 503 ? { 'Retry-After': '1' } : {}),
  });
  if (opts.dropAfterBytes !== undefined && opts.dropAfterBytes < data.length) {
    res.write(data.subarray(0, opts.dropAfterBytes), () => res.socket?.destroy());
    return;
  }
  res.end(data);
}

export function sendError(res: ServerResponse, err: unknown): void {
  const apiErr = err instanceof ApiError ? err : new ApiError(500, 'InternalError', `Internal error occurred: ${(err as Error)?.message ?? String(err)}`);
  sendJson(res, apiErr.code, apiErr.toStatus());
}

const MAX_BODY = 3 * 1024 * 1024;

/** The request body as text; 413 beyond the size a real server accepts. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new ApiError(413, 'RequestEntityTooLarge', 'the request body is too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function parseJsonBody<T>(text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (e) {
    throw new ApiError(400, 'BadRequest', `the request body is not valid JSON: ${(e as Error).message}`);
  }
}
