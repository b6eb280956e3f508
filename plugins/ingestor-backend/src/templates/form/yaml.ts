/**
 * The YAML editor: a textarea whose text the render action parses into the object or list the schema
 * asks for. Invalid YAML fails the render step with the field's name; it never reaches the manifest as
 * a string. Used for free-form and embedded values, unions the form library cannot show, and nesting
 * deeper than the form should go.
 */
import type { Schema } from '../schema/types';
import { applyDefault } from './defaults';
import { helpText } from './help';
import type { FormContext, FormSchema } from './types';

/** A YAML editor for `schema`, recorded as such with the reason. */
export function yamlField(schema: Schema, title: string, ctx: FormContext, reason: string): FormSchema {
  const form: FormSchema = {
    type: 'string',
    title,
    'ui:widget': 'textarea',
    'ui:options': { rows: 6 },
  };
  const help = helpText(schema, [`Enter as YAML: ${reason}.`]);
  if (help) form.description = help;
  applyDefault(form, schema.default, ctx);
  ctx.records.push({ path: ctx.path, mode: 'yaml', form, reason });
  return form;
}
