/** Fixed entity annotation keys; their home is the common package so the resources backend reads the same. */
export { ENTITY_ANNOTATIONS } from '@kube-platform/plugin-kubernetes-common';

/**
 * On an entity that several clusters produce under one ref (see mapping/acrossClusters.ts): every
 * cluster it runs in, comma separated, in name order. `kube-platform.io/cluster` names the first.
 */
export const CLUSTERS_ANNOTATION = 'kube-platform.io/clusters';

/** Backstage's own Kubernetes plugin annotations, so its Kubernetes tab works for ingested entities. */
export const BACKSTAGE_KUBERNETES_ANNOTATIONS = {
  id: 'backstage.io/kubernetes-id',
  labelSelector: 'backstage.io/kubernetes-label-selector',
  namespace: 'backstage.io/kubernetes-namespace',
  cluster: 'backstage.io/kubernetes-cluster',
} as const;

/**
 * Annotations read from Kubernetes objects (and, for owner/system/lifecycle, their Namespace), as
 * `<annotationPrefix>/<suffix>`; the prefix is configurable, default `kube-platform.io`.
 */
export const SOURCE_ANNOTATION_SUFFIXES = {
  owner: 'owner',
  system: 'system',
  lifecycle: 'lifecycle',
  /** Component/Resource `spec.type`. */
  type: 'component-type',
  title: 'title',
  description: 'description',
  /** JSON array of `{ "url", "title"?, "icon"? }`; only http and https URLs are kept. */
  links: 'links',
  /** Comma separated; sanitised into valid tags. */
  tags: 'tags',
  /** Comma separated entity refs, or bare object names in the same namespace and cluster. */
  dependsOn: 'depends-on',
  providesApis: 'provides-apis',
  consumesApis: 'consumes-apis',
  subcomponentOf: 'subcomponent-of',
  /** Overrides the entity name; validated, never trusted. */
  name: 'name',
  /** Opt-in when `onlyIngestAnnotatedResources` is on: `"true"`. */
  addToCatalog: 'add-to-catalog',
  /** Opt-out: `"true"` skips the object; `"false"` means false. */
  excludeFromCatalog: 'exclude-from-catalog',
} as const;

/**
 * How the opt-in and opt-out annotations read, for workloads, claims, XRDs and CRDs alike: `"true"` in
 * any case, with surrounding blanks, is true; anything else, notably `"false"`, is false.
 */
export function isTrueFlag(value: unknown): boolean {
  return typeof value === 'string' && value.trim().toLowerCase() === 'true';
}

export const DEFAULT_ANNOTATION_PREFIX = 'kube-platform.io';
