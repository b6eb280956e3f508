import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { MappingSettings } from '../config/types';
import type { DefinitionApiNames } from '../templates/apiNames';
import { createDraftCache, mapClusterObjects, type ClusterDraftCache, mergeAcrossClusters, systemEntities, type ClusterEntities, type MappingResult } from '../mapping/mapReading';
import type { ClusterSnapshots } from './snapshots';

export interface Emission {
  entities: Entity[];
  skipped: MappingResult['skipped'];
  warnings: MappingResult['warnings'];
}

/**
 * Maps every cluster's last good snapshot, merges entities that several clusters produce under one ref
 * (see {@link mergeAcrossClusters}: one entity per service, listing its clusters), and adds the Systems
 * they reference.
 */
export function emitEntities(
  snapshots: ClusterSnapshots,
  settings: MappingSettings,
  apiNames: DefinitionApiNames = new Map(),
  /** Each cluster's drafts from the last emission, so unchanged objects are not read again; clusters gone are dropped. */
  caches: Map<string, ClusterDraftCache> = new Map(),
): Emission {
  const skipped: Emission['skipped'] = [];
  const warnings: Emission['warnings'] = [];
  const perCluster: ClusterEntities[] = [];
  const clusters = snapshots.clusterNames();
  for (const cluster of [...caches.keys()]) if (!clusters.includes(cluster)) caches.delete(cluster);
  for (const cluster of clusters) {
    const cache = caches.get(cluster) ?? createDraftCache();
    caches.set(cluster, cache);
    const result = mapClusterObjects(cluster, snapshots.objects(cluster), snapshots.namespaces(cluster), settings, apiNames, cache);
    skipped.push(...result.skipped);
    warnings.push(...result.warnings);
    perCluster.push({ cluster, entities: result.entities });
  }
  const merged = mergeAcrossClusters(perCluster);
  warnings.push(...merged.warnings);
  const refs = new Set(merged.entities.map(e => stringifyEntityRef(e)));
  const entities = [...merged.entities];
  for (const system of systemEntities(entities, settings)) {
    if (!refs.has(stringifyEntityRef(system))) entities.push(system);
  }
  return { entities, skipped, warnings };
}
