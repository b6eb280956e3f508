/**
 * Test helper: fills a generated form the way a user accepting every default would (plus valid values
 * for required fields), then assembles the spec as the render step does by contract
 * (docs/scaffolder-actions.md): parameters placed by bindings, empty values dropped, YAML text parsed
 * where the schema wants an object or list, numeric text made an integer for int-or-string.
 */
import { parse } from 'yaml';
import { isComposedBinding, isObjectBinding, type BindingCondition, type ComposedNode, type SpecBinding } from '../form/bindings';
import type { FieldRecord, FormSchema } from '../form/types';
import { isRecord, type Schema } from '../schema/types';
import { sample, sampleDependents } from './sample';

/** Values for every page; YAML editors are filled from the source schema their record points to. */
export function fillForm(pages: FormSchema[], records: FieldRecord[], specSchema: Schema): Record<string, unknown> {
  const sources = new Map<unknown, Schema>();
  for (const r of records) if (r.mode === 'yaml' && r.form) sources.set(r.form, sourceAt(specSchema, r.path));
  const special = (node: Record<string, unknown>, at: string) => {
    const source = sources.get(node);
    if (!source || node.default !== undefined) return undefined;
    const value = sample(source, at);
    return typeof value === 'string' ? value : JSON.stringify(value);
  };
  const params: Record<string, unknown> = {};
  for (const page of pages) {
    const required = new Set(page.required ?? []);
    const values: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(page.properties ?? {})) {
      const value = required.has(key) || field.default !== undefined ? sample(field, key, { special }) : undefined;
      if (value !== undefined) values[key] = value;
    }
    sampleDependents(page, values, page.title ?? 'page', { special });
    Object.assign(params, values);
  }
  return params;
}

/** The source schema node at a record path (`[]` items, `*` map values). */
export function sourceAt(spec: Schema, path: string[]): Schema {
  let node: Schema = spec;
  for (const segment of path) {
    if (segment === '[]') node = node.items ?? {};
    else if (segment === '*') node = isRecord(node.additionalProperties) ? (node.additionalProperties as Schema) : {};
    else node = node.properties?.[segment] ?? {};
  }
  return node;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (isRecord(value) && Object.keys(value).length === 0);
}

/** The render step's `spec` for `params`. */
export function assembleSpec(bindings: SpecBinding[], params: Record<string, unknown>): unknown {
  const whole = bindings.find(b => b.path.length === 0);
  if (whole && !isObjectBinding(whole) && !isComposedBinding(whole)) return params[whole.key];
  const spec: Record<string, unknown> = {};
  for (const b of bindings) {
    const read = (key: string, at: string[] = []) => at.reduce<unknown>((v, seg) => (isRecord(v) ? v[seg] : undefined), params[key]);
    const holds = (conditions: BindingCondition[] = []) => conditions.every(c => read(c.key, c.at) === (c.equals ?? true));
    const compose = (key: string, node: ComposedNode): unknown => {
      if (!holds(node.conditions)) return undefined;
      return 'fields' in node ? Object.fromEntries(Object.entries(node.fields).map(([n, child]) => [n, compose(key, child)])) : read(key, node.at);
    };
    let value: unknown;
    if (isComposedBinding(b)) value = compose(b.key, b.node);
    else if (!isObjectBinding(b) && holds(b.conditions)) value = read(b.key, b.at);
    if (isObjectBinding(b) && !isEmpty(params[b.when])) value = Object.fromEntries(Object.entries(b.fields).map(([k, key]) => [k, params[key]]));
    if (isEmpty(value)) continue;
    let node = spec;
    for (const segment of b.path.slice(0, -1)) {
      node[segment] = isRecord(node[segment]) ? node[segment] : {};
      node = node[segment] as Record<string, unknown>;
    }
    node[b.path[b.path.length - 1]] = value;
  }
  return spec;
}

/** The render action's schema-driven conversions, then empty values dropped. */
export function convertValue(input: unknown, schema: Schema): unknown {
  if (schema['x-kubernetes-int-or-string'] === true && typeof input === 'string' && /^-?[0-9]+$/.test(input)) return Number(input);
  const wantsStructure = schema.type === 'object' || schema.type === 'array' || (!schema.type && !schema['x-kubernetes-int-or-string']);
  const value = typeof input === 'string' && wantsStructure ? parse(input) : input;
  if (Array.isArray(value)) return value.map(v => convertValue(v, schema.items ?? {}));
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const child = schema.properties?.[k] ?? (isRecord(schema.additionalProperties) ? (schema.additionalProperties as Schema) : {});
      const converted = convertValue(v, child);
      if (!isEmpty(converted) || (isRecord(converted) && schema.properties?.[k] && (schema.required ?? []).includes(k))) out[k] = converted;
    }
    return out;
  }
  return value;
}
