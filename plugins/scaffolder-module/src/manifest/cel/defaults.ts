import { JsonObject, JsonValue } from '@backstage/types';
import { itemSchema } from '../schemaNav';
import { KubeSchema } from '../types';

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The value with the schema's defaults filled in where a field is absent, as the API server defaults
 * an object before it runs validation rules: a rule like `self.replicas >= 1` sees the default of an
 * unset `replicas`, as it will on the server. Returns a copy.
 */
export function withDefaults(value: JsonValue, schema: KubeSchema | undefined): JsonValue {
  if (!schema) return value;
  if (Array.isArray(value)) {
    const items = itemSchema(schema);
    return value.map(item => withDefaults(item, items));
  }
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (child === undefined) continue;
    const childSchema =
      schema.properties?.[key] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
    out[key] = withDefaults(child, childSchema);
  }
  for (const [key, childSchema] of Object.entries(schema.properties ?? {})) {
    if (out[key] === undefined && childSchema.default !== undefined) {
      out[key] = withDefaults(structuredClone(childSchema.default), childSchema);
    }
  }
  return out;
}
