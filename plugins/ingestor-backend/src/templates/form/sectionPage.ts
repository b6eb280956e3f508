/**
 * One page of spec fields. Opt-in and choose-one sections apply among the page's own fields (keyed
 * by parameter key) as in any object (conditions.ts); a field whose object holds conditional fields
 * is rebuilt field by field in one expression (a ComposedBinding), so no control value and no hidden
 * field's leftover value reaches the manifest, and a section switched off is absent as a whole.
 */
import type { BindingCondition, ComposedBinding, ComposedNode, ValueBinding } from './bindings';
import { unionKeys } from './choice';
import { applyConditionalObject, conditionalObject, conditionsOf, type Condition, type Slot } from './conditions';
import { dependentFields } from './optIn';
import type { KeyAllocator } from './keys';
import type { Section } from './layout';
import type { FormSchema } from './types';

export interface SectionPage {
  page: FormSchema;
  bindings: Array<ValueBinding | ComposedBinding>;
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

function condition(key: string, at: string[], c: Condition | undefined): BindingCondition[] {
  return c ? [{ key, at: [...at, c.control], ...(c.equals === undefined ? {} : { equals: c.equals }) }] : [];
}

/** How the value at `at` below parameter `key` is rebuilt: whole, or field by field where conditions lie below. */
function composeNode(form: FormSchema, key: string, at: string[], conditions: BindingCondition[]): ComposedNode {
  const when = conditions.length ? { conditions } : {};
  if (!holdsConditions(form)) return { at, ...when };
  const own = conditionsOf(form);
  const fields = Object.fromEntries(fieldsOf(form).map(([name, child]) => [name, composeNode(child, key, [...at, name], condition(key, at, own?.get(name)))]));
  return { fields, ...when };
}

/** The binding for the page field `key` at spec `path`, shown under `conditions` (page-level controls). */
export function fieldBinding(path: string[], key: string, form: FormSchema, conditions: BindingCondition[]): ValueBinding | ComposedBinding {
  if (!holdsConditions(form)) return { path, key, ...(conditions.length ? { conditions } : {}) };
  return { path, key, node: composeNode(form, key, [], conditions) };
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
  const bindings = section.fields.map(f => {
    const c = result.conditions.get(f.key);
    const conditions: BindingCondition[] = c ? [{ key: c.control, ...(c.equals === undefined ? {} : { equals: c.equals }) }] : [];
    return fieldBinding(f.path, f.key, f.form, conditions);
  });
  return { page, bindings };
}
