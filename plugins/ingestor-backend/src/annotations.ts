/**
 * Annotations the ingestor writes on entities. Their keys are fixed (not derived from the configurable
 * source prefix) so the resources tab and other readers always find them.
 */
export const ENTITY_ANNOTATIONS = {
  /** The cluster the object was read from, as named in configuration. */
  cluster: 'kube-platform.io/cluster',
  apiVersion: 'kube-platform.io/source-api-version',
  kind: 'kube-platform.io/source-kind',
  namespace: 'kube-platform.io/source-namespace',
  name: 'kube-platform.io/source-name',
  /** For claims: the bound composite, as `<apiVersion>/<kind>/<name>`. */
  composite: 'kube-platform.io/composite',
  /** For claims and composites: the Composition in use. */
  composition: 'kube-platform.io/composition',
  /** For claims and composites: the XRD that defines the kind. */
  xrd: 'kube-platform.io/xrd',
} as const;

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

export const DEFAULT_ANNOTATION_PREFIX = 'kube-platform.io';
