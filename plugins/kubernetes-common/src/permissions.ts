import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Reading an entity's live Kubernetes resources (tree, YAML, events) through the resources backend.
 *
 * @remarks
 * A resource permission on the entity (`catalog-entity`), so policies can decide per entity, with the
 * catalog's own conditions (owner, kind, annotations), and not only for the resources tab as a whole.
 */
export const kubernetesResourcesReadPermission = createPermission({
  name: 'kubernetes-resources.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

/** Every permission the resources backend checks, for registration with the permissions registry. */
export const kubernetesResourcesPermissions = [kubernetesResourcesReadPermission];
