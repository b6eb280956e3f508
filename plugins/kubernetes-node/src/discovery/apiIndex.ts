import type { ClusterConnection } from '../connection/ClusterConnection';
import { KubeRequestError } from '../errors';
import { DEFAULT_RETRY, withRetry, type RetryPolicy } from '../retry';

/**
 * One resource of an APIResourceList (subresources such as `deployments/status` excluded).
 *
 * @public
 */
export interface ApiResource {
  /** The plural. */
  name: string;
  kind: string;
  namespaced: boolean;
  verbs: string[];
}

/**
 * A served API group: its versions and the version the server prefers.
 *
 * @public
 */
export interface ApiGroupInfo {
  name: string;
  versions: string[];
  preferredVersion: string;
}

/**
 * Lazy, memoised access to an API server's discovery documents.
 *
 * @public
 */
export interface ApiIndex {
  /** The group, or undefined when the server does not serve it. '' is the core group. */
  group(name: string): Promise<ApiGroupInfo | undefined>;
  /** A group version's resources, or undefined when that version is not served. */
  resources(group: string, version: string): Promise<ApiResource[] | undefined>;
}

/**
 * Options shared by discovery requests.
 *
 * @public
 */
export interface DiscoveryRequestOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  retry?: RetryPolicy;
}

interface GroupList {
  groups?: Array<{ name: string; versions?: Array<{ version: string }>; preferredVersion?: { version: string } }>;
}

/**
 * Reads only the discovery documents a question needs (`/api`, `/apis`, then one group version at a
 * time), so a broken aggregated API elsewhere (a metrics server answering 503) does not fail discovery.
 * A 404 means "not served"; any other failure throws, because a guess would be worse than no answer.
 *
 * @public
 */
export function createApiIndex(conn: ClusterConnection, opts: DiscoveryRequestOptions = {}): ApiIndex {
  const policy = opts.retry ?? DEFAULT_RETRY;
  const get = <T>(path: string) =>
    withRetry(() => conn.getJson<T>(path, {}, { signal: opts.signal, timeoutMs: opts.timeoutMs }), policy, opts.signal);
  const memo = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    if (!memo.has(key)) memo.set(key, load());
    return memo.get(key) as Promise<T>;
  };

  const allGroups = () =>
    once('/apis', async () => {
      // Both documents are always needed: one round trip instead of two.
      const [list, core] = await Promise.all([get<GroupList>('/apis'), get<{ versions?: string[] }>('/api')]);
      const named: ApiGroupInfo[] = (list.groups ?? []).map(g => {
        const versions = (g.versions ?? []).map(v => v.version);
        return { name: g.name, versions, preferredVersion: g.preferredVersion?.version ?? versions[0] };
      });
      const coreVersions = core.versions ?? [];
      return coreVersions.length ? [{ name: '', versions: coreVersions, preferredVersion: coreVersions[0] }, ...named] : named;
    });

  return {
    async group(name) {
      return (await allGroups()).find(g => g.name === name);
    },
    resources(group, version) {
      const path = group ? `/apis/${group}/${version}` : `/api/${version}`;
      return once(path, async () => {
        try {
          const list = await get<{ resources?: ApiResource[] }>(path);
          return (list.resources ?? []).filter(r => !r.name.includes('/'));
        } catch (err) {
          if (err instanceof KubeRequestError && err.status === 404) return undefined;
          throw err;
        }
      });
    },
  };
}
