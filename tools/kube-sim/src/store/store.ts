import type { KubeObject } from '../types';
import { EventLog, type EventType, type StoreEvent } from './eventLog';
import { lowerBound } from './keys';

class Bucket {
  readonly objects = new Map<string, KubeObject>();
  private sorted: string[] | undefined;

  sortedKeys(): string[] {
    if (!this.sorted) this.sorted = [...this.objects.keys()].sort();
    return this.sorted;
  }

  invalidate(): void {
    this.sorted = undefined;
  }
}

export interface ScanOptions {
  /** Only keys starting with this prefix (a namespace followed by `/`). */
  prefix?: string;
  /** Start strictly after this key (from a continue token). */
  after?: string;
  /** Read the state as of this resourceVersion instead of the current one. */
  atRv?: number;
  /** Stop once this many objects matched. */
  limit?: number;
  match: (obj: KubeObject) => boolean;
}

export interface ScanResult {
  items: KubeObject[];
  /** Set when at least one more matching object follows the last returned one. */
  lastKey?: string;
  /** How many objects (matching or not) follow, for remainingItemCount. */
  remaining: number;
}

export type StoreListener = (event: StoreEvent) => void;

/**
 * All objects of one cluster, grouped by resource (`group/plural`), with a global resourceVersion
 * counter like etcd's revision. Stored objects are never mutated in place: a change stores a new object,
 * so objects handed to the event log and to readers stay as they were.
 */
export class ObjectStore {
  private readonly buckets = new Map<string, Bucket>();
  private readonly listeners = new Set<StoreListener>();
  readonly log: EventLog;
  rv = 1;

  constructor(eventLogSize = 20_000) {
    this.log = new EventLog(eventLogSize);
  }

  get(resource: string, key: string): KubeObject | undefined {
    return this.buckets.get(resource)?.objects.get(key);
  }

  count(resource?: string): number {
    if (resource) return this.buckets.get(resource)?.objects.size ?? 0;
    let n = 0;
    for (const b of this.buckets.values()) n += b.objects.size;
    return n;
  }

  /** Stores `obj` (which must not be mutated afterwards) under the next resourceVersion. */
  put(resource: string, key: string, obj: KubeObject): KubeObject {
    const bucket = this.bucket(resource);
    const prev = bucket.objects.get(key);
    const rv = ++this.rv;
    const stored: KubeObject = { ...obj, metadata: { ...obj.metadata, resourceVersion: String(rv) } };
    if (!prev) bucket.invalidate();
    bucket.objects.set(key, stored);
    this.emit({ type: prev ? 'MODIFIED' : 'ADDED', resource, key, rv, object: stored, prev });
    return stored;
  }

  remove(resource: string, key: string): KubeObject | undefined {
    const bucket = this.buckets.get(resource);
    const prev = bucket?.objects.get(key);
    if (!bucket || !prev) return undefined;
    const rv = ++this.rv;
    bucket.objects.delete(key);
    bucket.invalidate();
    const gone: KubeObject = { ...prev, metadata: { ...prev.metadata, resourceVersion: String(rv) } };
    this.emit({ type: 'DELETED' as EventType, resource, key, rv, object: gone, prev });
    return gone;
  }

  /** Keys of a resource in order, optionally limited to a prefix. */
  keys(resource: string, prefix?: string): string[] {
    const keys = this.buckets.get(resource)?.sortedKeys() ?? [];
    if (!prefix) return keys;
    return keys.slice(lowerBound(keys, prefix), lowerBound(keys, `${prefix}\uffff`));
  }

  /**
   * Reads objects in key order. With `atRv`, changes made after it are undone from the event log so a
   * paginated list sees one consistent snapshot; the caller checks `log.covers(atRv)` first.
   */
  scan(resource: string, opts: ScanOptions): ScanResult {
    const bucket = this.buckets.get(resource);
    const keys = bucket?.sortedKeys() ?? [];
    const overlay = opts.atRv !== undefined ? this.overlayAt(resource, opts.atRv) : undefined;
    const extraKeys = overlay ? [...overlay.keys()].filter(k => !bucket?.objects.has(k)).sort() : [];
    const inclusive = opts.after === undefined;
    const from = opts.after ?? opts.prefix ?? '';
    const endKey = opts.prefix ? `${opts.prefix}\uffff` : undefined;
    let i = lowerBound(keys, from, inclusive);
    let j = lowerBound(extraKeys, from, inclusive);
    const iEnd = endKey === undefined ? keys.length : lowerBound(keys, endKey);
    const jEnd = endKey === undefined ? extraKeys.length : lowerBound(extraKeys, endKey);
    const items: KubeObject[] = [];
    let lastKey: string | undefined;
    let full = false;
    while (i < iEnd || j < jEnd) {
      const takeExtra = j < jEnd && (i >= iEnd || extraKeys[j] < keys[i]);
      const key = takeExtra ? extraKeys[j++] : keys[i++];
      const obj = overlay?.has(key) ? overlay.get(key) : bucket?.objects.get(key);
      if (!obj || !opts.match(obj)) continue;
      if (full) {
        // One more match exists after the page: the page needs a continue token.
        lastKey = this.keyOf(items[items.length - 1]);
        break;
      }
      items.push(obj);
      full = opts.limit !== undefined && items.length >= opts.limit;
    }
    const remaining = lastKey === undefined ? 0 : iEnd - i + (jEnd - j) + 1;
    return { items, lastKey, remaining };
  }

  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private keyOf(obj: KubeObject): string {
    const m = obj.metadata;
    return m.namespace ? `${m.namespace}/${m.name}` : String(m.name);
  }

  /** For each key changed after `rv`, its state at `rv` (undefined: it did not exist then). */
  private overlayAt(resource: string, rv: number): Map<string, KubeObject | undefined> {
    const overlay = new Map<string, KubeObject | undefined>();
    // Oldest change first: the first change after rv holds the state at rv in its `prev`.
    for (const e of this.log.since(rv, resource)) {
      if (!overlay.has(e.key)) overlay.set(e.key, e.prev);
    }
    return overlay;
  }

  private bucket(resource: string): Bucket {
    let b = this.buckets.get(resource);
    if (!b) {
      b = new Bucket();
      this.buckets.set(resource, b);
    }
    return b;
  }

  private emit(event: StoreEvent): void {
    this.log.append(event);
    for (const l of this.listeners) l(event);
  }
}
