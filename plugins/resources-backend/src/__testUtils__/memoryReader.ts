import type { ClusterReader, KubeObject, ServedKind } from '../cluster/types';

/** An in-memory cluster for pure tree tests: served kinds plus objects, with request counters. */
export function memoryReader(kinds: ServedKind[], objects: KubeObject[], opts: { delayMs?: number; logs?: Record<string, string> } = {}) {
  const stats = { gets: 0, lists: [] as string[], inFlight: 0, maxInFlight: 0 };
  const key = (apiVersion: string, kind: string, ns: string | undefined, name: string) => `${apiVersion}|${kind}|${ns ?? ''}|${name}`;
  const byKey = new Map(objects.map(o => [key(o.apiVersion ?? '', o.kind ?? '', o.metadata?.namespace, o.metadata?.name ?? ''), o]));
  const reader: ClusterReader = {
    cluster: 'test',
    async resolve(apiVersion, kind) {
      return kinds.find(k => k.apiVersion === apiVersion && k.kind === kind);
    },
    async get(kind, namespace, name) {
      stats.gets++;
      stats.inFlight++;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      await new Promise(r => setTimeout(r, opts.delayMs ?? 0));
      stats.inFlight--;
      const found = byKey.get(key(kind.apiVersion, kind.kind, namespace, name));
      return found ? structuredClone(found) : undefined;
    },
    async logs(_pod, namespace, name, options) {
      const text = opts.logs?.[`${namespace}/${name}/${options.container}${options.previous ? '/previous' : ''}`];
      if (text === undefined) throw new Error(`no log for ${name}`);
      return text;
    },
    async list(kind, namespace, options = {}) {
      stats.lists.push(`${kind.kind}/${namespace ?? ''}${options.labelSelector ? `?${options.labelSelector}` : ''}`);
      // Equality selectors only (`k=v,k2=v2`), as the tree asks for.
      const wanted = (options.labelSelector ?? '').split(',').filter(Boolean).map(term => term.split('='));
      return objects.filter(
        o =>
          o.apiVersion === kind.apiVersion &&
          o.kind === kind.kind &&
          (!namespace || o.metadata?.namespace === namespace) &&
          wanted.every(([k, v]) => o.metadata?.labels?.[k] === v),
      );
    },
  };
  return { reader, stats };
}

/** Crossplane-style conditions. */
export function conditions(synced: 'True' | 'False' | 'Unknown', ready: 'True' | 'False' | 'Unknown', reason?: string, message?: string) {
  return [
    { type: 'Synced', status: synced, reason: synced === 'False' ? reason ?? 'ReconcileError' : 'ReconcileSuccess', ...(synced === 'False' && message ? { message } : {}) },
    { type: 'Ready', status: ready, reason: ready === 'True' ? 'Available' : reason ?? 'Creating', ...(synced !== 'False' && message ? { message } : {}) },
  ];
}
