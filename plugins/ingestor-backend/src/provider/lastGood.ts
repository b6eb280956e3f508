import type { Outcome } from '../types';

/**
 * The last good value per cluster: the one "never wipe a source because it did not answer" rule of both
 * providers. A failed read leaves the previous value; only a successful one replaces it; clusters that
 * are no longer configured are forgotten.
 */
export class LastGoodByCluster<T> {
  private readonly byCluster = new Map<string, T>();

  /** Keeps `outcome.value` when the read succeeded; returns whether it did. */
  record(cluster: string, outcome: Outcome<T>): boolean {
    if (outcome.ok) this.byCluster.set(cluster, outcome.value);
    return outcome.ok;
  }

  get(cluster: string): T | undefined {
    return this.byCluster.get(cluster);
  }

  has(cluster: string): boolean {
    return this.byCluster.has(cluster);
  }

  /** Forgets clusters not in `names`; returns the forgotten ones. */
  retain(names: Iterable<string>): string[] {
    const keep = new Set(names);
    const removed = [...this.byCluster.keys()].filter(n => !keep.has(n));
    removed.forEach(n => this.byCluster.delete(n));
    return removed;
  }

  /** Cluster names in a fixed order, so output never depends on which cluster answered first. */
  clusterNames(): string[] {
    return [...this.byCluster.keys()].sort();
  }
}
