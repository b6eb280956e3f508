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
