/**
 * The name checks the API server applies to a CustomResourceDefinition
 * (k8s.io/apimachinery util/validation, used by apiextensions' ValidateCustomResourceDefinition).
 * Each returns an error message, or undefined when the value is valid.
 */

const DNS1123_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN = new RegExp(`^${DNS1123_LABEL}(\\.${DNS1123_LABEL})*$`);
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** Plurals, singulars, short names, categories, version names: an RFC 1035 label. */
export function dns1035LabelError(value: string): string | undefined {
  if (value.length > 63) return 'must be no more than 63 characters';
  if (!DNS1035_LABEL.test(value)) {
    return "must be a lowercase RFC 1035 label: lower case alphanumeric characters or '-', starting with a letter and ending with an alphanumeric character";
  }
  return undefined;
}

/** API groups and CRD names: an RFC 1123 subdomain. */
export function dns1123SubdomainError(value: string): string | undefined {
  if (value.length > 253) return 'must be no more than 253 characters';
  if (!DNS1123_SUBDOMAIN.test(value)) {
    return "must be a lowercase RFC 1123 subdomain: lower case alphanumeric characters, '-' or '.', starting and ending with an alphanumeric character";
  }
  return undefined;
}

/** A CRD's spec.group: a subdomain with at least one dot. */
export function apiGroupError(value: string): string | undefined {
  return dns1123SubdomainError(value) ?? (value.includes('.') ? undefined : 'should be a domain with at least one dot');
}
