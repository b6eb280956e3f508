/**
 * Fields shown only under a condition, for a page or any object below it (outside lists): opt-in
 * sections (optIn.ts) and choose-one sections (alternatives.ts). Both use JSON Schema `dependencies`
 * keyed on a control field, which react-jsonschema-form resolves against the object's data. Backstage
 * keeps a hidden field's last value, so each conditional field is bound with its condition
 * (`conditionsOf` tells the binding code which controls a nested object holds).
 */
import type { Schema } from '../schema/types';
import { alternativeGroups, type Alternatives } from './alternatives';
import { needsOptIn, optInDependency, optInToggle, toggleSegment } from './optIn';
import type { FormSchema } from './types';

/** One field of the object: its key in the form (a parameter key on a page) and its schema name. */
export interface Slot {
  key: string;
  name: string;
  form: FormSchema;
  required: boolean;
}

/** A field shows only while `control` is ticked, or holds `equals`. */
export interface Condition {
  control: string;
  equals?: string;
}

export interface ConditionalObject {
  properties: Record<string, FormSchema>;
  required: string[];
  dependencies: Record<string, FormSchema>;
  /** Display order: a control is followed by what it shows. */
  order: string[];
  /** By slot key. */
  conditions: Map<string, Condition>;
}

interface Choice {
  key: string;
  group: Alternatives;
  slots: Slot[];
}

/** How a reference trio's options read: by what the user gives, not by field name. */
function referenceTitle(slot: Slot, group: Alternatives): string {
  if (slot.name.endsWith('Selector')) return 'Select by labels';
  if (slot.name.startsWith(`${group.reference?.base}Ref`)) return 'Refer by name';
  return 'Enter the value';
}

/**
 * The choice as a select: `enum` with `ui:enumNames`, not `oneOf` of titled constants, because the form
 * library makes a `oneOf`'s first constant the field's default, which would pick a section (and create
 * its empty list) for a user who chose nothing. Hidden on Review: the chosen field's own row says it.
 */
function choiceField({ group, slots }: Choice): FormSchema {
  const options = slots.map(s => ({ value: s.name, title: group.reference ? referenceTitle(s, group) : s.form.title ?? s.name }));
  const select = {
    type: 'string',
    enum: options.map(o => o.value),
    'ui:enumNames': options.map(o => o.title),
    'ui:backstage': { review: { show: false } },
  };
  if (group.reference) {
    const value = slots.find(s => referenceTitle(s, group) === 'Enter the value') ?? slots[0];
    return {
      ...select,
      title: `${value.form.title ?? value.name}: how to set it`,
      description: 'A value, a reference to one managed resource by name, or a selector by labels; only the one chosen goes into the manifest.',
    };
  }
  return {
    ...select,
    title: group.exactlyOne ? 'Configure one of' : 'Configure at most one of',
    description: `${options.map(o => o.title).join(', ')}: only the one chosen is shown and goes into the manifest.`,
  };
}

/** A selector chosen must name at least one label: one without would pick an arbitrary resource. */
function withLabels(form: FormSchema): FormSchema {
  const labels = form.properties?.matchLabels;
  if (!labels) return form;
  return {
    ...form,
    properties: { ...form.properties, matchLabels: { ...labels, minProperties: Math.max(1, Number(labels.minProperties ?? 0)) } },
    required: [...new Set([...(form.required ?? []), 'matchLabels'])],
  };
}

function choiceDependency(choice: Choice): FormSchema {
  return {
    oneOf: choice.slots.map(s => ({
      properties: {
        [choice.key]: { const: s.name },
        [s.key]: choice.group.reference && s.name.endsWith('Selector') ? withLabels(s.form) : s.form,
      },
      // Choosing a field means setting it.
      required: [s.key],
    })),
  };
}

/** The choose-one groups of `schema` whose fields are all optional slots here and not `fixed`. */
function choicesOf(slots: Slot[], schema: Schema | undefined, fixed: Set<string>): Array<Omit<Choice, 'key'>> {
  if (!schema) return [];
  const byName = new Map(slots.map(s => [s.name, s]));
  return alternativeGroups(schema).flatMap(group => {
    const members = group.names.map(n => byName.get(n));
    if (!members.every((s): s is Slot => !!s && !s.required && !fixed.has(s.key))) return [];
    return [{ group, slots: members }];
  });
}

/**
 * The object's fields with opt-in sections and choices applied. `allocate` gives a control a key of
 * its own from a suggested name, or undefined when it cannot (the object then stays plain); `fixed`
 * keys stay plain fields (a union names them).
 */
export function conditionalObject(
  slots: Slot[],
  schema: Schema | undefined,
  allocate: (name: string) => string | undefined,
  fixed: Set<string> = new Set(),
): ConditionalObject {
  const out: ConditionalObject = { properties: {}, required: [], dependencies: {}, order: [], conditions: new Map() };
  const choiceFor = new Map<Slot, Choice>();
  for (const c of choicesOf(slots, schema, fixed)) {
    const key = allocate(c.group.reference ? `${c.group.reference.base}From` : 'choice');
    if (!key) continue;
    const choice = { ...c, key };
    choice.slots.forEach(s => choiceFor.set(s, choice));
  }
  for (const slot of slots) {
    const choice = choiceFor.get(slot);
    if (choice) {
      if (!out.properties[choice.key]) {
        out.properties[choice.key] = choiceField(choice);
        out.dependencies[choice.key] = choiceDependency(choice);
        if (choice.group.exactlyOne) out.required.push(choice.key);
        out.order.push(choice.key, ...choice.slots.map(s => s.key));
      }
      out.conditions.set(slot.key, { control: choice.key, equals: slot.name });
      continue;
    }
    // A selector's labels are what it selects by; choosing the selector requires them (withLabels).
    const optIn = !slot.required && !fixed.has(slot.key) && slot.name !== 'matchLabels' && needsOptIn(slot.form);
    const toggle = optIn ? allocate(toggleSegment([slot.name])) : undefined;
    if (toggle) {
      out.properties[toggle] = optInToggle(slot.form);
      out.dependencies[toggle] = optInDependency(toggle, slot.key, slot.form);
      out.conditions.set(slot.key, { control: toggle });
      out.order.push(toggle, slot.key);
      continue;
    }
    out.properties[slot.key] = slot.form;
    if (slot.required) out.required.push(slot.key);
    out.order.push(slot.key);
  }
  return out;
}

/** Puts `result` on `form` (a page or an object field). */
export function applyConditionalObject(form: FormSchema, result: ConditionalObject): void {
  form.properties = result.properties;
  if (result.required.length) form.required = result.required;
  else delete form.required;
  if (Object.keys(result.dependencies).length) {
    form.dependencies = result.dependencies;
    // A shown field would otherwise be appended at the object's end, far from the field that shows it.
    form['ui:order'] = [...result.order, '*'];
  }
}

const nested = new WeakMap<FormSchema, Map<string, Condition>>();

/** Remembers which fields of an object field are conditional, for its bindings. */
export function rememberConditions(form: FormSchema, conditions: Map<string, Condition>): void {
  if (conditions.size) nested.set(form, conditions);
}

/** The conditional fields of an object field, by schema name. */
export function conditionsOf(form: FormSchema): Map<string, Condition> | undefined {
  return nested.get(form);
}
