import { FieldError } from './types';

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const QUALIFIED_NAME =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/** What the API server would reject in metadata, checked before anything reaches a pull request. */
export function validateMetadata(input: {
  name: string;
  namespace?: string;
  namespaced: boolean;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}): FieldError[] {
  const errors: FieldError[] = [];
  const { name, namespace, namespaced, labels = {}, annotations = {} } = input;
  if (name.length > 253 || !DNS_SUBDOMAIN.test(name)) {
    errors.push({
      path: 'metadata.name',
      message: `"${name}" must be a DNS-1123 subdomain (lower case letters, digits, '-' and '.')`,
    });
  }
  if (namespaced && !namespace) {
    errors.push({ path: 'metadata.namespace', message: 'is required for a namespaced resource' });
  } else if (namespaced && namespace && (namespace.length > 63 || !DNS_LABEL.test(namespace))) {
    errors.push({ path: 'metadata.namespace', message: `"${namespace}" must be a DNS-1123 label` });
  } else if (!namespaced && namespace) {
    errors.push({ path: 'metadata.namespace', message: 'must be empty for a cluster-scoped resource' });
  }
  for (const [key, value] of Object.entries(labels)) {
    if (!QUALIFIED_NAME.test(key)) {
      errors.push({ path: `metadata.labels.${key}`, message: 'is not a valid label key' });
    }
    if (value.length > 63 || !LABEL_VALUE.test(value)) {
      errors.push({ path: `metadata.labels.${key}`, message: `"${value}" is not a valid label value` });
    }
  }
  for (const key of Object.keys(annotations)) {
    if (!QUALIFIED_NAME.test(key)) {
      errors.push({ path: `metadata.annotations.${key}`, message: 'is not a valid annotation key' });
    }
  }
  return errors;
}
