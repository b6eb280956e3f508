import type { ClusterObject, ClusterReading, KubeObject, NamespaceInfo, SourceKind } from '../types';
import { interned } from '../mapping/interned';
import { LastGoodByCluster } from './lastGood';

interface KindState {
  source: SourceKind;
  /** By `namespace/name`, so watch deltas update in place. */
  objects: Map<string, KubeObject>;
}

interface ClusterState {
  namespaces: NamespaceInfo[];
  kinds: Map<string, KindState>;
  xrds: KubeObject[];
}

export function sourceKey(s: SourceKind): string {
  return `${s.group}/${s.kind}`;
}

function objectKey(o: KubeObject): string {
  // Kept for every object of the snapshot: stored flat (see interned).
  return interned(`${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`);
}

/** Same objects at the same resourceVersions (an API server changes it with every write). */
function sameObjects(a: KubeObject[], b: KubeObject[]): boolean {
  const version = (o: KubeObject) => `${o.metadata.uid ?? objectKey(o)}@${String(o.metadata.resourceVersion ?? JSON.stringify(o))}`;
  return a.length === b.length && a.every((o, i) => version(o) === version(b[i]));
}

/**
 * Whether a listing returned exactly the objects a kind's state holds: same kind as discovered, same keys,
 * each at the same uid and resourceVersion (an object without one is never taken as unchanged).
 */
function sameKind(state: KindState, source: SourceKind, listed: KubeObject[]): boolean {
  if (state.objects.size !== listed.length || JSON.stringify(state.source) !== JSON.stringify(source)) return false;
  return listed.every(o => {
    const held = state.objects.get(objectKey(o));
    return held !== undefined && o.metadata.resourceVersion !== undefined && held.metadata.resourceVersion === o.metadata.resourceVersion && held.metadata.uid === o.metadata.uid;
  });
}

/**
 * Whether a cluster's new state may differ from its previous one. Kinds that were not listed (followed
 * or failed) keep their very state, and unchanged XRDs their array, so identity tells.
 */
function changed(previous: ClusterState, next: ClusterState): boolean {
  if (previous.xrds !== next.xrds || previous.kinds.size !== next.kinds.size) return true;
  for (const [key, kind] of next.kinds) if (previous.kinds.get(key) !== kind) return true;
  return JSON.stringify(previous.namespaces) !== JSON.stringify(next.namespaces);
}

/** What one reading changed, for the cycle summary and warnings. */
export interface ApplyReport {
  clusterFailed?: string;
  /** Kinds whose listing failed, so their previous objects were kept. */
  keptKinds: Array<{ kind: string; error: string }>;
}

/**
 * The last good state of every cluster and kind. Only a successful listing replaces (and so may
 * remove) objects: a cluster or kind that failed keeps what it had, so a hiccup never empties the
 * catalog.
 */
export class ClusterSnapshots {
  private readonly clusters = new LastGoodByCluster<ClusterState>();
  /** Bumped whenever a cluster's state may have changed, so its mapping is redone only then. */
  private readonly versions = new Map<string, number>();
  private counter = 0;

  /** A number that changes whenever the cluster's objects, Namespaces or XRDs may have changed. */
  version(cluster: string): number | undefined {
    return this.versions.get(cluster);
  }

  private touch(cluster: string): void {
    this.versions.set(cluster, ++this.counter);
  }

  applyReading(reading: ClusterReading): ApplyReport {
    if (reading.error) {
      this.clusters.record(reading.cluster, { ok: false, error: reading.error });
      return { clusterFailed: reading.error, keptKinds: [] };
    }
    const previous = this.clusters.get(reading.cluster);
    const { state, keptKinds } = this.merge(reading);
    this.clusters.record(reading.cluster, { ok: true, value: state });
    if (!previous || changed(previous, state)) this.touch(reading.cluster);
    return { keptKinds };
  }

