/**
 * The incumbent's ordering and visibility hints on schema properties, so schemas written for it keep
 * working: `x-ui-order` (lower first, unordered after, in schema order), `x-ui-hidden` and `x-ui-advanced`.
 * Required fields come before all others, so a user who only fills what is needed finds it at the top.
 */
import type { Schema } from '../schema/types';

/** One property of an object schema, in display order. */
export interface PropertyEntry {
  key: string;
  schema: Schema;
  required: boolean;
}

export function orderedProperties(schema: Schema): PropertyEntry[] {
  const required = new Set(schema.required ?? []);
  const entries = Object.entries(schema.properties ?? {}).map(([key, child], index) => ({ key, schema: child, required: required.has(key), index }));
  const rank = (s: Schema) => (typeof s['x-ui-order'] === 'number' ? s['x-ui-order'] : Number.POSITIVE_INFINITY);
  entries.sort((a, b) => Number(b.required) - Number(a.required) || rank(a.schema) - rank(b.schema) || a.index - b.index);
  return entries.map(({ key, schema: child, required: isRequired }) => ({ key, schema: child, required: isRequired }));
}

/** Hidden unless that would leave a required value without a default: a form must stay submittable. */
export function isHidden(entry: PropertyEntry): boolean {
  return entry.schema['x-ui-hidden'] === true && (!entry.required || entry.schema.default !== undefined);
}

/** A description that opens by calling the field deprecated ("Deprecated: use x instead."). */
const DEPRECATED = /^\s*deprecated\b/i;

/**
 * Fields for the advanced page: marked `x-ui-advanced`, or optional and deprecated, which a user
 * creating something new should not be led to.
 */
export function isAdvanced(entry: PropertyEntry): boolean {
  if (entry.schema['x-ui-advanced'] === true) return true;
  return !entry.required && DEPRECATED.test(entry.schema.description ?? '');
}
