import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { ENTITY_ANNOTATIONS } from '@kube-platform/plugin-kubernetes-common';
import type { ObjectRef } from '../tree/refs';

/** Where an entity's resource tree starts: the object the ingestor read it from, in its cluster. */
export interface EntityRoot {
  cluster: string;
  ref: ObjectRef;
}

/**
 * The root object named by the ingestor's annotations. An entity without them has no tree: the
 * error names the entity and the missing annotation.
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
  return {
    cluster: need(ENTITY_ANNOTATIONS.cluster),
    ref: {
      apiVersion: need(ENTITY_ANNOTATIONS.apiVersion),
      kind: need(ENTITY_ANNOTATIONS.kind),
      name: need(ENTITY_ANNOTATIONS.name),
      ...(namespace ? { namespace } : {}),
    },
  };
}
