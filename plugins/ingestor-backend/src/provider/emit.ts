import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { IngestorConfig } from '../config/types';
import type { DefinitionApiNames } from '../templates/apiNames';
import { mapClusterObjects, systemEntities, type MappingResult } from '../mapping/mapReading';
import type { ClusterSnapshots } from './snapshots';

export interface Emission {
  entities: Entity[];
  skipped: MappingResult['skipped'];
  warnings: MappingResult['warnings'];
}

/**
 * Maps every cluster's last good snapshot and adds the Systems they reference. A ref produced twice
 * (possible only with the non-default name models across clusters) is emitted once: the first cluster
 * in name order wins, and the others are reported.
 */
export function emitEntities(snapshots: ClusterSnapshots, config: IngestorConfig, apiNames: DefinitionApiNames = new Map()): Emission {
  const entities: Entity[] = [];
  const skipped: Emission['skipped'] = [];
  const warnings: Emission['warnings'] = [];
  const seen = new Map<string, string>();
  for (const cluster of snapshots.clusterNames()) {
    const result = mapClusterObjects(cluster, snapshots.objects(cluster), snapshots.namespaces(cluster), config, apiNames);
    skipped.push(...result.skipped);
    warnings.push(...result.warnings);
    for (const entity of result.entities) {
      const ref = stringifyEntityRef(entity);
      const first = seen.get(ref);
      if (first !== undefined) {
        warnings.push({ cluster, object: ref, message: `entity ${ref} is also produced by cluster ${first}; kept that one (choose a name model that includes the cluster)` });
        continue;
      }
      seen.set(ref, cluster);
      entities.push(entity);
    }
  }
  for (const system of systemEntities(entities, config)) {
    if (!seen.has(stringifyEntityRef(system))) entities.push(system);
  }
  return { entities, skipped, warnings };
}
