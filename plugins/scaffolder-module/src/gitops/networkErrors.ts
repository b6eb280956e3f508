/**
 * What went wrong when a request got no HTTP answer at all. octokit reports every such failure as a
 * `RequestError` with status 500 and no response; the real reason sits in its `cause` chain (fetch's
 * TypeError, then the socket, DNS or TLS error with a Node.js `code`).
 */
export type NetworkFailureKind = 'refused' | 'dns' | 'tls' | 'timeout' | 'reset' | 'malformed-header' | 'other';

/** A failure without an HTTP answer: its kind and the code that told. */
export interface NetworkFailure {
  kind: NetworkFailureKind;
  code?: string;
}

interface Failure {
  name?: string;
  message?: string;
  code?: unknown;
  status?: number;
  response?: unknown;
  cause?: unknown;
  errors?: unknown[];
}

/** Every error in the chain: the error, its causes, and the members of an AggregateError. */
function chain(error: unknown): Failure[] {
  const out: Failure[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && out.length < 20) {
    const next = queue.shift();
    if (typeof next !== 'object' || next === null) continue;
    const failure = next as Failure;
    out.push(failure);
    if (failure.cause !== undefined) queue.push(failure.cause);
    if (Array.isArray(failure.errors)) queue.push(...failure.errors);
  }
  return out;
}

const TLS_CODE = /^(ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|ERR_CERT|HOSTNAME_MISMATCH$)/;

/**
 * Classifies a failed request that never got an HTTP response; undefined when there was a response
 * (then its status says what happened).
 */
export function networkFailure(error: unknown): NetworkFailure | undefined {
  const failures = chain(error);
  if (failures.length === 0 || failures.some(f => f.response !== undefined)) return undefined;
  if (failures.some(f => f.status !== undefined && f.status !== 500)) return undefined;
  for (const failure of failures) {
    const code = typeof failure.code === 'string' ? failure.code : undefined;
    if (code === 'ECONNREFUSED') return { kind: 'refused', code };
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NODATA' || code === 'EAI_FAIL') return { kind: 'dns', code };
    if (code && TLS_CODE.test(code)) return { kind: 'tls', code };
    if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT') return { kind: 'timeout', code };
    if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') return { kind: 'reset', code };
    if (code === 'ERR_INVALID_CHAR' || /invalid header value|Invalid character in header/i.test(failure.message ?? '')) {
      return { kind: 'malformed-header', code };
    }
  }
  // octokit's own marker of a request that got no answer.
  const top = failures[0];
  if (top.status === 500 && top.name === 'HttpError') return { kind: 'other' };
  return undefined;
}

/** Failures worth another attempt: the connection broke or timed out, or DNS had a moment. */
export function isTransientNetworkFailure(failure: NetworkFailure | undefined): boolean {
  return failure?.kind === 'reset' || failure?.kind === 'timeout' || failure?.code === 'EAI_AGAIN';
}
