/**
 * The advanced page: Crossplane's plumbing (which Composition, how it is updated, where the connection
 * secret goes) and the spec fields a schema marks `x-ui-advanced`.
 */
import { DNS1123_LABEL_PATTERN, DNS1123_SUBDOMAIN_PATTERN } from '../names';
import { hasConnectionSecret, machineryPath } from '../schema/crossplane';
import type { DefinitionVersion } from '../sources';
import type { SpecBinding } from './bindings';
import type { PlacedField } from './layout';
import { labelMessages, subdomainMessages } from './nameMessages';
import type { FormSchema } from './types';

export interface AdvancedPage {
  page?: FormSchema;
  bindings: SpecBinding[];
}

/** `compositions` are the names offered as choices (empty: free text). */
export function advancedPage(v: DefinitionVersion, compositions: string[], userFields: PlacedField[]): AdvancedPage {
  const properties: Record<string, FormSchema> = {};
  const required: string[] = [];
  const bindings: SpecBinding[] = [];
  const dependencies: Record<string, string[]> = {};
  if (v.role !== 'resource') {
    const at = machineryPath(v);
    // Never prefilled: a named Composition overrides a selector the user fills, and without either
    // Crossplane applies the XRD's default anyway, so the default is only named in the help.
    const fallback = v.defaultCompositionRef ? ` (the default is ${v.defaultCompositionRef})` : '';
    const composition: FormSchema = {
      type: 'string',
      title: 'Composition',
      description: `The Composition that implements it. Leave empty to let the selector or the default decide${fallback}.`,
    };
    if (compositions.length) composition.enum = compositions;
    properties.compositionName = composition;
    bindings.push({ path: [...at, 'compositionRef'], fields: { name: 'compositionName' }, when: 'compositionName' });
    properties.compositionSelector = {
      type: 'object',
      title: 'Composition selector',
      description: 'Labels that pick a Composition when none is named.',
      additionalProperties: { type: 'string' },
    };
    bindings.push({ path: [...at, 'compositionSelector'], fields: { matchLabels: 'compositionSelector' }, when: 'compositionSelector' });
    properties.compositionUpdatePolicy = {
      type: 'string',
      title: 'Composition update policy',
      description: 'Automatic follows new Composition revisions; Manual stays on the current one.',
      enum: ['Automatic', 'Manual'],
    };
    bindings.push({ path: [...at, 'compositionUpdatePolicy'], key: 'compositionUpdatePolicy' });
  }
  if (hasConnectionSecret(v)) {
    properties.connectionSecretName = {
      type: 'string',
      title: 'Connection secret',
      description: 'Name of the Secret Crossplane writes connection details to.',
      pattern: DNS1123_SUBDOMAIN_PATTERN,
      maxLength: 253,
      errorMessage: subdomainMessages(253),
    };
    const fields: Record<string, string> = { name: 'connectionSecretName' };
    if (v.role === 'composite') {
      properties.connectionSecretNamespace = {
        type: 'string',
        title: 'Connection secret namespace',
        pattern: DNS1123_LABEL_PATTERN,
        maxLength: 63,
        errorMessage: labelMessages(63),
      };
      fields.namespace = 'connectionSecretNamespace';
      dependencies.connectionSecretName = ['connectionSecretNamespace'];
    }
    bindings.push({ path: ['writeConnectionSecretToRef'], fields, when: 'connectionSecretName' });
  }
  for (const field of userFields) {
    properties[field.key] = field.form;
    if (field.required) required.push(field.key);
    bindings.push({ path: field.path, key: field.key });
  }
  if (Object.keys(properties).length === 0) return { bindings };
  const page: FormSchema = { title: 'Advanced', type: 'object', properties };
  if (required.length) page.required = required;
  if (Object.keys(dependencies).length) page.dependencies = dependencies;
  return { page, bindings };
}
