/**
 * Enum choices. A value of another type than the field declares can never validate (the API server
 * checks the type first), so offering it would only lead to a rejected manifest: such values are
 * left out of the choices, and the conversion warns about them.
 */
import { fieldPath } from '../describe';
import type { Schema } from '../schema/types';
import type { FormContext } from './types';

/** The value types a field of `type` holds; int-or-string holds both. */
function holds(type: string, value: unknown): boolean {
  if (type === 'string') return typeof value === 'string';
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'number') return typeof value === 'number' && Number.isFinite(value);
  if (type === 'boolean') return typeof value === 'boolean';
  if (type === 'int-or-string') return typeof value === 'string' || Number.isInteger(value);
  return true;
}

/** Which enum values a field of `type` can offer, and which it cannot. */
export interface EnumSplit {
  /** Undefined when nothing is left to choose from. */
  values?: unknown[];
  dropped: unknown[];
}

/**
 * `nullable` enums may list null, which a form cannot offer and absence says anyway; values of
 * another type than `type` are dropped.
 */
export function enumValues(schema: Schema, type: string): EnumSplit {
  const listed = schema.enum?.filter(v => v !== null) ?? [];
  const values = listed.filter(v => holds(type, v));
  const dropped = listed.filter(v => !holds(type, v));
  return { values: values.length ? values : undefined, dropped };
}

/** The choices for the field at `ctx`, warning about any value of the wrong type. */
export function enumChoices(schema: Schema, type: string, ctx: FormContext): unknown[] | undefined {
  const { values, dropped } = enumValues(schema, type);
  if (dropped.length) {
    const what = dropped.map(v => JSON.stringify(v)).join(', ');
    const left = values ? 'left out of the choices' : 'no choice is left, so any value can be entered';
    ctx.warnings.push(`${fieldPath(ctx.path)}: enum values ${what} are not of its type ${type} and can never be valid; ${left}`);
  }
  return values;
}
