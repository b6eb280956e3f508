/**
 * One page of spec fields, with the two shapes that show a field only under a condition: opt-in
 * sections (optIn.ts) and choose-one sections (alternatives.ts). Both use JSON Schema `dependencies`
 * keyed on a page field, which react-jsonschema-form resolves against the form data, and both bind
 * the conditional fields with a condition, because Backstage keeps a hidden field's last value.
 */
import { alternativeGroups, type Alternatives } from './alternatives';
import type { ValueBinding } from './bindings';
import { unionKeys } from './choice';
import type { KeyAllocator } from './keys';
import type { PlacedField, Section } from './layout';
import { needsOptIn, optInDependency, optInToggle, toggleSegment } from './optIn';
import type { FormSchema } from './types';

export interface SectionPage {
  page: FormSchema;
  bindings: ValueBinding[];
}

interface Choice {
  key: string;
  group: Alternatives;
  fields: PlacedField[];
}

/** The choose-one groups whose fields all sit on this page, as plain optional fields of its object. */
function choicesOf(section: Section, named: Set<string>): Array<Omit<Choice, 'key'>> {
  if (!section.source) return [];
  const { schema, path } = section.source;
  const byName = new Map(section.fields.filter(f => f.path.length === path.length + 1).map(f => [f.path[path.length], f]));
  return alternativeGroups(schema).flatMap(group => {
    const fields = group.names.map(n => byName.get(n));
    if (!fields.every((f): f is PlacedField => !!f && !f.required && !named.has(f.key))) return [];
    return [{ group, fields }];
  });
}

const nameOf = (f: PlacedField) => f.path[f.path.length - 1];

/** How a reference trio's options read: by what the user gives, not by field name. */
function referenceTitle(f: PlacedField, group: Alternatives): string {
  const name = nameOf(f);
  if (name.endsWith('Selector')) return 'Select by labels';
  if (name.startsWith(`${group.reference?.base}Ref`)) return 'Refer by name';
  return 'Enter the value';
}

function choiceField(choice: Choice): FormSchema {
  const { group, fields } = choice;
  const titles = fields.map(f => (group.reference ? referenceTitle(f, group) : f.form.title ?? f.key));
  if (group.reference) {
    const value = fields.find(f => referenceTitle(f, group) === 'Enter the value') ?? fields[0];
    return {
      type: 'string',
      title: `${value.form.title ?? value.key}: how to set it`,
      description: 'A value, a reference to one managed resource by name, or a selector by labels; only the one chosen goes into the manifest.',
      oneOf: fields.map((f, i) => ({ const: nameOf(f), title: titles[i] })),
    };
  }
  return {
    type: 'string',
    title: group.exactlyOne ? 'Configure one of' : 'Configure at most one of',
    description: `${titles.join(', ')}: only the one chosen is shown and goes into the manifest.`,
    oneOf: fields.map((f, i) => ({ const: nameOf(f), title: titles[i] })),
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
    oneOf: choice.fields.map(f => ({
      properties: {
        [choice.key]: { const: nameOf(f) },
        [f.key]: choice.group.reference && nameOf(f).endsWith('Selector') ? withLabels(f.form) : f.form,
      },
      // Choosing a field means setting it.
      required: [f.key],
    })),
  };
}

export function sectionPage(section: Section, keys: KeyAllocator): SectionPage {
  const properties: Record<string, FormSchema> = {};
  const required: string[] = [];
  const dependencies: Record<string, FormSchema> = {};
  const bindings: ValueBinding[] = [];
  const order: string[] = [];
  // Fields a page-level union names must stay plain fields, or the union could never be met.
  const named = new Set(section.unions ? unionKeys(section.unions) : []);
  const choiceFor = new Map<PlacedField, Choice>();
  for (const c of choicesOf(section, named)) {
    const parent = section.source?.path[section.source.path.length - 1] ?? 'spec';
    const segment = c.group.reference ? `${c.group.reference.base}From` : `${parent}Choice`;
    const choice = { ...c, key: keys.allocate([...(section.source?.path ?? []), segment]) };
    choice.fields.forEach(f => choiceFor.set(f, choice));
  }
  for (const field of section.fields) {
    const choice = choiceFor.get(field);
    if (choice) {
      if (!properties[choice.key]) {
        properties[choice.key] = choiceField(choice);
        dependencies[choice.key] = choiceDependency(choice);
        if (choice.group.exactlyOne) required.push(choice.key);
        order.push(choice.key, ...choice.fields.map(f => f.key));
      }
      bindings.push({ path: field.path, key: field.key, when: choice.key, equals: nameOf(field) });
    } else if (!field.required && field.path.length > 0 && !named.has(field.key) && needsOptIn(field.form)) {
      const toggle = keys.allocate([...field.path.slice(0, -1), toggleSegment(field.path)]);
      properties[toggle] = optInToggle(field.form);
      dependencies[toggle] = optInDependency(toggle, field.key, field.form);
      bindings.push({ path: field.path, key: field.key, when: toggle });
      order.push(toggle, field.key);
    } else {
      properties[field.key] = field.form;
      if (field.required) required.push(field.key);
      bindings.push({ path: field.path, key: field.key });
      order.push(field.key);
    }
  }
  const page: FormSchema = { title: section.title, type: 'object', properties };
  if (section.description) page.description = section.description;
  if (required.length) page.required = required;
  if (Object.keys(dependencies).length) {
    page.dependencies = dependencies;
    // A shown field would otherwise be appended at the page's end, far from the field that shows it.
    page['ui:order'] = [...order, '*'];
  }
  Object.assign(page, section.unions);
  return { page, bindings };
}
