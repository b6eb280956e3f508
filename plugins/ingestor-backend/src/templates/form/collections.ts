/** Objects with properties, additionalProperties maps (key/value editors) and arrays (of scalars or objects). */
import { titleFromKey } from '../names';
import type { Schema } from '../schema/types';
import { formField } from './field';
import { helpText } from './help';
import { isHidden, orderedProperties } from './order';
import { applyDefault } from './defaults';
import { childContext, type FormContext, type FormSchema } from './types';
import { applyConditionalObject, conditionalObject, rememberConditions, type Slot } from './conditions';
import { isBindableName } from './keys';

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
  const slots: Slot[] = [];
  // Conditions are bound per field, which a list item or map value cannot be (see conditions.ts).
  const bindable = !ctx.unconditional && [...ctx.path, ...Object.keys(schema.properties ?? {})].every(isBindableName);
  for (const entry of orderedProperties(schema)) {
    const child = { ...childContext(ctx, entry.key), unconditional: !bindable };
    if (isHidden(entry)) {
      ctx.records.push({ path: child.path, mode: 'hidden', reason: 'x-ui-hidden, left to its default' });
      continue;
    }
    const field = formField(entry.schema, propertyTitle(entry.key, entry.schema), child);
    slots.push({ key: entry.key, name: entry.key, form: field, required: entry.required });
  }
  const names = new Set(Object.keys(schema.properties ?? {}));
  const allocate = (name: string) => (bindable && isBindableName(name) && !names.has(name) ? (names.add(name), name) : undefined);
  const result = conditionalObject(slots, schema, allocate);
  applyConditionalObject(form, result);
  rememberConditions(form, result.conditions);
  // Controls and a hidden section's leftovers are properties of the form's object too, so a maximum
  // would count them; the render action checks the manifest's own count.
  copyCounts(schema, form, result.conditions.size ? ['minProperties'] : ['minProperties', 'maxProperties']);
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
