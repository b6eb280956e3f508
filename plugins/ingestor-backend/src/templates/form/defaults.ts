/**
 * Schema defaults as form values: a default must be valid for the form field it fills, so numbers for
 * int-or-string text inputs become text and objects for YAML editors become YAML, at any depth.
 */
import { stringify } from 'yaml';
import type { FormContext, FormSchema } from './types';

/** `value` shaped for the form node `form`. */
export function toFormValue(value: unknown, form: FormSchema): unknown {
  if (value === null || value === undefined) return value;
  if (form.type === 'string') {
    if (typeof value === 'string') return value;
    if (form['ui:widget'] === 'textarea') return stringify(value, { aliasDuplicateObjects: false }).trimEnd();
    return String(value);
  }
  if (form.type === 'array' && Array.isArray(value) && form.items) {
    const items = form.items;
    return value.map(v => toFormValue(v, items));
  }
  if (form.type === 'object' && typeof value === 'object' && !Array.isArray(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const child = form.properties?.[k] ?? (typeof form.additionalProperties === 'object' ? form.additionalProperties : undefined);
      out[k] = child ? toFormValue(v, child) : v;
    }
    return out;
  }
  return value;
}

/** Applies a default as a prefilled value or a placeholder, as configured. */
export function applyDefault(form: FormSchema, value: unknown, ctx: FormContext): void {
  // An empty default means unset to the user and to the render action (which drops empty values): prefilling it
  // would only put a blank row on the Review page.
  if (value === undefined || value === null || value === '') return;
  const shown = toFormValue(value, form);
  if (ctx.options.defaults === 'prefill') form.default = shown;
  else if (typeof shown !== 'object') form['ui:placeholder'] = String(shown);
}
