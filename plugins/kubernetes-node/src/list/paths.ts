import type { KubeObject, ResourceType } from '../types';

/**
 * `group/version`, or just `version` for the core group.
 *
 * @public
 */
export function apiVersionOf(source: Pick<ResourceType, 'group' | 'version'>): string {
  return source.group ? `${source.group}/${source.version}` : source.version;
}

/**
 * The collection path of a kind: cluster-wide, or inside one namespace for namespaced kinds.
 *
 * @public
 */
export function collectionPath(source: ResourceType, namespace?: string): string {
  const root = source.group ? `/apis/${source.group}/${source.version}` : `/api/${source.version}`;
  const ns = namespace && source.namespaced ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${root}${ns}/${source.plural}`;
}

/**
 * The object with `apiVersion` and `kind` of the kind it was listed as. A real API server leaves them
 * off the items of built-in kinds in a list, and mapping must not guess them from the plural.
 *
 * @public
 */
export function withKindFields<T extends KubeObject>(object: T, source: Pick<ResourceType, 'group' | 'version' | 'kind'>): T {
  // Objects of custom kinds come with both, first: they are returned as they are, not copied (lists
  // are large and every copy is garbage). A real server leaves both off items of built-in kinds.
  const apiVersion = apiVersionOf(source);
  if (startsWithKindFields(object, apiVersion, source.kind)) return object;
  // A proxy or a broken server could send an object without metadata; KubeObject promises one.
  const copy: Record<string, unknown> = { apiVersion, kind: source.kind };
  for (const key in object) {
    if (key === 'apiVersion' || key === 'kind') continue;
    const value = key === 'metadata' ? safeMetadata(object) : object[key as keyof T];
    // A `__proto__` key from the wire stays a plain field; assigning it would set the copy's prototype.
    if (key === '__proto__') Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
    else copy[key] = value;
  }
  if (!('metadata' in copy)) copy.metadata = {};
  return copy as T;
}

function safeMetadata(object: KubeObject): KubeObject['metadata'] {
  const metadata: unknown = object.metadata;
  return typeof metadata === 'object' && metadata !== null && !Array.isArray(metadata) ? object.metadata : {};
}

/** `apiVersion` and `kind` are the object's first two keys, with these values, and its metadata is an object. */
function startsWithKindFields(object: KubeObject, apiVersion: string, kind: string): boolean {
  if (object.apiVersion !== apiVersion || object.kind !== kind) return false;
  const metadata: unknown = object.metadata;
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) return false;
  let index = 0;
  for (const key in object) {
    if (Object.prototype.hasOwnProperty.call(object, key)) {
      if ((index === 0 && key !== 'apiVersion') || (index === 1 && key !== 'kind')) return false;
      if (++index === 2) return true;
    }
  }
  return false;
}

/**
 * A field selector that keeps `namespaces` out, for the server to apply (`metadata.namespace!=a,…`);
 * undefined when there is nothing to exclude. Namespace names cannot contain `,` or `=`, so no escaping.
 *
 * @public
 */
export function excludeNamespacesSelector(namespaces: readonly string[]): string | undefined {
  const parts = [...new Set(namespaces)].filter(Boolean).map(ns => `metadata.namespace!=${ns}`);
  return parts.length ? parts.join(',') : undefined;
}

/** A name the API server could accept as a path segment: no slashes, no `.`/`..`, nothing empty. */
function segment(what: string, value: string): string {
  if (value === '' || value === '.' || value === '..' || value.includes('/')) {
    throw new Error(`invalid ${what} "${value.slice(0, 64)}": expected a Kubernetes object name`);
  }
  return encodeURIComponent(value);
}

/**
 * The path of one object, or of one of its subresources (`status`, `log`, `scale`…).
 * A namespaced kind needs `namespace`; a cluster-scoped kind ignores it.
 *
 * @public
 */
export function objectPath(resource: ResourceType, name: string, opts: { namespace?: string; subresource?: string } = {}): string {
  if (resource.namespaced && !opts.namespace) {
    throw new Error(`${resource.kind} ${name} is namespaced: a namespace is required`);
  }
  const root = resource.group ? `/apis/${resource.group}/${resource.version}` : `/api/${resource.version}`;
  const ns = resource.namespaced ? `/namespaces/${segment('namespace', opts.namespace ?? '')}` : '';
  const sub = opts.subresource ? `/${segment('subresource', opts.subresource)}` : '';
  return `${root}${ns}/${resource.plural}/${segment('name', name)}${sub}`;
}
