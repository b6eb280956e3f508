import type { MappingSettings } from '../config/types';
import { definitionApiNames } from '../templates/apiNames';
import type { ClusterObject, ClusterReading } from '../types';
import { mergeAcrossClusters, type ClusterEntities } from './acrossClusters';
import { clip, compareStrings } from './guards';
import { compareEntities, mapClusterObjects, sortReports } from './mapCluster';
import { systemEntities } from './systems';
import type { MappingResult, MappingSkip, MappingWarning } from './types';

/**
 * Maps everything read in one cycle: the entities of every cluster whose reading is trustworthy, plus
 * their Systems. A failed cluster or kind maps to nothing here and is reported as a warning; keeping its
 * last good entities is the provider's job.
 */
export function mapReadings(readings: ClusterReading[], settings: MappingSettings): MappingResult {
  const perCluster: ClusterEntities[] = [];
  const skipped: MappingSkip[] = [];
  const warnings: MappingWarning[] = [];

  const ordered = [...readings].sort((a, b) => compareStrings(a.cluster, b.cluster));
  const apiNames = settings.templates.enabled
    ? definitionApiNames(new Map(ordered.map(r => [r.cluster, r.xrds ?? []] as const)), settings.templates.options)
    : new Map<string, string>();
  for (const reading of ordered) {
    const { cluster } = reading;
    if (reading.error !== undefined) {
      warnings.push({ cluster, object: `cluster ${cluster}`, message: `not mapped: ${clip(reading.error)}` });
      continue;
    }
    const objects: ClusterObject[] = [];
    for (const { source, outcome } of reading.kinds) {
      if (outcome.ok) {
        for (const object of outcome.value) objects.push({ cluster, source, object });
      } else {
        warnings.push({ cluster, object: `kind ${source.kind}`, message: `not mapped: ${clip(outcome.error)}` });
      }
    }
    const result = mapClusterObjects(cluster, objects, reading.namespaces, settings, apiNames);
    perCluster.push({ cluster, entities: result.entities });
    skipped.push(...result.skipped);
    warnings.push(...result.warnings);
  }

  const merged = mergeAcrossClusters(perCluster);
  warnings.push(...merged.warnings);
  const unique = merged.entities;
  return {
    entities: [...unique, ...systemEntities(unique, settings)].sort(compareEntities),
    skipped: sortReports(skipped),
    warnings: sortReports(warnings),
  };
}

// The provider imports the whole mapping surface from this entry point.
export { mapClusterObjects, createDraftCache, type ClusterDraftCache } from './mapCluster';
export { systemEntities } from './systems';
export { mergeAcrossClusters, type ClusterEntities } from './acrossClusters';
export type { MappingResult, MappingSkip, MappingWarning, SkipReason } from './types';
