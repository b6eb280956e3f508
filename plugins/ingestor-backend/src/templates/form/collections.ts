/** Objects with properties, additionalProperties maps (key/value editors) and arrays (of scalars or objects). */
import { titleFromKey } from '../names';
import type { Schema } from '../schema/types';
import { formField } from './field';
import { helpText } from './help';
import { isHidden, orderedProperties } from './order';
import { applyDefault } from './defaults';
import { childContext, type FormContext, type FormSchema } from './types';

/** A property's title: the schema's own, else one made from its name. */
export function propertyTitle(key: string, schema: Schema): string {
  return schema.title ?? titleFromKey(key);
}

function describe(form: FormSchema, schema: Schema, extra: string[] = []): void {
  const help = helpText(schema, extra);
  if (help) form.description = help;
}

function copyCounts(schema: Schema, form: FormSchema, keys: Array<keyof Schema & string>): void {
  for (const key of keys) if (schema[key] !== undefined) form[key] = schema[key];
}

/** A nested object; hidden children with a default are left to the API server and recorded. */
export function objectField(schema: Schema, title: string, ctx: FormContext): FormSchema {
  const form: FormSchema = { type: 'object', title, properties: {} };
  describe(form, schema);
  const required: string[] = [];
  const properties: Record<string, FormSchema> = {};
  for (const entry of orderedProperties(schema)) {
    const child = childContext(ctx, entry.key);
    if (isHidden(entry)) {
      ctx.records.push({ path: child.path, mode: 'hidden', reason: 'x-ui-hidden, left to its default' });
      continue;
    }
    properties[entry.key] = formField(entry.schema, propertyTitle(entry.key, entry.schema), child);
    if (entry.required) required.push(entry.key);
  }
  form.properties = properties;
  if (required.length) form.required = required;
  copyCounts(schema, form, ['minProperties', 'maxProperties']);
  applyDefault(form, schema.default, ctx);
  return form;
}

/** `additionalProperties` maps: the form library's key/value editor, values typed by the schema. */
export function mapField(schema: Schema, title: string, ctx: FormContext): FormSchema {
  const values = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : { type: 'string' };
  const form: FormSchema = { type: 'object', title };
  describe(form, schema);
  form.additionalProperties = formField(values, 'Value', childContext(ctx, '*'));
  copyCounts(schema, form, ['minProperties', 'maxProperties']);
  applyDefault(form, schema.default, ctx);
  return form;
}

/** Lists; `x-kubernetes-list-type: set` means unique items, which the form then checks. */
export function arrayField(schema: Schema, title: string, ctx: FormContext): FormSchema {
  const items = schema.items ?? {};
  const form: FormSchema = { type: 'array', title };
  describe(form, schema);
  form.items = formField(items, propertyTitle('item', items), childContext(ctx, '[]'));
  copyCounts(schema, form, ['minItems', 'maxItems', 'uniqueItems']);
  if (schema['x-kubernetes-list-type'] === 'set') form.uniqueItems = true;
  if (form.uniqueItems && (form.items.type === 'object' || form.items.type === 'array')) {
    // The form library's unique check on objects would compare by reference; the render step checks it.
    delete form.uniqueItems;
    form.description = [form.description, 'Items must be unique.'].filter(Boolean).join('\n\n');
  }
  applyDefault(form, schema.default, ctx);
  return form;
}
