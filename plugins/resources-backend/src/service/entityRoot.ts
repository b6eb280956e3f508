import { ANNOTATION_LOCATION, stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';
import { ENTITY_ANNOTATIONS, ingestedEntityLocation } from '@kube-platform/plugin-kubernetes-common';
import type { ObjectRef } from '../tree/refs';

/** Where an entity's resource tree starts: the object the ingestor read it from, in its cluster. */
export interface EntityRoot {
  cluster: string;
  ref: ObjectRef;
}

/**
 * The root object named by the ingestor's annotations. An entity without them has no tree: the
 * error names the entity and the missing annotation.
 *
 * @remarks
 * Anyone who can register a catalog-info.yaml can write these annotations, and cluster reads may run
 * with the plugin's own service account; so they are only trusted on entities the ingestor emitted for
 * that same cluster (the catalog overwrites `backstage.io/managed-by-location` of registered files).
 */
export function entityRoot(entity: Entity): EntityRoot {
  const annotations = entity.metadata.annotations ?? {};
  const need = (key: string): string => {
    const value = annotations[key];
    if (typeof value !== 'string' || value.trim() === '') {
      throw new InputError(`entity ${stringifyEntityRef(entity)} has no ${key} annotation, so it names no Kubernetes object`);
    }
    return value.trim();
  };
  const namespace = annotations[ENTITY_ANNOTATIONS.namespace]?.trim();
  const cluster = need(ENTITY_ANNOTATIONS.cluster);
  if (annotations[ANNOTATION_LOCATION] !== ingestedEntityLocation(cluster)) {
    throw new NotAllowedError(
      `entity ${stringifyEntityRef(entity)} was not ingested from cluster ${cluster.slice(0, 63)}, so its annotations do not name a Kubernetes object`,
    );
  }
  return {
    cluster,
    ref: {
      apiVersion: need(ENTITY_ANNOTATIONS.apiVersion),
      kind: need(ENTITY_ANNOTATIONS.kind),
      name: need(ENTITY_ANNOTATIONS.name),
      ...(namespace ? { namespace } : {}),
    },
  };
}
