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

function copyBranch(branch: Schema, title?: string): FormSchema {
  const out: FormSchema = {};
  if (title) out.title = title;
  if (branch.required) out.required = [...branch.required];
  if (branch.not) out.not = copyBranch(branch.not);
  return out;
}

/** Adds the union keywords of `schema` to `form` as titled branches (call only when unionsAreChoices). */
export function attachChoices(schema: Schema, form: FormSchema): void {
  if (schema.oneOf?.length) form.oneOf = schema.oneOf.map(b => copyBranch(b, branchTitle(b, 'oneOf')));
  if (schema.anyOf?.length) form.anyOf = schema.anyOf.map(b => copyBranch(b, branchTitle(b, 'anyOf')));
  if (schema.allOf?.length) form.allOf = schema.allOf.map(b => copyBranch(b));
  if (schema.not) form.not = copyBranch(schema.not);
}
