import type { Entity } from '@backstage/catalog-model';
import { ENTITY_ANNOTATIONS } from '@kube-platform/plugin-kubernetes-common';

/** The annotations that name an entity's root object; the tab needs all three. */
const REQUIRED = [ENTITY_ANNOTATIONS.cluster, ENTITY_ANNOTATIONS.kind, ENTITY_ANNOTATIONS.name] as const;

/**
 * Whether the Resources tab can show something for this entity: it carries the ingestor's annotations
 * naming its cluster, kind and object name.
 *
 * @public
 */
export function isResourcesAvailable(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return REQUIRED.every(key => Boolean(annotations[key]));
}

