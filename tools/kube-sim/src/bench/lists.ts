/** One paginated LIST a sync made: where, which kind, with which selectors and page size. */
export interface ListCall {
  host: string;
  group: string;
  version: string;
  plural: string;
  limit?: number;
  fieldSelector?: string;
  labelSelector?: string;
}

const LIST_PATH = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))\/([a-z0-9.-]+)$/;

/**
 * The distinct cluster-wide LISTs among requests (`host/path?query`, as the traffic counter records
 * them): first pages only, no watches, no discovery, no gets.
 */
export function listsOf(requested: string[]): ListCall[] {
  const seen = new Set<string>();
  const calls: ListCall[] = [];
  for (const r of requested) {
    const slash = r.indexOf('/');
    const url = new URL(r.slice(slash), 'http://x');
    const q = url.searchParams;
    const m = LIST_PATH.exec(url.pathname);
    if (!m || q.has('continue') || q.get('watch') === 'true' || q.get('watch') === '1') continue;
    const call: ListCall = {
      host: r.slice(0, slash),
      group: m[1] ? '' : m[2],
      version: m[1] ?? m[3],
      plural: m[4],
      ...(q.get('limit') ? { limit: Number(q.get('limit')) } : {}),
      ...(q.get('fieldSelector') ? { fieldSelector: q.get('fieldSelector')! } : {}),
      ...(q.get('labelSelector') ? { labelSelector: q.get('labelSelector')! } : {}),
    };
    const key = JSON.stringify(call);
    if (seen.has(key)) continue;
    seen.add(key);
    calls.push(call);
  }
  return calls;
}
