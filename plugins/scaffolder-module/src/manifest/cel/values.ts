import { CelInput } from '@bufbuild/cel';
import { JsonValue } from '@backstage/types';
import { itemSchema, propertySchema } from '../schemaNav';
import { KubeSchema } from '../types';

function typeOf(schema: KubeSchema | undefined): string | undefined {
  return typeof schema?.type === 'string' ? schema.type : undefined;
}

/**
 * A JSON value as the API server hands it to CEL: `integer` fields (and integral numbers where the
 * schema says nothing) as CEL `int` (bigint), `number` fields as `double`, objects as maps, lists as
 * lists. Getting this wrong would make `self.replicas == 1` compare a double with an int.
 */
export function celValue(value: JsonValue, schema: KubeSchema | undefined): CelInput {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    const type = typeOf(schema);
    if (type === 'number') return value;
    return Number.isSafeInteger(value) ? BigInt(value) : value;
  }
  if (Array.isArray(value)) {
    const items = itemSchema(schema);
    return value.map(item => celValue(item, items));
  }
  const entries = Object.entries(value).filter((entry): entry is [string, JsonValue] => entry[1] !== undefined);
  return new Map(entries.map(([key, child]) => [key, celValue(child, propertySchema(schema, key))]));
}
