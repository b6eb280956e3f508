import type { Entity } from '@backstage/catalog-model';
import { BACKSTAGE_KUBERNETES_ANNOTATIONS, ENTITY_ANNOTATIONS } from '../annotations';
import type { IngestorConfig } from '../config/types';
import { definitionApiNames } from '../templates/apiNames';
import type { ClusterObject, ClusterReading } from '../types';
import { NameClaim, resolveNames } from './dedupe';
import { clip, compareStrings } from './guards';
import { compareEntities, mapClusterObjects, sortReports } from './mapCluster';
import { shortHash, toDnsLabel } from './names';
import { systemEntities } from './systems';
import type { MappingResult, MappingSkip, MappingWarning } from './types';

function sourceIdentity(entity: Entity): string[] {
  const annotations = entity.metadata.annotations ?? {};
  return [
    annotations[ENTITY_ANNOTATIONS.cluster] ?? '',
    annotations[ENTITY_ANNOTATIONS.kind] ?? '',
    annotations[ENTITY_ANNOTATIONS.namespace] ?? '',
    annotations[ENTITY_ANNOTATIONS.name] ?? '',
  ];
}

/**
 * Makes refs unique across clusters. Per-cluster results already are; two clusters can only meet when
 * the name and namespace models leave the cluster out (e.g. `namespaceModel: default`, `nameModel:
 * name`). Then the entity from the alphabetically first cluster keeps the name and the others get
 * `-<cluster>`. The provider, which merges per-cluster results itself, should call this too.
 */
export function ensureUniqueRefs(entities: Entity[]): Entity[] {
  const claims: NameClaim[] = entities.map(entity => {
    const identity = sourceIdentity(entity);
    return {
      scope: `${entity.kind}:${entity.metadata.namespace ?? 'default'}`,
      name: entity.metadata.name,
      rank: identity,
      suffixes: [toDnsLabel(identity[0]), shortHash(JSON.stringify(identity))],
    };
  });
  const names = resolveNames(claims);
  return entities.map((entity, index) => {
    if (names[index] === entity.metadata.name) return entity;
    const annotations = { ...entity.metadata.annotations };
    if (annotations[BACKSTAGE_KUBERNETES_ANNOTATIONS.id] !== undefined) {
      annotations[BACKSTAGE_KUBERNETES_ANNOTATIONS.id] = names[index];
    }
    return { ...entity, metadata: { ...entity.metadata, name: names[index], annotations } };
  });
}

/**
 * Maps everything read in one cycle: the entities of every cluster whose reading is trustworthy, plus
 * their Systems. A failed cluster or kind maps to nothing here and is reported as a warning; keeping its
 * last good entities is the provider's job.
 */
export function mapReadings(readings: ClusterReading[], config: IngestorConfig): MappingResult {
  const entities: Entity[] = [];
  const skipped: MappingSkip[] = [];
  const warnings: MappingWarning[] = [];

  const ordered = [...readings].sort((a, b) => compareStrings(a.cluster, b.cluster));
  const apiNames = config.templates.enabled
    ? definitionApiNames(new Map(ordered.map(r => [r.cluster, r.xrds ?? []] as const)), config.templates.options)
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
    const result = mapClusterObjects(cluster, objects, reading.namespaces, config, apiNames);
    entities.push(...result.entities);
    skipped.push(...result.skipped);
    warnings.push(...result.warnings);
  }

  const unique = ensureUniqueRefs(entities);
  return {
    entities: [...unique, ...systemEntities(unique, config)].sort(compareEntities),
    skipped: sortReports(skipped),
    warnings: sortReports(warnings),
  };
}

// The provider imports the whole mapping surface from this entry point.
export { mapClusterObjects } from './mapCluster';
export { systemEntities } from './systems';
export type { MappingResult, MappingSkip, MappingWarning, SkipReason } from './types';
