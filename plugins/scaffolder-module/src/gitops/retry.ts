import type { RetryPolicy } from '@kube-platform/plugin-kubernetes-node';
import type { Octokit } from 'octokit';
import { isTransientNetworkFailure, networkFailure } from './networkErrors';

// One retry policy type for the product: the cluster library's (retries after the first attempt, a first
// backoff that doubles, a ceiling that also bounds `retry-after`).
export type { RetryPolicy };

/** Defaults used in production for GitHub: 4 retries, 1 s first backoff, 60 s ceiling. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  retries: 4,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
};

interface ErrorWithResponse {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined> };
}

/**
 * GitHub answers a secondary rate limit with 403 (or 429) and either a `retry-after` header, an
 * exhausted `x-ratelimit-remaining` or a message saying so; a plain 403 is a permission problem.
 * A request without an HTTP answer is retried only when the connection broke or timed out.
 */
export function isRetryable(error: ErrorWithResponse): boolean {
  // No HTTP answer at all: only a broken or slow connection is worth another try; a refused
  // connection, an unknown host, a TLS failure or a malformed token stays so.
  const network = networkFailure(error);
  if (network) return isTransientNetworkFailure(network);
  const status = error.status ?? 0;
  if (status >= 500 || status === 429) return true;
  if (status !== 403) return false;
  const headers = error.response?.headers ?? {};
  return (
    headers['retry-after'] !== undefined ||
    String(headers['x-ratelimit-remaining']) === '0' ||
    /rate limit/i.test(error.message ?? '')
  );
}

function delayFor(error: ErrorWithResponse, attempt: number, policy: RetryPolicy): number {
  const retryAfter = Number(error.response?.headers?.['retry-after']);
  const wanted = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : policy.baseDelayMs * 2 ** attempt;
  return Math.min(wanted, policy.maxDelayMs);
}

/**
 * Installs one retry loop around every request. The built-in retry and throttling plugins are
 * disabled by the client factory: the retry plugin skips secondary rate limits and the throttling
 * plugin paces every write by a second, which a handful of git-data calls does not need.
 */
export function installRetry(octokit: Octokit, policy: RetryPolicy): void {
  octokit.hook.wrap('request', async (request, options) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(options);
      } catch (error) {
        const failure = error as ErrorWithResponse;
        if (attempt >= policy.retries || !isRetryable(failure)) throw error;
        await new Promise(resolve => setTimeout(resolve, delayFor(failure, attempt, policy)));
      }
    }
  });
}
