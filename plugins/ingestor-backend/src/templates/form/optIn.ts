/**
 * Optional sections are opt-in. The form library creates every nested object it shows, so an optional
 * object with required fields would make those fields required and put the section in the manifest.
 * Such a section instead sits behind a "Configure <section>" checkbox: JSON Schema `dependencies`
 * (a `oneOf` keyed on the checkbox, which react-jsonschema-form renders) show it, and its required
 * fields, only while the box is ticked. Backstage keeps a hidden section's values in the form data
 * (its Stepper turns `omitExtraData` off), so the render step binds the section only while the box is
 * ticked (`when` on its binding).
 */
import type { FormSchema } from './types';

/** Whether `form` holds a required field somewhere among its nested objects (not inside list items). */
function holdsRequired(form: FormSchema): boolean {
  if (form.type !== 'object') return false;
  if (form.required?.length) return true;
  return Object.values(form.properties ?? {}).some(holdsRequired);
}

/** A map (`labels`, `annotations`): entries under names the user chooses. */
function isMap(form: FormSchema): boolean {
  return form.type === 'object' && !!form.additionalProperties && !Object.keys(form.properties ?? {}).length;
}

/**
 * An optional field that should be off until the user turns it on: an object with required fields, a
 * list (with or without minItems) or a map. The form library creates every list and map it shows as `[]` or `{}`, and Backstage's
 * Review page lists each as a blank row; behind a checkbox they exist only once the user wants them.
 */
export function needsOptIn(form: FormSchema): boolean {
  // With minItems too: the form would create the list empty (a multi-select) or with blank items, both invalid.
  if (form.type === 'array') return true;
  return form.type === 'object' && (holdsRequired(form) || isMap(form));
}

/** The checkbox that turns `section` on. */
export function optInToggle(section: FormSchema): FormSchema {
  const title = section.title ?? 'this section';
  // "Add Hosts" says it all; a line of help under every list would only make the page longer.
  if (section.type === 'array' || isMap(section)) return { type: 'boolean', title: `Add ${title}` };
  return {
    type: 'boolean',
    title: `Configure ${title}`,
    description: `Leave unticked to leave ${title} out of the manifest.`,
  };
}

/** The `dependencies` entry showing `section` at `key` (required) only while `toggleKey` is ticked. */
export function optInDependency(toggleKey: string, key: string, section: FormSchema): FormSchema {
  return {
    oneOf: [
      { properties: { [toggleKey]: { const: true }, [key]: section }, required: [key] },
      { properties: { [toggleKey]: { const: false } } },
    ],
  };
}

/** The key and checkbox for the section at spec `path`, e.g. `configureSourceHydrator`. */
export function toggleSegment(path: string[]): string {
  const last = path[path.length - 1] ?? 'spec';
  return `configure${last.charAt(0).toUpperCase()}${last.slice(1)}`;
}

/**
 * Fields a page shows only under a condition (the dependency branches), keyed as on the page; the
 * dependency keys themselves are already page fields. Walkers that label or escape fields visit these too.
 */
export function dependentFields(node: FormSchema): Array<[string, FormSchema]> {
  const deps = node.dependencies;
  if (!deps || typeof deps !== 'object') return [];
  const out: Array<[string, FormSchema]> = [];
  for (const [depKey, dep] of Object.entries(deps as Record<string, FormSchema>)) {
    for (const branch of dep.oneOf ?? []) {
      for (const [key, field] of Object.entries(branch.properties ?? {})) if (key !== depKey) out.push([key, field]);
    }
  }
  return out;
}
