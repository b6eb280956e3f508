/** The first page: the object's name (and namespace) as the API server will check them, and its owner. */
import { DNS1123_LABEL_PATTERN, DNS1123_SUBDOMAIN_PATTERN } from '../names';
import type { DefinitionVersion } from '../sources';
import { rulesSentence } from './help';
import { labelMessages, subdomainMessages } from './nameMessages';
import type { FormSchema } from './types';

/** Crossplane uses claim and XR names as label values, which cap them at 63 characters. */
function nameMaxLength(v: DefinitionVersion): number {
  const declared = v.schema?.properties?.metadata?.properties?.name?.maxLength;
  const cap = v.role === 'resource' ? 253 : 63;
  return typeof declared === 'number' && declared < cap ? declared : cap;
}

export function metadataPage(v: DefinitionVersion): FormSchema {
  const properties: Record<string, FormSchema> = {
    name: {
      type: 'string',
      title: 'Name',
      description: `The ${v.kind}'s name: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit.`,
      pattern: DNS1123_SUBDOMAIN_PATTERN,
      maxLength: nameMaxLength(v),
      errorMessage: subdomainMessages(nameMaxLength(v)),
      'ui:autofocus': true,
    },
  };
  const required = ['name'];
  if (v.namespaced) {
    properties.namespace = {
      type: 'string',
      title: 'Namespace',
      description: 'The Kubernetes namespace to create it in.',
      pattern: DNS1123_LABEL_PATTERN,
      maxLength: 63,
      errorMessage: labelMessages(63),
    };
    required.push('namespace');
  }
  properties.owner = {
    type: 'string',
    title: 'Owner',
    description: 'The group or user that owns it in the catalog.',
    'ui:field': 'OwnerPicker',
    'ui:options': { catalogFilter: { kind: ['Group', 'User'] } },
  };
  required.push('owner');
  const page: FormSchema = { title: 'Metadata', type: 'object', required, properties };
  // Rules on the whole object (often about its name) have no field of their own: the first page shows them.
  const rules = v.schema ? rulesSentence(v.schema) : undefined;
  if (rules) page.description = rules;
  return page;
}
