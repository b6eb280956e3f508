import { JsonObject, JsonValue } from '@backstage/types';
import { itemSchema, propertySchema } from './schemaNav';
import { KubeSchema } from './types';

function keyOrder(schema: KubeSchema | undefined, keys: string[]): string[] {
  const declared = schema?.['x-ui-order'] ?? Object.keys(schema?.properties ?? {});
  const present = new Set(keys);
  const first = declared.filter(key => key !== '*' && present.has(key));
  const listed = new Set(first);
  // Keys the schema does not order (map entries, preserved unknown fields) sort by name, so the
  // output never depends on the order a form happened to submit them in.
  const rest = keys.filter(key => !listed.has(key)).sort();
  const star = declared.indexOf('*');
  if (star < 0) return [...first, ...rest];
  const before = declared.slice(0, star).filter(key => listed.has(key));
  const after = declared.slice(star + 1).filter(key => listed.has(key));
  return [...before, ...rest, ...after];
}

/** Rebuilds objects with keys in `x-ui-order`, else schema property order, else by name. */
export function orderKeys(value: JsonValue, schema: KubeSchema | undefined): JsonValue {
  if (Array.isArray(value)) {
    const items = itemSchema(schema);
    return value.map(item => orderKeys(item, items));
  }
  if (typeof value !== 'object' || value === null) return value;
  const out: JsonObject = {};
  for (const key of keyOrder(schema, Object.keys(value))) {
    const child = value[key];
    if (child !== undefined) out[key] = orderKeys(child, propertySchema(schema, key));
  }
  return out;
}
