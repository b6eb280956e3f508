import type { ClusterConnection, KubeQuery, ListAnswer, RequestOptions } from '../connection/ClusterConnection';
import { isExpired } from '../errors';
import { DEFAULT_RETRY, withRetry, type RetryPolicy } from '../retry';
import type { KubeObject, ResourceType } from '../types';
import { collectionPath, withKindFields } from './paths';

/**
 * How to list one kind.
 *
 * @public
 */
export interface ListOptions {
  /** Items per page (`limit`); default 500. */
  pageSize?: number;
  fieldSelector?: string;
  labelSelector?: string;
  /** List inside this namespace only (namespaced kinds); cluster-wide when absent. */
  namespace?: string;
  signal?: AbortSignal;
  /** Budget for each page request. */
  timeoutMs?: number;
  /** Retries of a failed page (5xx, 429, dropped connections). */
  retry?: RetryPolicy;
  /** Restarts from the first page after a continue token expired (410). Default 3. */
  maxRestarts?: number;
  /**
   * Applied to each item as its page arrives (after `apiVersion`/`kind` are set), as an informer's
   * transform: a caller that keeps only some fields never holds a whole list of whole objects.
   */
  transform?: (item: KubeObject) => KubeObject;
}

/**
 * A complete, consistent list and the resourceVersion it was read at (where a watch can start).
 *
 * @public
 */
export interface ListSnapshot {
  items: KubeObject[];
  resourceVersion: string;
}

/** Large enough to list most clusters in a few requests, small enough to bound one answer's memory. */
const DEFAULT_PAGE_SIZE = 500;

interface ListPage {
  metadata?: { continue?: string; resourceVersion?: string };
  items?: KubeObject[];
}

/** One page, each item through `toItem`: parsed item by item where the connection can, whole otherwise. */
async function getPage(conn: ClusterConnection, path: string, query: KubeQuery, opts: RequestOptions, toItem: (raw: unknown) => KubeObject): Promise<ListAnswer<KubeObject>> {
  if (conn.getList) return conn.getList(path, query, opts, toItem);
  const page = await conn.getJson<ListPage>(path, query, opts);
  return { metadata: page.metadata, items: (page.items ?? []).map(toItem) };
}

/**
 * Lists every object of a kind, page by page (`limit`/`continue`), with `apiVersion`/`kind` set on
 * every item. A continue token that expires mid-list restarts the list from the first page, since
 * the server's fresh token would continue a different snapshot; after `maxRestarts` it throws rather
 * than return a partial list as if it were complete.
 *
 * @public
 */
export async function listSnapshot(conn: ClusterConnection, source: ResourceType, opts: ListOptions = {}): Promise<ListSnapshot> {
  const path = collectionPath(source, opts.namespace);
  const policy = opts.retry ?? DEFAULT_RETRY;
  const maxRestarts = opts.maxRestarts ?? 3;
  const { transform } = opts;
  const toItem = (raw: unknown): KubeObject => {
    const withKind = withKindFields(raw as KubeObject, source);
    return transform ? transform(withKind) : withKind;
  };
  for (let restart = 0; ; restart++) {
    const items: KubeObject[] = [];
    let resourceVersion: string | undefined;
    let token: string | undefined;
    try {
      do {
        const query = {
          limit: String(opts.pageSize ?? DEFAULT_PAGE_SIZE),
          continue: token,
          fieldSelector: opts.fieldSelector || undefined,
          labelSelector: opts.labelSelector || undefined,
        };
        const page = await withRetry(() => getPage(conn, path, query, { signal: opts.signal, timeoutMs: opts.timeoutMs }, toItem), policy, opts.signal);
        for (const item of page.items) items.push(item);
        // Every page of one list shares the first page's snapshot: its resourceVersion is the list's.
        resourceVersion ??= page.metadata?.resourceVersion;
        token = page.metadata?.continue || undefined;
      } while (token);
      return { items, resourceVersion: resourceVersion ?? '' };
    } catch (err) {
      if (!(isExpired(err) && token !== undefined && restart < maxRestarts)) throw err;
    }
  }
}

/**
 * Every object of a kind; see {@link listSnapshot}.
 *
 * @public
 */
export async function listAll(conn: ClusterConnection, source: ResourceType, opts: ListOptions = {}): Promise<KubeObject[]> {
  return (await listSnapshot(conn, source, opts)).items;
}
