import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { ResourcesView } from './ResourcesView';

/**
 * The Resources tab content for the entity in context (both frontend systems render this).
 *
 * @public
 */
export function EntityKubernetesResourcesContent() {
  const { entity } = useEntity();
  return <ResourcesView entityRef={stringifyEntityRef(entity)} />;
}
