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
 * The last emission and what it was made from. When every cluster hands back the very result it did
 * before (nothing changed anywhere, as in a steady sync whose kinds watches follow), merging across
 * clusters and making Systems again would give the same entities: the emission is reused.
 */
export interface EmissionMemo {
  last?: { settings: MappingSettings; clusters: string[]; results: MappingResult[]; emission: Emission };
}

function sameInputs(last: NonNullable<EmissionMemo['last']>, settings: MappingSettings, clusters: string[], results: MappingResult[]): boolean {
  return last.settings === settings && last.clusters.length === clusters.length && clusters.every((c, i) => last.clusters[i] === c && last.results[i] === results[i]);
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
  memo: EmissionMemo = {},
): Emission {
  const clusters = snapshots.clusterNames();
  for (const cluster of [...caches.keys()]) if (!clusters.includes(cluster)) caches.delete(cluster);
  const results = clusters.map(cluster => {
    const cache = caches.get(cluster) ?? { drafts: createDraftCache() };
    caches.set(cluster, cache);
    return mapCluster(snapshots, cluster, settings, apiNames, cache);
  });
  if (memo.last && sameInputs(memo.last, settings, clusters, results)) return memo.last.emission;
  const emission = combine(clusters, results, settings);
  memo.last = { settings, clusters, results, emission };
  return emission;
}

/** One emission from each cluster's mapping: merged across clusters, plus the Systems they reference. */
function combine(clusters: string[], results: MappingResult[], settings: MappingSettings): Emission {
  const skipped: Emission['skipped'] = [];
  const warnings: Emission['warnings'] = [];
  const perCluster: ClusterEntities[] = [];
  results.forEach((result, i) => {
    skipped.push(...result.skipped);
    warnings.push(...result.warnings);
    perCluster.push({ cluster: clusters[i], entities: result.entities });
  });
  const merged = mergeAcrossClusters(perCluster);
  warnings.push(...merged.warnings);
  const { entities, refs } = merged;
  // Only a System can collide with a System's ref.
  const known = new Set(refs.filter(ref => ref.startsWith('system:')));
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
