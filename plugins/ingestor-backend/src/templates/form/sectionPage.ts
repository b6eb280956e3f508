/**
 * One page of spec fields. Opt-in and choose-one sections apply among the page's own fields (keyed
 * by parameter key) as in any object (conditions.ts); a field whose object holds conditional fields
 * is bound field by field, each with the conditions above it, so no control value and no hidden
 * field's leftover value reaches the manifest.
 */
import type { BindingCondition, ValueBinding } from './bindings';
import { unionKeys } from './choice';
import { applyConditionalObject, conditionalObject, conditionsOf, type Slot } from './conditions';
import { dependentFields } from './optIn';
import type { KeyAllocator } from './keys';
import type { Section } from './layout';
import type { FormSchema } from './types';

export interface SectionPage {
  page: FormSchema;
  bindings: ValueBinding[];
}

/** Whether `form` or an object below it (outside lists) has conditional fields. */
function holdsConditions(form: FormSchema): boolean {
  if (conditionsOf(form)) return true;
  return Object.values(form.properties ?? {}).some(holdsConditions);
}

/** Every field of an object form, conditional ones included, by name (controls excluded). */
function fieldsOf(form: FormSchema): Array<[string, FormSchema]> {
  const controls = new Set(Object.keys((form.dependencies as Record<string, unknown> | undefined) ?? {}));
  return [...Object.entries(form.properties ?? {}).filter(([name]) => !controls.has(name)), ...dependentFields(form)];
}

/** Bindings for the field at spec `path`, read from parameter `key` at `at`, under `conditions`. */
export function fieldBindings(path: string[], key: string, at: string[], form: FormSchema, conditions: BindingCondition[]): ValueBinding[] {
  const base = (extra: Partial<ValueBinding>): ValueBinding => ({ path, key, ...(at.length ? { at } : {}), ...extra });
  if (!holdsConditions(form)) return [base(conditions.length ? { conditions } : {})];
  const own = conditionsOf(form);
  return fieldsOf(form).flatMap(([name, child]) => {
    const c = own?.get(name);
    const more = c ? [...conditions, { key, at: [...at, c.control], ...(c.equals === undefined ? {} : { equals: c.equals }) }] : conditions;
    return fieldBindings([...path, name], key, [...at, name], child, more);
  });
}

export function sectionPage(section: Section, keys: KeyAllocator): SectionPage {
  const sourcePath = section.source?.path ?? [];
  const slots: Slot[] = section.fields.map(f => ({
    key: f.key,
    // Only a direct child of the page's object can be one of its alternatives or an opt-in section.
    name: f.path.length === sourcePath.length + 1 ? f.path[f.path.length - 1] : '',
    form: f.form,
    required: f.required,
  }));
  // Fields a page-level union names must stay plain fields, or the union could never be met.
  const fixed = new Set([...(section.unions ? unionKeys(section.unions) : []), ...slots.filter(s => !s.name).map(s => s.key)]);
  const result = conditionalObject(slots, section.source?.schema, name => keys.allocate([...sourcePath, name]), fixed);
  const page: FormSchema = { title: section.title, type: 'object' };
  if (section.description) page.description = section.description;
  applyConditionalObject(page, result);
  Object.assign(page, section.unions);
  const bindings = section.fields.flatMap(f => {
    const c = result.conditions.get(f.key);
    const conditions: BindingCondition[] = c ? [{ key: c.control, ...(c.equals === undefined ? {} : { equals: c.equals }) }] : [];
    return fieldBindings(f.path, f.key, [], f.form, conditions);
  });
  return { page, bindings };
}
