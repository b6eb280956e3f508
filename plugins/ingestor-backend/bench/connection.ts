import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { EntityProviderConnection, EntityProviderMutation } from '@backstage/plugin-catalog-node';

type Waiter = (mutation: EntityProviderMutation) => boolean;

/** The catalog side of the benchmark: keeps the last full mutation and lets a caller await a delta. */
export class BenchConnection implements EntityProviderConnection {
  lastFull: Entity[] = [];
  private readonly waiters = new Set<Waiter>();

  async applyMutation(mutation: EntityProviderMutation): Promise<void> {
    if (mutation.type === 'full') this.lastFull = mutation.entities.map(e => e.entity);
    for (const w of [...this.waiters]) if (w(mutation)) this.waiters.delete(w);
  }

  async refresh(): Promise<void> {}

  /** Resolves with the time (performance.now) of the first delta `matches` accepts; rejects after `ms`. */
  nextDelta(matches: (added: Entity[], removed: string[]) => boolean, ms: number): Promise<number> {
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined = undefined;
      const waiter: Waiter = m => {
        if (m.type !== 'delta' || !matches(m.added.map(a => a.entity), m.removed.map(r => ('entityRef' in r ? r.entityRef : stringifyEntityRef(r.entity))))) return false;
        clearTimeout(timer);
        resolve(performance.now());
        return true;
      };
      timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`no matching delta in ${ms} ms`));
      }, ms);
      this.waiters.add(waiter);
    });
  }
}