  /** The new state of a cluster that answered: failed kinds keep their previous objects. */
  private merge(reading: ClusterReading): { state: ClusterState; keptKinds: ApplyReport['keptKinds'] } {
    const previous = this.clusters.get(reading.cluster);
    const kinds = new Map<string, KindState>();
    const keptKinds: ApplyReport['keptKinds'] = [];
    for (const { source, outcome } of reading.kinds) {
      const key = sourceKey(source);
      if (outcome.ok) {
        const before = previous?.kinds.get(key);
        // A re-listed kind that holds the very objects it had keeps its state, so the cluster is not mapped again.
        kinds.set(key, before && sameKind(before, source, outcome.value) ? before : { source, objects: new Map(outcome.value.map(o => [objectKey(o), o])) });
      } else {
        keptKinds.push({ kind: key, error: outcome.error });
        const before = previous?.kinds.get(key);
        if (before) kinds.set(key, before);
      }
    }
    for (const source of reading.followed ?? []) {
      const before = previous?.kinds.get(sourceKey(source));
      if (before) kinds.set(sourceKey(source), before);
    }
    // A kind absent from a successful discovery no longer exists in the cluster: dropping it is safe.
    // Kinds of roles whose discovery failed are unknown, not absent: they keep what they had.
    if (reading.rolesFailed) {
      for (const [key, before] of previous?.kinds ?? []) {
        if (!kinds.has(key) && reading.rolesFailed.roles.includes(before.source.role)) {
          kinds.set(key, before);
          keptKinds.push({ kind: key, error: reading.rolesFailed.error });
        }
      }
    }
    // Unread XRDs are unknown, not gone; unchanged ones keep their array, so work derived from them can be reused.
    const before = previous?.xrds ?? [];
    const xrds = reading.xrds && !sameObjects(reading.xrds, before) ? reading.xrds : before;
    return { state: { namespaces: reading.namespaces, kinds, xrds }, keptKinds };
  }

  /** Forgets clusters that are no longer configured; returns their names. */
  retainClusters(names: string[]): string[] {
    const removed = this.clusters.retain(names);
    for (const name of removed) this.versions.delete(name);
    return removed;
  }

  has(cluster: string): boolean {
    return this.clusters.has(cluster);
  }

  clusterNames(): string[] {
    return this.clusters.clusterNames();
  }

  /** The cluster's last read XRDs. */
  xrds(cluster: string): KubeObject[] {
    return this.clusters.get(cluster)?.xrds ?? [];
  }

  namespaces(cluster: string): NamespaceInfo[] {
    return this.clusters.get(cluster)?.namespaces ?? [];
  }

  objects(cluster: string): ClusterObject[] {
    const state = this.clusters.get(cluster);
    if (!state) return [];
    return [...state.kinds.values()].flatMap(k => [...k.objects.values()].map(object => ({ cluster, source: k.source, object })));
  }

  sources(cluster: string): SourceKind[] {
    return [...(this.clusters.get(cluster)?.kinds.values() ?? [])].map(k => k.source);
  }

  /** Applies one watch event; returns false when the cluster or kind is unknown (nothing to update). */
  applyEvent(cluster: string, source: SourceKind, type: 'ADDED' | 'MODIFIED' | 'DELETED', object: KubeObject): boolean {
    const kind = this.clusters.get(cluster)?.kinds.get(sourceKey(source));
    if (!kind) return false;
    if (type === 'DELETED') kind.objects.delete(objectKey(object));
    else kind.objects.set(objectKey(object), object);
    this.touch(cluster);
    return true;
  }

  /** Replaces one kind's objects after a watch had to re-list (410 Gone). */
  replaceKind(cluster: string, source: SourceKind, objects: KubeObject[]): boolean {
    const state = this.clusters.get(cluster);
    if (!state?.kinds.has(sourceKey(source))) return false;
    state.kinds.set(sourceKey(source), { source, objects: new Map(objects.map(o => [objectKey(o), o])) });
    this.touch(cluster);
    return true;
  }
}
