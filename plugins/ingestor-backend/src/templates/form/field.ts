/**
 * One source schema node to one form node: the dispatcher. Each construct lives in its own file;
 * this one only decides which applies, and whether the value must be edited as YAML instead.
 */
import type { Schema } from '../schema/types';
import { attachChoices, hasUnions, unionsAreChoices } from './choice';
import { arrayField, mapField, objectField } from './collections';
import { intOrStringField, isIntOrString, scalarField } from './scalar';
import type { FormContext, FormSchema } from './types';
import { childContext } from './types';
import { yamlField } from './yaml';

const SCALARS = new Set(['string', 'integer', 'number', 'boolean']);

function effectiveType(schema: Schema): string | undefined {
  return schema.type ?? (schema.properties ? 'object' : undefined);
}

/**
 * Why `schema` at `ctx` cannot be a form field of its own, or undefined when it can. Checked before
 * building, so a collection whose items need YAML becomes one YAML editor rather than a list of them.
 */
export function yamlReason(schema: Schema, ctx: FormContext): string | undefined {
  if (isIntOrString(schema)) return undefined;
  if (schema['x-kubernetes-embedded-resource'] === true) return 'an embedded Kubernetes object';
  if (hasUnions(schema) && !unionsAreChoices(schema)) return 'alternative shapes the form cannot show';
  const type = effectiveType(schema);
  if (type && SCALARS.has(type)) return undefined;
  if (type === 'object') {
    if (schema['x-kubernetes-preserve-unknown-fields'] === true) return 'a free-form object';
    if (ctx.depth > ctx.options.maxDepth) return 'nested deeper than the form shows';
    if (schema.properties && Object.keys(schema.properties).length > 0) return undefined;
    const values = schema.additionalProperties;
    if (typeof values === 'object') return yamlReason(values, childContext(ctx, '*'));
    return 'a free-form object';
  }
  if (type === 'array') {
    if (ctx.depth > ctx.options.maxDepth) return 'nested deeper than the form shows';
    if (!schema.items) return 'a list of untyped values';
    return yamlReason(schema.items, childContext(ctx, '[]'));
  }
  return 'an untyped value';
}

/** The form node for `schema`, recording where the source property went. */
export function formField(schema: Schema, title: string, ctx: FormContext): FormSchema {
  const reason = yamlReason(schema, ctx);
  if (reason) return yamlField(schema, title, ctx, reason);
  let form: FormSchema;
  if (isIntOrString(schema)) {
    form = intOrStringField(schema, title, ctx);
  } else {
    const type = effectiveType(schema) ?? 'string';
    if (type === 'object') form = schema.properties && Object.keys(schema.properties).length ? objectField(schema, title, ctx) : mapField(schema, title, ctx);
    else if (type === 'array') form = arrayField(schema, title, ctx);
    else form = scalarField(schema, type, title, ctx);
    if (hasUnions(schema)) attachChoices(schema, form);
  }
  ctx.records.push({ path: ctx.path, mode: 'form', form });
  return form;
}
