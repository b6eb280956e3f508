import type { MappingSettings } from '../config/types';
import type { ClusterReading, KubeObject, ReadOptions, SourceKind } from '../types';
import { ApiNamesCache } from './apiNames';
import { emitEntities, type ClusterMappingCache, type Emission, type EmissionMemo } from './emit';
import { ClusterSnapshots } from './snapshots';
import { summarise, type CycleSummary } from './summary';

/** Where clusters come from and how they are read: the seam between the provider and cluster access. */
export interface ClusterSource<C extends { name: string }> {
  /** The clusters to read, resolved at each sync (the kubernetes-backend's list may change). */
  connections(): Promise<C[]>;
  read(connections: C[], signal?: AbortSignal, options?: ReadOptions): Promise<ClusterReading[]>;
}

export interface SyncResult {
  emission: Emission;
  summary: CycleSummary;
  /** Clusters whose snapshot was kept or dropped, with why: for warnings. */
  readings: ClusterReading[];
  removedClusters: string[];
}

/**
 * The catalog-independent core of ingestion: read every cluster, fold the readings into the last good
 * snapshots, map them to entities. Used by the entity provider and by the preview CLI.
 */
export class Ingestion<C extends { name: string }> {
  readonly snapshots = new ClusterSnapshots();
  private lastConnections: C[] = [];
  /** Per-cluster mappings of the last emission: a steady cycle re-reads only objects that changed, a delta only its cluster. */
  private readonly mappings = new Map<string, ClusterMappingCache>();
  private readonly apiNames: ApiNamesCache;
  /** The last emission, reused while no cluster's mapping changed. */
  private readonly lastEmission: EmissionMemo = {};

  constructor(private readonly settings: MappingSettings, private readonly source: ClusterSource<C>) {
    this.apiNames = new ApiNamesCache(settings);
  }

  /**
   * Watch changes that arrived while a sync was reading. Watches keep running through a sync, so a list
   * may be older than an event already folded in: replaying them, in order, on top of the readings
   * leaves every object at the latest state seen (a watch delivers each kind's changes in order).
   */
  private journal?: Array<() => void>;

  async sync(signal?: AbortSignal, options?: ReadOptions): Promise<SyncResult> {
    const started = performance.now();
    const journal: Array<() => void> = [];
    this.journal = journal;
    let readings: ClusterReading[];
    let connections: C[];
    try {
      connections = await this.source.connections();
      this.lastConnections = connections;
      readings = await this.source.read(connections, signal, options);
    } finally {
      if (this.journal === journal) this.journal = undefined;
    }
    for (const reading of readings) this.snapshots.applyReading(reading);
    for (const replay of journal) replay();
    const removedClusters = this.snapshots.retainClusters(connections.map(c => c.name));
    const emission = this.emit();
    return { emission, summary: summarise(readings, emission, performance.now() - started), readings, removedClusters };
  }

  /** The clusters of the last sync, for starting watches. */
  connections(): C[] {
    return this.lastConnections;
  }

  /** Folds a watch event into the snapshot; true when it changed something worth re-emitting. */
  applyEvent(cluster: string, source: SourceKind, type: 'ADDED' | 'MODIFIED' | 'DELETED', object: KubeObject): boolean {
    this.journal?.push(() => this.snapshots.applyEvent(cluster, source, type, object));
    return this.snapshots.applyEvent(cluster, source, type, object);
  }

  replaceKind(cluster: string, source: SourceKind, objects: KubeObject[]): boolean {
    this.journal?.push(() => this.snapshots.replaceKind(cluster, source, objects));
    return this.snapshots.replaceKind(cluster, source, objects);
  }

  emit(): Emission {
    return emitEntities(this.snapshots, this.settings, this.apiNames.of(this.snapshots), this.mappings, this.lastEmission);
  }
}
