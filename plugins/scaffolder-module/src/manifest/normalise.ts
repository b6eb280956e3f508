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
 * - an `enum` whose values are not all of the declared `type` keeps only those that are: the API server
 *   checks both, so the others can never validate (see {@link mixedEnumWarnings} for the warning). An
 *   enum left with no value at all refuses every value, as the API server would.
 *
 * Returns a copy; the input is not changed (conversion, defaults and key order read the original).
 */
export function normaliseForAjv(schema: KubeSchema): KubeSchema {
  return normaliseNode(schema) as KubeSchema;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** The node's `type` as a list; undefined for an untyped node. */
function declaredTypes(node: Record<string, unknown>): string[] | undefined {
  if (typeof node.type === 'string') return [node.type];
  return Array.isArray(node.type) ? (node.type as string[]) : undefined;
}

/** Whether an enum value can satisfy the node's declared type (an untyped node takes anything). */
function fitsType(node: Record<string, unknown>, value: unknown): boolean {
  if (node['x-kubernetes-int-or-string'] === true) return typeof value === 'string' || Number.isInteger(value);
  const declared = declaredTypes(node);
  if (!declared) return true;
  const actual = typeOf(value);
  if (actual === 'null' && node.nullable === true) return true;
  return declared.includes(actual) || (actual === 'integer' && declared.includes('number'));
}

/** The enum values that cannot satisfy the node's type; none for a node without an enum. */
function misfits(node: Record<string, unknown>): unknown[] {
  return Array.isArray(node.enum) ? node.enum.filter(value => !fitsType(node, value)) : [];
}

/**
 * One warning per enum whose values are not all of the declared type, naming the field and the values
 * the validation leaves out.
 */
export function mixedEnumWarnings(schema: KubeSchema): string[] {
  const warnings: string[] = [];
  const visit = (node: unknown, path: string) => {
    if (!isObject(node)) return;
    const dropped = misfits(node);
    if (dropped.length > 0) {
      const type =
        node['x-kubernetes-int-or-string'] === true ? 'integer or string' : (declaredTypes(node) ?? []).join(' or ');
      warnings.push(
        `${path || '(root)'}: the enum mixes types; values that are not ${type} (${dropped
          .map(value => JSON.stringify(value))
          .join(', ')}) can never validate and are left out`,
      );
    }
    for (const [key, map] of Object.entries({ properties: node.properties, additionalProperties: node.additionalProperties })) {
      if (key === 'properties' && isObject(map)) for (const [name, child] of Object.entries(map)) visit(child, path ? `${path}.${name}` : name);
      if (key === 'additionalProperties' && isObject(map)) visit(map, `${path}.*`);
    }
    const items = node.items;
    if (Array.isArray(items)) items.forEach(item => visit(item, `${path}[]`));
    else visit(items, `${path}[]`);
    for (const list of ['allOf', 'anyOf', 'oneOf']) {
      if (Array.isArray(node[list])) (node[list] as unknown[]).forEach(part => visit(part, path));
    }
  };
  visit(schema, '');
  return warnings;
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
  if (misfits(out).length > 0) {
    const kept = (out.enum as unknown[]).filter(value => fitsType(out, value));
    if (kept.length > 0) out.enum = kept;
    else {
      delete out.enum;
      out.not = {};
    }
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
