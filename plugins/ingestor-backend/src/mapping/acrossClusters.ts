import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { interned } from './interned';
import { BACKSTAGE_KUBERNETES_ANNOTATIONS, CLUSTERS_ANNOTATION } from '../annotations';
import { compareStrings } from './guards';
import type { MappingWarning } from './types';

/** Entities of one cluster, already unique within it. */
export interface ClusterEntities {
  cluster: string;
  entities: Entity[];
}

/**
 * What two entities of one ref must agree on to be the same service. The description is left out: the
 * generated one names its cluster (`… in cluster prod-eu`), so it differs by construction.
 */
function identity(entity: Entity): string {
  const { title, tags } = entity.metadata;
  return JSON.stringify({ spec: entity.spec ?? {}, title, tags });
}

/** The generated description names one cluster; the merged entity's names them all. */
function describeClusters(description: string | undefined, clusters: string[]): string | undefined {
  const single = ` in cluster ${clusters[0]}`;
  return description?.endsWith(single) ? `${description.slice(0, -single.length)} in clusters ${clusters.join(', ')}` : description;
}

/**
 * The one rule for entities of different clusters that map to the same ref (possible only with name
 * and namespace models that leave the cluster out): they are one service deployed to several clusters,
 * so the catalog gets ONE entity. The first cluster in name order provides it; `kube-platform.io/clusters`
 * lists every cluster it runs in, and Backstage's `kubernetes-cluster` pin is dropped so its Kubernetes
 * tab shows the workload in all of them. When the clusters disagree (owner, type, system, title…), a warning
 * names them: the first cluster's version is kept.
 */
export function mergeAcrossClusters(results: ClusterEntities[]): { entities: Entity[]; refs: string[]; warnings: MappingWarning[] } {
  // The first entity of each ref and its cluster, by position; the clusters of refs seen more than once
  // apart. Most refs have one cluster, and a record per entity would be garbage a fleet's size every sync.
  const positions = new Map<string, number>();
  const entities: Entity[] = [];
  const firstClusters: string[] = [];
  const shared = new Map<string, string[]>();
  const warnings: MappingWarning[] = [];
  for (const { cluster, entities: ofCluster } of [...results].sort((a, b) => compareStrings(a.cluster, b.cluster))) {
    for (const entity of ofCluster) {
      // Kept by the provider for every entity until the next emission.
      const ref = interned(stringifyEntityRef(entity));
      const at = positions.get(ref);
      if (at === undefined) {
        positions.set(ref, entities.length);
        entities.push(entity);
        firstClusters.push(cluster);
        continue;
      }
      if (identity(entities[at]) !== identity(entity)) {
        warnings.push({
          cluster,
          object: ref,
          message: `entity ${ref} is also produced by cluster ${firstClusters[at]}, differently; that cluster's version is used (choose a name model with the cluster to keep them apart)`,
        });
      }
      const clusters = shared.get(ref);
      if (clusters) clusters.push(cluster);
      else shared.set(ref, [firstClusters[at], cluster]);
    }
  }
  for (const [ref, clusters] of shared) {
    const at = positions.get(ref);
    if (at === undefined) continue;
    const entity = entities[at];
    const { [BACKSTAGE_KUBERNETES_ANNOTATIONS.cluster]: _pinned, ...annotations } = entity.metadata.annotations ?? {};
    const description = describeClusters(entity.metadata.description, clusters);
    entities[at] = {
      ...entity,
      metadata: { ...entity.metadata, description, annotations: { ...annotations, [CLUSTERS_ANNOTATION]: clusters.join(',') } },
    };
  }
  // Each entity's ref, in the same order: callers need them too, and making one is not free.
  return { entities, refs: [...positions.keys()], warnings };
}
