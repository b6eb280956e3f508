import { KubeSchema } from './types';

/**
 * Kubernetes schemas are OpenAPI 3.0; ajv compiles draft-07. Two OpenAPI 3.0 keywords differ, and
 * ajv throws compiling them as Kubernetes writes them:
 *
 * - `exclusiveMinimum` / `exclusiveMaximum` are booleans modifying `minimum` / `maximum`; draft-07
 *   makes them the bound itself (`{minimum: 0, exclusiveMinimum: true}` becomes `{exclusiveMinimum: 0}`;
 *   `false`, or `true` without a bound, is dropped);
 * - `nullable: true` allows null: `null` is added to the `type` (and to the `enum`, which would
 *   otherwise still refuse it); the keyword is removed because ajv refuses it without a `type`,
 *   and an untyped schema allows null already.
 *
 * Returns a copy; the input is not changed (conversion, defaults and key order read the original).
 */
export function normaliseForAjv(schema: KubeSchema): KubeSchema {
  return normaliseNode(schema) as KubeSchema;
}

/** Keywords whose value is one subschema. */
const ONE = ['additionalProperties', 'additionalItems', 'items', 'not', 'contains', 'propertyNames', 'if', 'then', 'else'];
/** Keywords whose value is a list of subschemas. */
const LIST = ['allOf', 'anyOf', 'oneOf', 'items'];
/** Keywords whose value maps names to subschemas. */
const MAP = ['properties', 'patternProperties', 'definitions', '$defs', 'dependencies'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function normaliseNode(node: unknown): unknown {
  if (!isObject(node)) return node;
  const out: Record<string, unknown> = { ...node };
  for (const key of ONE) if (isObject(out[key])) out[key] = normaliseNode(out[key]);
  for (const key of LIST) if (Array.isArray(out[key])) out[key] = (out[key] as unknown[]).map(normaliseNode);
  for (const key of MAP) {
    const map = out[key];
    // `dependencies` values may be lists of names; normaliseNode leaves those alone.
    if (isObject(map)) out[key] = Object.fromEntries(Object.entries(map).map(([k, v]) => [k, normaliseNode(v)]));
  }
  exclusiveBound(out, 'exclusiveMinimum', 'minimum');
  exclusiveBound(out, 'exclusiveMaximum', 'maximum');
  if ('nullable' in out) {
    const nullable = out.nullable === true;
    delete out.nullable;
    if (nullable) allowNull(out);
  }
  return out;
}

function exclusiveBound(node: Record<string, unknown>, exclusive: string, inclusive: string): void {
  if (typeof node[exclusive] !== 'boolean') return;
  if (node[exclusive] === true && typeof node[inclusive] === 'number') {
    node[exclusive] = node[inclusive];
    delete node[inclusive];
  } else {
    delete node[exclusive];
  }
}

function allowNull(node: Record<string, unknown>): void {
  if (typeof node.type === 'string' && node.type !== 'null') node.type = [node.type, 'null'];
  else if (Array.isArray(node.type) && !node.type.includes('null')) node.type = [...node.type, 'null'];
  if (Array.isArray(node.enum) && !node.enum.includes(null)) node.enum = [...node.enum, null];
}
