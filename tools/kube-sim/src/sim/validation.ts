import { invalid } from '../api/errors';
import type { KubeObject, ResourceType } from '../types';

const LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const SUBDOMAIN_RE = new RegExp(`^${LABEL}(\\.${LABEL})*$`);
const LABEL_RE = new RegExp(`^${LABEL}$`);
const DNS1035_RE = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

/** Returns why `name` is not a valid DNS-1123 subdomain, or undefined when it is. */
export function subdomainError(name: string): string | undefined {
  if (name.length > 253) return 'must be no more than 253 characters';
  return SUBDOMAIN_RE.test(name) ? undefined : SUBDOMAIN_MSG;
}

/** Returns why `name` is not a valid DNS-1123 label, or undefined when it is. */
export function labelError(name: string): string | undefined {
  if (name.length > 63) return 'must be no more than 63 characters';
  return LABEL_RE.test(name) ? undefined : LABEL_MSG;
}

function dns1035Error(name: string): string | undefined {
  if (name.length > 63) return 'must be no more than 63 characters';
  return DNS1035_RE.test(name) ? undefined : DNS1035_MSG;
}

/** Validates an object's name the way the real server does for its kind; throws 422 Invalid. */
export function validateName(type: ResourceType, obj: KubeObject): void {
  const name = obj.metadata.name ?? '';
  if (!name) {
    throw invalid(type.group, type.kind, '', [
      { reason: 'FieldValueRequired', message: 'Required value: name or generateName is required', field: 'metadata.name' },
    ]);
  }
  let why: string | undefined;
  if (!type.custom && type.group === '' && type.name === 'namespaces') why = labelError(name);
  else if (!type.custom && type.group === '' && type.name === 'services') why = dns1035Error(name);
  else why = subdomainError(name);
  if (why) {
    throw invalid(type.group, type.kind, name, [
      { reason: 'FieldValueInvalid', message: `Invalid value: "${name}": ${why}`, field: 'metadata.name' },
    ]);
  }
}
