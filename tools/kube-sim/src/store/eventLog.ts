import type { KubeObject } from '../types';

export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  type: EventType;
  resource: string;
  key: string;
  rv: number;
  /** The object after the change (for DELETED, the last state with the deletion's resourceVersion). */
  object: KubeObject;
  /** The object before the change; undefined for ADDED. Lets a paginated list read an older snapshot. */
  prev?: KubeObject;
}

/**
 * A bounded history of changes, the in-memory stand-in for etcd's revisions before compaction.
 * Watches resume from it, and continue tokens read consistent snapshots through it; anything older
 * than `compactedRv` is gone, which the server reports as 410 Gone like a compacted etcd.
 */
export class EventLog {
  private events: StoreEvent[] = [];
  private head = 0;
  compactedRv = 0;

  constructor(private readonly capacity: number) {}

  append(event: StoreEvent): void {
    this.events.push(event);
    if (this.events.length - this.head > this.capacity) this.dropOldest(1);
    // Reclaim the dropped prefix in batches so appends stay O(1) amortised.
    if (this.head > 4096 && this.head * 2 > this.events.length) {
      this.events = this.events.slice(this.head);
      this.head = 0;
    }
  }

  /** Forgets every event up to and including `rv` (all of them when omitted). */
  compact(rv?: number): void {
    const upTo = rv ?? Number.MAX_SAFE_INTEGER;
    while (this.head < this.events.length && this.events[this.head].rv <= upTo) this.dropOldest(1);
    if (rv !== undefined && rv > this.compactedRv) this.compactedRv = rv;
  }

  /** True when the history still covers every change after `rv`. */
  covers(rv: number): boolean {
    return rv >= this.compactedRv;
  }

  /** Events with resourceVersion greater than `rv`, oldest first. */
  since(rv: number, resource?: string): StoreEvent[] {
    const out: StoreEvent[] = [];
    let i = this.events.length - 1;
    while (i >= this.head && this.events[i].rv > rv) i--;
    for (let j = i + 1; j < this.events.length; j++) {
      const e = this.events[j];
      if (!resource || e.resource === resource) out.push(e);
    }
    return out;
  }

  private dropOldest(n: number): void {
    for (let k = 0; k < n && this.head < this.events.length; k++) {
      this.compactedRv = Math.max(this.compactedRv, this.events[this.head].rv);
      this.head++;
    }
  }
}
