import type { KubeObject, SourceKind } from '../types';

/** `group/version`, or just `version` for the core group. */
export function apiVersionOf(source: Pick<SourceKind, 'group' | 'version'>): string {
  return source.group ? `${source.group}/${source.version}` : source.version;
}

/** The collection path of a kind: cluster-wide, or inside one namespace for namespaced kinds. */
export function collectionPath(source: SourceKind, namespace?: string): string {
  const root = source.group ? `/apis/${source.group}/${source.version}` : `/api/${source.version}`;
  const ns = namespace && source.namespaced ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${root}${ns}/${source.plural}`;
}

/**
 * The object with `apiVersion` and `kind` of the kind it was listed as. A real API server leaves them
 * off the items of built-in kinds in a list, and mapping must not guess them from the plural.
 */
export function withKindFields(object: KubeObject, source: SourceKind): KubeObject {
  const { apiVersion: _a, kind: _k, ...rest } = object;
  return { apiVersion: apiVersionOf(source), kind: source.kind, ...rest };
}

/**
 * A field selector that keeps `namespaces` out, for the server to apply (`metadata.namespace!=a,…`);
 * undefined when there is nothing to exclude. Namespace names cannot contain `,` or `=`, so no escaping.
 */
export function excludeNamespacesSelector(namespaces: readonly string[]): string | undefined {
  const parts = [...new Set(namespaces)].filter(Boolean).map(ns => `metadata.namespace!=${ns}`);
  return parts.length ? parts.join(',') : undefined;
}
