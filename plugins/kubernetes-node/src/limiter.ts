import type { ClusterConnection, KubeQuery, RequestOptions } from './connection/ClusterConnection';

/**
 * Runs tasks with at most a fixed number in flight; the rest wait in arrival order.
 *
 * @public
 */
export interface Limiter {
  run<T>(task: () => Promise<T>): Promise<T>;
}

/**
 * A {@link Limiter} allowing `max` tasks at once (at least one).
 *
 * @public
 */
export function createLimiter(max: number): Limiter {
  const limit = Math.max(1, Math.floor(max));
  let active = 0;
  const queue: Array<() => void> = [];
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      // A finishing task hands its slot straight to the next waiter, so a newcomer cannot slip in between.
      if (active >= limit) await new Promise<void>(resolve => queue.push(resolve));
      else active++;
      try {
        return await task();
      } finally {
        const next = queue.shift();
        if (next) next();
        else active--;
      }
    },
  };
}

/**
 * The same connection with each request taking a slot of `limiter`, so discovery and every page of
 * every kind on every cluster share one bound. Watches are long-lived and do not take a slot.
 *
 * @public
 */
export function limitConnection(conn: ClusterConnection, limiter: Limiter): ClusterConnection {
  const getList = conn.getList?.bind(conn);
  return {
    name: conn.name,
    getJson<T>(path: string, query: KubeQuery, opts: RequestOptions): Promise<T> {
      return limiter.run(() => conn.getJson<T>(path, query, opts));
    },
    getList: getList && (<T>(path: string, query: KubeQuery, opts: RequestOptions, item: (raw: unknown) => T) => limiter.run(() => getList<T>(path, query, opts, item))),
    getText: (path, query, opts) => limiter.run(() => conn.getText(path, query, opts)),
    watch: (path, query, onEvent, opts) => conn.watch(path, query, onEvent, opts),
  };
}
