/** Strings, numbers, integers and booleans, with every constraint the form library can check. */
import type { Schema } from '../schema/types';
import { helpText } from './help';
import { enumChoices } from './enum';
import { formPattern } from './pattern';
import { applyDefault } from './defaults';
import type { FormContext, FormSchema } from './types';

/**
 * Formats that mean the same to ajv-formats (the form's validator) and to the API server. Others
 * (Kubernetes `duration` is Go's, not ISO 8601) would reject valid values, so they become help text.
 */
const SHARED_FORMATS = new Set(['date-time', 'date', 'email', 'hostname', 'ipv4', 'ipv6', 'uuid', 'byte', 'int32', 'int64', 'float', 'double', 'password']);

/** Kubernetes' draft-04 exclusive bounds become draft-07 numbers, which the form library understands. */
function copyBounds(schema: Schema, form: FormSchema): void {
  if (schema.minimum !== undefined) form[schema.exclusiveMinimum === true ? 'exclusiveMinimum' : 'minimum'] = schema.minimum;
  if (schema.maximum !== undefined) form[schema.exclusiveMaximum === true ? 'exclusiveMaximum' : 'maximum'] = schema.maximum;
  if (schema.multipleOf !== undefined) form.multipleOf = schema.multipleOf;
}

/** A scalar field; `type` is the schema's (string, integer, number or boolean). */
export function scalarField(schema: Schema, type: string, title: string, ctx: FormContext): FormSchema {
  const extra: string[] = [];
  const form: FormSchema = { type, title };
  const values = enumChoices(schema, type, ctx);
  if (values) form.enum = values;
  if (schema.pattern !== undefined) {
    const pattern = formPattern(schema.pattern);
    if (pattern.pattern !== undefined) {
      form.pattern = pattern.pattern;
      // The form's own message would quote the JavaScript translation; the user knows the schema's.
      form.errorMessage = { pattern: `Must match the pattern ${schema.pattern}.` };
    } else extra.push(pattern.help);
  }
  if (schema.minLength !== undefined) form.minLength = schema.minLength;
  if (schema.maxLength !== undefined) form.maxLength = schema.maxLength;
  copyBounds(schema, form);
  if (schema.format) {
    if (SHARED_FORMATS.has(schema.format)) form.format = schema.format;
    else extra.push(`Format: ${schema.format}.`);
  }
  if (type === 'boolean') return booleanField(schema, form, extra);
  const help = helpText(schema, extra);
  if (help) form.description = help;
  applyDefault(form, schema.default, ctx);
  return form;
}

/**
 * Booleans are a Yes/No choice that can be left empty: a checkbox cannot go back to unset once
 * touched, and unset often means something of its own ("disabled when unset"). A default is never
 * prefilled, for the same reason; the API server applies it, and the help says what it is.
 */
function booleanField(schema: Schema, form: FormSchema, extra: string[]): FormSchema {
  form['ui:widget'] = 'select';
  if (typeof schema.default === 'boolean') extra.push(`Left empty, it is ${schema.default ? 'Yes' : 'No'} (the default).`);
  const help = helpText(schema, extra);
  if (help) form.description = help;
  return form;
}

/** Numbers as text, optionally signed: what an int-or-string field accepts besides its own pattern. */
const INTEGER_TEXT = '^-?[0-9]+$';

/**
 * `x-kubernetes-int-or-string`: one text input. The render action turns numeric text into an integer,
 * so "8080" lands in the manifest as 8080 and "80%" stays a string.
 */
export function intOrStringField(schema: Schema, title: string, ctx: FormContext): FormSchema {
  const form: FormSchema = { type: 'string', title };
  const values = enumChoices(schema, 'int-or-string', ctx);
  if (values) form.enum = values.map(v => String(v));
  // The source pattern constrains only string values; integers must still be accepted.
  const extra = ['A whole number or a text value; numbers are written as integers.'];
  const pattern = schema.pattern === undefined ? undefined : formPattern(schema.pattern);
  if (pattern?.pattern !== undefined) {
    form.pattern = `(${INTEGER_TEXT})|(${pattern.pattern})`;
    form.errorMessage = { pattern: `Must be a whole number or match the pattern ${schema.pattern}.` };
  } else if (pattern) extra.push(pattern.help);
  const help = helpText(schema, extra);
  if (help) form.description = help;
  applyDefault(form, schema.default, ctx);
  return form;
}

/** int-or-string by flag, or the `anyOf: [integer, string]` spelling some generators emit. */
export function isIntOrString(schema: Schema): boolean {
  if (schema['x-kubernetes-int-or-string'] === true) return true;
  const branches = schema.anyOf ?? schema.oneOf;
  if (!branches || branches.length !== 2) return false;
  const types = branches.map(b => b.type).sort();
  return types[0] === 'integer' && types[1] === 'string' && branches.every(b => Object.keys(b).length === 1 || !b.properties);
}
