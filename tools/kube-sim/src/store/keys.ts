/** Identifies a resource independent of version: objects of a CRD are shared by all its served versions. */
export function resourceKey(group: string, plural: string): string {
  return `${group}/${plural}`;
}

/** The storage key of an object within its resource, ordered like etcd keys (namespace, then name). */
export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

/** First index in the sorted `keys` whose key is greater than (or equal to, when `inclusive`) `key`. */
export function lowerBound(keys: string[], key: string, inclusive = true): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid];
    if (k < key || (!inclusive && k === key)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
