import { KubeSchema } from './types';

/**
 * The schema that governs `key` inside an object schema: declared properties first, then a schema
 * for map values, then the same lookups through `allOf`.
 */
export function propertySchema(schema: KubeSchema | undefined, key: string): KubeSchema | undefined {
  if (!schema) return undefined;
  const declared = schema.properties?.[key];
  if (declared) return declared;
  if (typeof schema.additionalProperties === 'object') {
    return schema.additionalProperties;
  }
  for (const part of schema.allOf ?? []) {
    const found = propertySchema(part, key);
    if (found) return found;
  }
  return undefined;
}

/** The schema of the items of an array schema (tuple schemas use their first entry). */
export function itemSchema(schema: KubeSchema | undefined): KubeSchema | undefined {
  if (!schema?.items) return undefined;
  return Array.isArray(schema.items) ? schema.items[0] : schema.items;
}

/** Property names the schema requires, including those required through `allOf`. */
export function requiredKeys(schema: KubeSchema | undefined): Set<string> {
  const keys = new Set(schema?.required ?? []);
  for (const part of schema?.allOf ?? []) {
    for (const key of requiredKeys(part)) keys.add(key);
  }
  return keys;
}

function hasType(schema: KubeSchema, type: string): boolean {
  return Array.isArray(schema.type) ? schema.type.includes(type) : schema.type === type;
}

/**
 * Whether a string value at this place must be YAML text from an editor field: the schema wants an
 * object or array, keeps unknown fields, embeds a resource, or offers alternatives without a type.
 */
export function wantsStructuredValue(schema: KubeSchema | undefined): boolean {
  if (!schema) return false;
  if (hasType(schema, 'string') || schema['x-kubernetes-int-or-string']) {
    return false;
  }
  if (hasType(schema, 'object') || hasType(schema, 'array')) return true;
  if (schema['x-kubernetes-preserve-unknown-fields']) return true;
  if (schema['x-kubernetes-embedded-resource']) return true;
  return !schema.type && Boolean(schema.oneOf || schema.anyOf);
}

/** Appends a key or index to a dotted field path. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}
