import { FieldError } from './types';

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** A kind as code spells it: a letter, then letters and digits (Go identifier rules, ASCII). */
const KIND = /^[A-Za-z][A-Za-z0-9]*$/;

/** What names one object: checked before any path or file name is built from it. */
export interface ResourceIdentity {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  namespaced: boolean;
}

/** A value as it may appear in a message: quoted, control characters escaped, bounded. */
export function quote(value: string): string {
  const text = value.length > 100 ? `${value.slice(0, 100)}…` : value;
  // JSON escapes control characters; bidi overrides and line separators are escaped on top.
  return JSON.stringify(text).replace(
    /[\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function apiVersionProblem(apiVersion: string): string | undefined {
  const slash = apiVersion.indexOf('/');
  if (slash < 0) {
    return apiVersion === 'v1' ? undefined : 'must be "<group>/<version>", or "v1" for the core group';
  }
  const group = apiVersion.slice(0, slash);
  const version = apiVersion.slice(slash + 1);
  if (group.length > 253 || !DNS_SUBDOMAIN.test(group)) return 'has a group that is not a DNS-1123 subdomain';
  if (version.length > 63 || !DNS_LABEL.test(version)) return 'has a version that is not a DNS-1123 label';
  return undefined;
}

/**
 * apiVersion, kind, name and namespace as the API server accepts them: `<group>/<version>` (group a
 * DNS-1123 subdomain, version a DNS-1123 label) or `v1`; a kind of ASCII letters and digits starting with a
 * letter; a name that is a DNS-1123 subdomain; a namespace that is a DNS-1123 label, present exactly when the
 * resource is namespaced. Values in messages are quoted and escaped.
 */
export function validateIdentity(identity: ResourceIdentity): FieldError[] {
  const errors: FieldError[] = [];
  const { apiVersion, kind, name, namespace, namespaced } = identity;
  const versionProblem = apiVersionProblem(apiVersion);
  if (versionProblem) errors.push({ path: 'apiVersion', message: `${quote(apiVersion)} ${versionProblem}` });
  if (kind.length > 63 || !KIND.test(kind)) {
    errors.push({ path: 'kind', message: `${quote(kind)} must start with a letter and hold only letters and digits` });
  }
  if (name.length > 253 || !DNS_SUBDOMAIN.test(name)) {
    errors.push({
      path: 'metadata.name',
      message: `${quote(name)} must be a DNS-1123 subdomain (lower case letters, digits, '-' and '.')`,
    });
  }
  if (namespaced && !namespace) {
    errors.push({ path: 'metadata.namespace', message: 'is required for a namespaced resource' });
  } else if (namespaced && namespace && (namespace.length > 63 || !DNS_LABEL.test(namespace))) {
    errors.push({ path: 'metadata.namespace', message: `${quote(namespace)} must be a DNS-1123 label` });
  } else if (!namespaced && namespace) {
    errors.push({ path: 'metadata.namespace', message: 'must be empty for a cluster-scoped resource' });
  }
  return errors;
}
