import { createApiIndex, type ApiIndex, type ClusterConnection } from '@kube-platform/plugin-kubernetes-node';
import { callerKey } from './callerKey';
import type { Caller } from './types';

interface Entry {
  api: ApiIndex;
  /** The connection discovery requests go through: the caller's newest, so their credentials stay fresh. */
  via: { current: ClusterConnection };
  until: number;
}

/** What {@link callerDiscovery} keeps and for how long. */
export interface CallerDiscoveryOptions {
  timeoutMs: number;
  ttlMs: number;
  maxEntries: number;
  now?: () => number;
}

/**
 * Discovery read through the kubernetes-backend proxy is read as the caller, so it is reused per cluster
 * and caller (their identity and a hash of the cluster credentials they sent), never between callers:
 * a tree rebuilt for the same caller does not read the discovery documents again. Each request's own
 * connection carries the lookups it still needs; an entry whose lookup failed is dropped, so a cluster
 * that was down is asked again on the next request.
 */
export function callerDiscovery(options: CallerDiscoveryOptions): (cluster: string, caller: Caller, conn: ClusterConnection) => ApiIndex {
  const entries = new Map<string, Entry>();
  const now = options.now ?? Date.now;
  return (cluster, caller, conn) => {
    const key = `${cluster}\u0000${callerKey(caller)}`;
    let entry = entries.get(key);
    if (!entry || entry.until < now()) {
      const via = { current: conn };
      const relay: ClusterConnection = {
        name: conn.name,
        getJson: (path, query, opts) => via.current.getJson(path, query, opts),
        getText: (path, query, opts) => via.current.getText(path, query, opts),
        watch: (path, query, onEvent, opts) => via.current.watch(path, query, onEvent, opts),
      };
      const index = createApiIndex(relay, { timeoutMs: options.timeoutMs });
      const created: Entry = { api: index, via, until: now() + options.ttlMs };
      const forget = <T>(answer: Promise<T>) =>
        answer.catch((err: unknown) => {
          if (entries.get(key) === created) entries.delete(key);
          throw err;
        });
      created.api = { group: name => forget(index.group(name)), resources: (group, version) => forget(index.resources(group, version)) };
      entries.delete(key);
      entries.set(key, created);
      while (entries.size > options.maxEntries) entries.delete(entries.keys().next().value as string);
      entry = created;
    }
    entry.via.current = conn;
    return entry.api;
  };
}
