/** The identity and content of an entity, as far as comparing two syncs needs. */
export interface Comparable {
  kind: string;
  metadata: { name: string; namespace?: string };
}

const keyOf = (e: Comparable) => `${e.kind.toLowerCase()}:${e.metadata.namespace ?? 'default'}/${e.metadata.name}`;

/**
 * How many entities differ between two full emissions by serialised form: changed, added or removed.
 * An unchanged fleet must give 0, or the catalog rewrites entities for nothing.
 */
export function changedEntities(before: Comparable[], after: Comparable[]): number {
  const old = new Map(before.map(e => [keyOf(e), JSON.stringify(e)]));
  let changed = 0;
  for (const e of after) {
    if (old.get(keyOf(e)) !== JSON.stringify(e)) changed++;
    old.delete(keyOf(e));
  }
  return changed + old.size;
}
