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

/**
 * The `backstage.io/managed-by-location` the ingestor gives every entity it reads from `cluster`.
 *
 * @remarks
 * The catalog overwrites this annotation with the real location for entities registered from files, so
 * only an entity provider can set it. The resources backend relies on that: it names cluster objects
 * only for entities carrying this location, so a hand-written catalog-info.yaml cannot point it at an
 * object of another team.
 */
export function ingestedEntityLocation(cluster: string): string {
  return `kubernetes-ingestor:cluster/${cluster}`;
}
