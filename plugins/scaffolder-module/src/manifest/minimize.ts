import { JsonObject, JsonValue } from '@backstage/types';
import { isDeepStrictEqual } from 'node:util';
import { itemSchema, propertySchema, requiredKeys } from './schemaNav';
import { KubeSchema } from './types';

/**
 * Drops values equal to their schema default, since the API server fills them in anyway.
 *
 * Two things stay on purpose: required fields (the manifest must stay valid against the schema
 * without defaulting), and objects emptied by this step (`storageAutoscaling: {}` makes the server
 * default its fields, whereas leaving it out may mean "off").
 */
export function dropDefaults(value: JsonValue, schema: KubeSchema | undefined): JsonValue {
  if (Array.isArray(value)) {
    const items = itemSchema(schema);
    return value.map(item => dropDefaults(item, items));
  }
  if (typeof value !== 'object' || value === null) return value;
  const required = requiredKeys(schema);
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    const childSchema = propertySchema(schema, key);
    const hasDefault = childSchema?.default !== undefined;
    if (hasDefault && !required.has(key) && isDeepStrictEqual(child, childSchema?.default)) {
      continue;
    }
    if (child !== undefined) out[key] = dropDefaults(child, childSchema);
  }
  return out;
}
