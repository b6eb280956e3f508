/**
 * How a request to a cluster failed.
 *
 * @public
 */
export type KubeFailure = 'http' | 'network' | 'timeout' | 'aborted';

/**
 * What {@link KubeRequestError} is built from.
 *
 * @public
 */
export interface KubeRequestErrorInit {
  cluster: string;
  path: string;
  failure: KubeFailure;
  status?: number;
  reason?: string;
  /** The server's explanation (Status `message`) or the socket error. */
  detail?: string;
  /** From a Status body's `details.retryAfterSeconds` or a `Retry-After` header. */
  retryAfterSeconds?: number;
}

/**
 * A failed request to a Kubernetes API server (directly or through a proxy).
 *
 * @remarks
 * The message names the cluster and the path, never the query (continue tokens are long and useless
 * in a log) and never a credential: connections redact their own secrets before building one.
 *
 * @public
 */
export class KubeRequestError extends Error {
  readonly cluster: string;
  readonly path: string;
  readonly failure: KubeFailure;
  /** HTTP status; undefined for network errors, timeouts and aborts. */
  readonly status?: number;
  /** The Status body's `reason`, such as `Forbidden` or `Expired`. */
  readonly reason?: string;
  readonly retryAfterSeconds?: number;

  constructor(init: KubeRequestErrorInit) {
    const what = init.status !== undefined ? `HTTP ${init.status}${init.reason ? ` ${init.reason}` : ''}` : init.failure;
    super(`cluster ${init.cluster}: GET ${init.path} failed: ${what}${init.detail ? `: ${init.detail}` : ''}`);
    this.name = 'KubeRequestError';
    this.cluster = init.cluster;
    this.path = init.path;
    this.failure = init.failure;
    this.status = init.status;
    this.reason = init.reason;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

/**
 * Whether trying the same request again may succeed: server errors, throttling and dropped connections.
 * Timeouts are not retried: a server that did not answer within the budget is unlikely to answer the
 * same request faster, and retrying would multiply the time one slow cluster holds the cycle.
 *
 * @public
 */
export function isRetryable(err: unknown): boolean {
  if (!(err instanceof KubeRequestError)) return false;
  if (err.failure === 'network') return true;
  return err.status !== undefined && (err.status === 429 || err.status >= 500);
}

/**
 * Whether the server answered 410 Gone/Expired: a continue token or resourceVersion is too old.
 *
 * @public
 */
export function isExpired(err: unknown): boolean {
  return err instanceof KubeRequestError && err.status === 410;
}

/**
 * A readable one-line reason for any thrown value, for results-as-data.
 *
 * @public
 */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
