import { whenAborted } from './abortWaiters';
import { isRetryable, KubeRequestError } from './errors';

/**
 * How often and how patiently a failed request is tried again.
 *
 * @public
 */
export interface RetryPolicy {
  /** Further attempts after the first. */
  retries: number;
  /** First delay; it doubles each attempt, with jitter. */
  baseDelayMs: number;
  /** Ceiling for any delay, including a server's Retry-After. */
  maxDelayMs: number;
}

/**
 * Four tries within about four seconds: enough for a rolling API server restart, short for a scheduled cycle.
 *
 * @public
 */
export const DEFAULT_RETRY: RetryPolicy = { retries: 3, baseDelayMs: 250, maxDelayMs: 2000 };

/**
 * Resolves after `ms`, or at once when `signal` aborts (callers check the signal afterwards).
 *
 * @public
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    if (signal?.aborted) {
      resolve();
      return;
    }
    const timer = setTimeout(done, ms);
    const stopWaiting = signal ? whenAborted(signal, done) : undefined;
    function done() {
      clearTimeout(timer);
      stopWaiting?.();
      resolve();
    }
  });
}

/**
 * The wait before attempt `attempt` (1-based), honouring Retry-After up to the policy's ceiling.
 *
 * @public
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, err?: unknown): number {
  const exponential = policy.baseDelayMs * 2 ** (attempt - 1);
  // Jitter keeps many clusters' retries from landing on a recovering server at the same instant.
  const jittered = exponential * (0.75 + Math.random() * 0.5);
  const retryAfter = err instanceof KubeRequestError && err.retryAfterSeconds ? err.retryAfterSeconds * 1000 : 0;
  return Math.min(policy.maxDelayMs, Math.max(jittered, retryAfter));
}

/**
 * Runs `task`, trying again after retryable failures (see {@link isRetryable}); other failures throw at once.
 *
 * @public
 */
export async function withRetry<T>(task: () => Promise<T>, policy: RetryPolicy, signal?: AbortSignal): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await task();
    } catch (err) {
      if (attempt > policy.retries || !isRetryable(err) || signal?.aborted) throw err;
      await sleep(backoffDelay(attempt, policy, err), signal);
      if (signal?.aborted) throw err;
    }
  }
}
