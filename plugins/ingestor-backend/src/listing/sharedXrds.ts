import type { KubeObject } from '../types';

/**
 * One XRD list per cluster, shared by the workload provider (claim and composite kinds come from XRDs)
 * and the templates provider (Templates and API entities come from them): whichever asks first in a
 * window lists them, the other reuses that answer, in flight or done. Both providers run on schedules
 * that start together (same defaults), so each cycle lists a cluster's XRDs once.
 */
export class SharedXrdReads {
  private readonly entries = new Map<string, { at: number; value: Promise<KubeObject[]> }>();

  /** `windowMs`: how long an answer is reused; shorter than either schedule's frequency. */
  constructor(private readonly windowMs = 60_000, private readonly now: () => number = Date.now) {}

  /** The XRDs of `cluster` read as `version`, from a recent read or from `load`. */
  read(cluster: string, version: string, load: () => Promise<KubeObject[]>): Promise<KubeObject[]> {
    const key = `${cluster}\n${version}`;
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.at < this.windowMs) return hit.value;
    const entry = { at: this.now(), value: load() };
    this.entries.set(key, entry);
    // A failure is not shared: the next caller reads again rather than inherit it.
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return entry.value;
  }
}
