import { JsonValue } from '@backstage/types';
import { quote } from './identity';
import { childPath, itemSchema } from './schemaNav';
import { FieldError, KubeSchema } from './types';

function isObject(value: unknown): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A node and its allOf/anyOf/oneOf branches: a non-structural schema may declare properties there. */
function branches(schema: KubeSchema): KubeSchema[] {
  return [schema, ...(schema.allOf ?? []), ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
}

const EMBEDDED_KEYS = ['apiVersion', 'kind', 'metadata'];

/** How an object node treats keys: which it declares, and whether any other key is allowed. */
function keyRules(schema: KubeSchema): { declared: Map<string, KubeSchema>; open: boolean; values?: KubeSchema } {
  const declared = new Map<string, KubeSchema>();
  let open = false;
  let values: KubeSchema | undefined;
  for (const part of branches(schema)) {
    for (const [key, child] of Object.entries(part.properties ?? {})) if (!declared.has(key)) declared.set(key, child);
    if (part['x-kubernetes-preserve-unknown-fields'] === true || part.additionalProperties === true) open = true;
    if (typeof part.additionalProperties === 'object') values ??= part.additionalProperties;
    if (part.patternProperties) open = true;
  }
  if (schema['x-kubernetes-embedded-resource']) for (const key of EMBEDDED_KEYS) declared.set(key, declared.get(key) ?? {});
  return { declared, open, values };
}

function isObjectSchema(schema: KubeSchema): boolean {
  const type = schema.type;
  return type === 'object' || (Array.isArray(type) && type.includes('object')) || schema.properties !== undefined;
}

/**
 * Every field the schema does not declare, as the API server's strict field validation (what
 * `kubectl apply` uses) would report it: a key of an object whose schema declares its properties, or
 * declares an object with none, is unknown unless the object keeps unknown fields
 * (`x-kubernetes-preserve-unknown-fields`) or is a map (`additionalProperties`). Below an untyped
 * schema nothing is known, so nothing is reported.
 */
export function unknownFields(value: JsonValue | undefined, schema: KubeSchema | undefined, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const walk = (node: JsonValue | undefined, at: KubeSchema | undefined, where: string) => {
    if (!at || node === undefined || node === null) return;
    if (Array.isArray(node)) {
      const items = itemSchema(at);
      node.forEach((item, index) => walk(item, items, childPath(where, index)));
      return;
    }
    if (!isObject(node) || !isObjectSchema(at)) return;
    const { declared, open, values } = keyRules(at);
    for (const [key, child] of Object.entries(node)) {
      const known = declared.get(key) ?? values;
      const keyPath = childPath(where, /^[A-Za-z0-9_-]+$/.test(key) ? key : quote(key));
      if (known) walk(child, known, keyPath);
      else if (!open) errors.push({ path: keyPath, message: 'is not a field of the schema (the API server would reject it as unknown)' });
    }
  };
  walk(value, schema, path);
  return errors;
}
