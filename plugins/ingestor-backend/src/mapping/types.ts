import type { Entity } from '@backstage/catalog-model';

/** Why an object did not become an entity. */
export type SkipReason =
  /** The object's namespace is in `components.excludedNamespaces`. */
  | 'excluded-namespace'
  /** `components.includedNamespaces` is set and does not list the object's namespace. */
  | 'not-included-namespace'
  /** `<prefix>/exclude-from-catalog: "true"`. */
  | 'opted-out'
  /** `components.onlyIngestAnnotatedResources` is on and the object lacks `<prefix>/add-to-catalog: "true"`. */
  | 'not-opted-in'
  /** A nested or claim-bound composite, or a workload composed by one: it appears in its root's graph. */
  | 'composed-by-parent'
  /** Its role is switched off (`components.enabled` / `crossplane.enabled`). */
  | 'disabled'
  /** Missing or malformed fields; the message names them. */
  | 'invalid';

export interface MappingSkip {
  cluster: string;
  /** `<Kind> <namespace>/<name>`, or `<Kind> <name>` for cluster-scoped objects. */
  object: string;
  reason: SkipReason;
  message: string;
}

/** Something was ignored or repaired, but the object was still mapped. */
export interface MappingWarning {
  cluster: string;
  object: string;
  message: string;
}

export interface MappingResult {
  /** Sorted by kind, namespace, name; refs are unique. */
  entities: Entity[];
  skipped: MappingSkip[];
  warnings: MappingWarning[];
}
