import type { StoreEvent } from '../store/eventLog';
import type { KubeObject } from '../types';

interface Purger {
  store: { subscribe(l: (e: StoreEvent) => void): () => void; get(resource: string, key: string): KubeObject | undefined };
  purge(resource: string, key: string): void;
}

function ownerUids(obj: KubeObject): string[] {
  const refs = obj.metadata.ownerReferences ?? [];
  return refs.map(r => r.uid).filter((u): u is string => typeof u === 'string');
}

/**
 * Background deletion of dependents whose owners are all gone, like the kube-controller-manager's
 * garbage collector. It runs after the deleting request returns, as the real one does.
 */
class GarbageCollector {
  private readonly live = new Set<string>();
  private readonly dependents = new Map<string, Set<string>>();
  private pending = new Set<string>();
  private scheduled = false;

  constructor(private readonly cluster: Purger) {
    cluster.store.subscribe(e => this.observe(e));
  }

  private observe(e: StoreEvent): void {
    const uid = e.object.metadata.uid;
    const ref = `${e.resource}\n${e.key}`;
    if (e.prev) for (const o of ownerUids(e.prev)) this.dependents.get(o)?.delete(ref);
    if (e.type === 'DELETED') {
      if (uid) {
        this.live.delete(uid);
        for (const dep of this.dependents.get(uid) ?? []) this.pending.add(dep);
        this.dependents.delete(uid);
        this.schedule();
      }
      return;
    }
    if (uid) this.live.add(uid);
    for (const o of ownerUids(e.object)) {
      let set = this.dependents.get(o);
      if (!set) this.dependents.set(o, (set = new Set()));
      // Owners that never existed here are left alone: seeded fixtures often name uids from elsewhere.
      set.add(ref);
    }
  }

  private schedule(): void {
    if (this.scheduled || this.pending.size === 0) return;
    this.scheduled = true;
    setImmediate(() => this.collect());
  }

  private collect(): void {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = new Set();
    for (const ref of batch) {
      const [resource, key] = ref.split('\n');
      const obj = this.cluster.store.get(resource, key);
      if (!obj) continue;
      const owners = ownerUids(obj);
      if (owners.length > 0 && owners.every(o => !this.live.has(o))) this.cluster.purge(resource, key);
    }
  }
}

/** Starts collecting garbage for a cluster; it runs for as long as the cluster's store exists. */
export function startGarbageCollector(cluster: Purger): void {
  // The store's subscription keeps the collector alive.
  new GarbageCollector(cluster); // eslint-disable-line no-new
}
