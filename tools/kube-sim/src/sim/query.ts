import { matchesFields, matchesLabels, namespaceConstraint, parseFieldSelector, parseLabelSelector } from '../api/selectors';
import type { KubeObject, ResourceType } from '../types';
import { supportedFieldsFor } from './fieldSelectors';

/** A compiled label + field selector, with the namespace range it allows. */
export interface Query {
  match: (obj: KubeObject) => boolean;
  /** Restrict to one namespace (from the path or a `metadata.namespace=` field selector). */
  namespace?: string;
  /** True when no namespace can match (path and selector disagree). */
  empty: boolean;
  /** True when a selector narrows the result, so remainingItemCount is not known. */
  filtered: boolean;
}

export function compileQuery(type: ResourceType, pathNamespace: string | undefined, labelSelector?: string, fieldSelector?: string): Query {
  const labels = labelSelector ? parseLabelSelector(labelSelector) : undefined;
  const fields = fieldSelector ? parseFieldSelector(fieldSelector, supportedFieldsFor(type)) : undefined;
  let namespace = type.namespaced ? pathNamespace : undefined;
  let empty = false;
  let excluded: Set<string> | undefined;
  if (fields && type.namespaced) {
    const c = namespaceConstraint(fields);
    if (c.equals !== undefined) {
      if (namespace !== undefined && namespace !== c.equals) empty = true;
      namespace = c.equals;
    }
    if (c.notEquals.length) excluded = new Set(c.notEquals);
  }
  const match = (obj: KubeObject): boolean =>
    (!excluded || !excluded.has(obj.metadata.namespace ?? '')) &&
    (!labels || matchesLabels(labels, obj.metadata.labels)) &&
    (!fields || matchesFields(fields, obj));
  return { match, namespace, empty, filtered: Boolean(labels || fields) };
}
