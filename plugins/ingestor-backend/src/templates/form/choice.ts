/**
 * oneOf/anyOf/allOf/not. Structural Kubernetes schemas use them only as value checks; the common shape
 * is "set exactly one of these fields" (`oneOf: [{required: [a]}, {required: [b]}]`). Those stay as real,
 * named choices the form library renders and checks; any other shape is edited as YAML.
 */
import type { Schema } from '../schema/types';
import type { FormSchema } from './types';

const CONSTRAINT_KEYS = new Set(['required', 'description', 'title']);

function requiredOnly(branch: Schema): boolean {
  return Object.keys(branch).every(k => CONSTRAINT_KEYS.has(k) || (k === 'not' && !!branch.not && requiredOnly(branch.not)));
}

/** Whether every union keyword at this node can be shown as named choices. */
export function unionsAreChoices(schema: Schema): boolean {
  const branches = [...(schema.oneOf ?? []), ...(schema.anyOf ?? []), ...(schema.allOf ?? []), ...(schema.not ? [schema.not] : [])];
  return branches.every(requiredOnly);
}

export function hasUnions(schema: Schema): boolean {
  return !!(schema.oneOf?.length || schema.anyOf?.length || schema.allOf?.length || schema.not);
}

function branchTitle(branch: Schema, keyword: 'oneOf' | 'anyOf'): string {
  if (branch.title) return branch.title;
  const fields = branch.required ?? [];
  if (fields.length) return `${keyword === 'oneOf' ? 'Set only' : 'Set'} ${fields.join(' and ')}`;
  if (branch.not?.required?.length) return `Leave out ${branch.not.required.join(' and ')}`;
  return 'No further requirement';
}

/** Field names to form keys: the same inside a field, parameter keys on a page. */
type Rename = (name: string) => string;

function copyBranch(branch: Schema, rename: Rename, title?: string): FormSchema {
  const out: FormSchema = {};
  if (title) out.title = title;
  if (branch.required) out.required = branch.required.map(rename);
  if (branch.not) out.not = copyBranch(branch.not, rename);
  return out;
}

/** Adds the union keywords of `schema` to `form` as titled branches (call only when unionsAreChoices). */
export function attachChoices(schema: Schema, form: FormSchema, rename: Rename = name => name): void {
  if (schema.oneOf?.length) form.oneOf = schema.oneOf.map(b => copyBranch(b, rename, branchTitle(b, 'oneOf')));
  if (schema.anyOf?.length) form.anyOf = schema.anyOf.map(b => copyBranch(b, rename, branchTitle(b, 'anyOf')));
  if (schema.allOf?.length) form.allOf = schema.allOf.map(b => copyBranch(b, rename));
  if (schema.not) form.not = copyBranch(schema.not, rename);
}

/** Every field name the union keywords of `schema` require or forbid. */
export function unionFieldNames(schema: Schema): string[] {
  const names = new Set<string>();
  const visit = (b: Schema) => {
    for (const n of b.required ?? []) names.add(n);
    if (b.not) visit(b.not);
  };
  for (const b of [...(schema.oneOf ?? []), ...(schema.anyOf ?? []), ...(schema.allOf ?? []), ...(schema.not ? [schema.not] : [])]) visit(b);
  return [...names];
}

const WORDED_KEYS = new Set(['required', 'not', 'title', 'description']);

function branchWords(branch: Schema): string {
  if (branch.title) return branch.title;
  const parts: string[] = [];
  if (branch.required?.length) parts.push(`set ${branch.required.join(' and ')}`);
  if (branch.not?.required?.length) parts.push(`leave out ${branch.not.required.join(' and ')}`);
  const other = Object.fromEntries(Object.entries(branch).filter(([k]) => !WORDED_KEYS.has(k)));
  if (Object.keys(other).length || !parts.length) parts.push(`match ${JSON.stringify(other)}`);
  return parts.join(', ');
}

/**
 * The union keywords of `schema` in words, for where they cannot be form choices: they are checked
 * when the manifest is rendered, and the user should know before.
 */
export function unionSentences(schema: Schema): string[] {
  const checked = '(checked when the manifest is rendered)';
  const list = (branches: Schema[]) => branches.map(branchWords).join('; ');
  const out: string[] = [];
  if (schema.oneOf?.length) out.push(`Exactly one of these must hold ${checked}: ${list(schema.oneOf)}.`);
  if (schema.anyOf?.length) out.push(`At least one of these must hold ${checked}: ${list(schema.anyOf)}.`);
  if (schema.allOf?.length) out.push(`All of these must hold ${checked}: ${list(schema.allOf)}.`);
  if (schema.not) out.push(`This must not hold ${checked}: ${branchWords(schema.not)}.`);
  return out;
}

/** Every key the union keywords of a form node require or forbid. */
export function unionKeys(form: FormSchema): string[] {
  return unionFieldNames(form as Schema);
}
