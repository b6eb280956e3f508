import type { MappingSettings } from '../config/types';
import type { ClusterReading, KubeObject, SourceKind } from '../types';
import { ApiNamesCache } from './apiNames';
import { emitEntities, type Emission } from './emit';
import type { ClusterDraftCache } from '../mapping/mapReading';
import { ClusterSnapshots } from './snapshots';
import { summarise, type CycleSummary } from './summary';

/** Where clusters come from and how they are read: the seam between the provider and cluster access. */
export interface ClusterSource<C extends { name: string }> {
  /** The clusters to read, resolved at each sync (the kubernetes-backend's list may change). */
  connections(): Promise<C[]>;
  read(connections: C[], signal?: AbortSignal): Promise<ClusterReading[]>;
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
  /** Per-cluster drafts of the last emission: a steady cycle re-reads only objects that changed. */
  private readonly drafts = new Map<string, ClusterDraftCache>();
  private readonly apiNames: ApiNamesCache;

  constructor(private readonly settings: MappingSettings, private readonly source: ClusterSource<C>) {
    this.apiNames = new ApiNamesCache(settings);
  }

  async sync(signal?: AbortSignal): Promise<SyncResult> {
    const started = performance.now();
    const connections = await this.source.connections();
    this.lastConnections = connections;
    const readings = await this.source.read(connections, signal);
    for (const reading of readings) this.snapshots.applyReading(reading);
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
    return this.snapshots.applyEvent(cluster, source, type, object);
  }

  replaceKind(cluster: string, source: SourceKind, objects: KubeObject[]): boolean {
    return this.snapshots.replaceKind(cluster, source, objects);
  }

  emit(): Emission {
    return emitEntities(this.snapshots, this.settings, this.apiNames.of(this.snapshots), this.drafts);
  }
}
