import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { MappingSettings } from '../config/types';
import type { DefinitionApiNames } from '../templates/apiNames';
import { createDraftCache, mapClusterObjects, type ClusterDraftCache, mergeAcrossClusters, systemEntities, type ClusterEntities, type MappingResult } from '../mapping/mapReading';
import type { ClusterSnapshots } from './snapshots';

export interface Emission {
  entities: Entity[];
  /** The ref of each entity, in the same order. */
  refs: string[];
  skipped: MappingResult['skipped'];
  warnings: MappingResult['warnings'];
}

/**
 * What one cluster's last mapping used and produced. A cluster whose snapshot version, settings and API
 * names are the same is not mapped again (a watch delta touches one cluster); one that changed is
 * mapped with its drafts, so only the objects that changed are read again.
 */
export interface ClusterMappingCache {
  drafts: ClusterDraftCache;
  last?: { version: number; settings: MappingSettings; apiNames: DefinitionApiNames; result: MappingResult };
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
  /** Each cluster's mapping from the last emission, so unchanged work is not redone; clusters gone are dropped. */
  caches: Map<string, ClusterMappingCache> = new Map(),
): Emission {
  const skipped: Emission['skipped'] = [];
  const warnings: Emission['warnings'] = [];
  const perCluster: ClusterEntities[] = [];
  const clusters = snapshots.clusterNames();
  for (const cluster of [...caches.keys()]) if (!clusters.includes(cluster)) caches.delete(cluster);
  for (const cluster of clusters) {
    const cache = caches.get(cluster) ?? { drafts: createDraftCache() };
    caches.set(cluster, cache);
    const result = mapCluster(snapshots, cluster, settings, apiNames, cache);
    skipped.push(...result.skipped);
    warnings.push(...result.warnings);
    perCluster.push({ cluster, entities: result.entities });
  }
  const merged = mergeAcrossClusters(perCluster);
  warnings.push(...merged.warnings);
  const entities = [...merged.entities];
  const refs = [...merged.refs];
  const known = new Set(refs);
  for (const system of systemEntities(entities, settings)) {
    const ref = stringifyEntityRef(system);
    if (known.has(ref)) continue;
    entities.push(system);
    refs.push(ref);
  }
  return { entities, refs, skipped, warnings };
}

function mapCluster(snapshots: ClusterSnapshots, cluster: string, settings: MappingSettings, apiNames: DefinitionApiNames, cache: ClusterMappingCache): MappingResult {
  const version = snapshots.version(cluster);
  const { last } = cache;
  if (version !== undefined && last && last.version === version && last.settings === settings && last.apiNames === apiNames) return last.result;
  const result = mapClusterObjects(cluster, snapshots.objects(cluster), snapshots.namespaces(cluster), settings, apiNames, cache.drafts);
  cache.last = version === undefined ? undefined : { version, settings, apiNames, result };
  return result;
}
