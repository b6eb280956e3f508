import type { Entity } from '@backstage/catalog-model';
import { ANNOTATION_LOCATION } from '@backstage/catalog-model';
import { ENTITY_ANNOTATIONS, ingestedEntityLocation } from '@kube-platform/plugin-kubernetes-common';

/** A catalog entity naming one cluster object with the ingestor's annotations. */
export function entityFor(name: string, obj: { apiVersion: string; kind: string; namespace?: string; name: string }, cluster = 'kube-sim'): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        [ANNOTATION_LOCATION]: ingestedEntityLocation(cluster),
        [ENTITY_ANNOTATIONS.cluster]: cluster,
        [ENTITY_ANNOTATIONS.apiVersion]: obj.apiVersion,
        [ENTITY_ANNOTATIONS.kind]: obj.kind,
        [ENTITY_ANNOTATIONS.name]: obj.name,
        ...(obj.namespace ? { [ENTITY_ANNOTATIONS.namespace]: obj.namespace } : {}),
      },
    },
    spec: { type: 'kubernetes', owner: 'group:default/team' },
  };
}

/** A CRD whose plural is not the kind plus "s", so only discovery can name its path. */
export const octopusCrd = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'octopodes.zoo.example.org' },
  spec: {
    group: 'zoo.example.org',
    scope: 'Namespaced',
    names: { kind: 'Octopus', plural: 'octopodes', singular: 'octopus', listKind: 'OctopusList' },
    versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } }, subresources: { status: {} } }],
  },
};

/** A namespaced v2-style composite of kind Octopus composing `refs`, Ready unless told otherwise. */
export function octopus(name: string, refs: Array<{ apiVersion: string; kind: string; name: string }>, ready: 'True' | 'False' = 'True') {
  return {
    apiVersion: 'zoo.example.org/v1',
    kind: 'Octopus',
    metadata: { name, namespace: 'zoo' },
    spec: { crossplane: { resourceRefs: refs } },
    status: {
      conditions: [
        { type: 'Synced', status: 'True', reason: 'ReconcileSuccess', lastTransitionTime: '2026-11-20T10:00:00Z' },
        { type: 'Ready', status: ready, reason: ready === 'True' ? 'Available' : 'Creating', lastTransitionTime: '2026-11-20T10:00:00Z' },
      ],
    },
  };
}
