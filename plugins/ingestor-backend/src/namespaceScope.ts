import { excludeNamespacesSelector } from '@kube-platform/plugin-kubernetes-node';

/**
 * Which namespaces the ingestor reads, computed once from `components.excludedNamespaces` and
 * `components.includedNamespaces` and applied wherever objects are read: list, watch, re-list after a
 * 410, and the mapping's admission. Cluster-scoped objects belong to no namespace and are always in.
 */
export interface NamespaceScope {
  excluded: readonly string[];
  /** When set, only these namespaces (exclusions still win). */
  included?: readonly string[];
  /** The server-side part: `metadata.namespace!=…` for every exclusion; undefined when none. */
  fieldSelector?: string;
}

/** Why a namespace is out of scope, or undefined when it is in. */
export type OutOfScope = 'excluded-namespace' | 'not-included-namespace';

/** The scope the components settings describe. */
export function namespaceScope(components: { excludedNamespaces: readonly string[]; includedNamespaces?: readonly string[] }): NamespaceScope {
  return {
    excluded: components.excludedNamespaces,
    included: components.includedNamespaces,
    fieldSelector: excludeNamespacesSelector(components.excludedNamespaces),
  };
}

/** Why `namespace` is out of `scope`; undefined (in scope) for cluster-scoped objects. */
export function outOfScope(scope: NamespaceScope, namespace: string | undefined): OutOfScope | undefined {
  if (namespace === undefined) return undefined;
  if (scope.excluded.includes(namespace)) return 'excluded-namespace';
  if (scope.included && !scope.included.includes(namespace)) return 'not-included-namespace';
  return undefined;
}

/** Whether an object (by its namespace) is in scope. */
export function inScope(scope: NamespaceScope, object: { metadata?: { namespace?: string } }): boolean {
  return outOfScope(scope, object.metadata?.namespace) === undefined;
}
