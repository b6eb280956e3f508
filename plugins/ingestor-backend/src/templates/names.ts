/** Name checks the API server applies to definitions, and the names of generated entities. */
import { createHash } from 'node:crypto';

const DNS1123_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN = new RegExp(`^${DNS1123_LABEL}(\\.${DNS1123_LABEL})*$`);
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** The pattern the metadata page uses for object names (RFC 1123 subdomain). */
export const DNS1123_SUBDOMAIN_PATTERN = DNS1123_SUBDOMAIN.source;
/** The pattern the metadata page uses for namespaces (RFC 1123 label). */
export const DNS1123_LABEL_PATTERN = `^${DNS1123_LABEL}$`;

/** Plurals, singulars and version names: an RFC 1035 label. Returns the problem, or undefined. */
export function dns1035LabelError(value: string): string | undefined {
  if (value.length > 63) return 'must be no more than 63 characters';
  return DNS1035_LABEL.test(value) ? undefined : 'must be a lowercase RFC 1035 label (a-z, 0-9 and -, starting with a letter)';
}

/** API groups: an RFC 1123 subdomain with at least one dot. */
export function apiGroupError(value: string): string | undefined {
  if (value.length > 253 || !DNS1123_SUBDOMAIN.test(value)) return 'must be a lowercase RFC 1123 subdomain';
  return value.includes('.') ? undefined : 'should be a domain with at least one dot';
}

/** Six hex characters of sha256: enough to tell altered names apart, short enough to read. */
export function shortHash(identity: string): string {
  return createHash('sha256').update(identity, 'utf8').digest('hex').slice(0, 6);
}

const MAX_ENTITY_NAME = 63;
const ENTITY_NAME = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;

/**
 * A valid, lowercase entity name for `<plural>.<group>-<version>` (plus an optional discriminator).
 * Names that had to be altered or shortened end in a hash of the full identity, so two definitions
 * never meet on one name.
 */
export function definitionEntityName(plural: string, group: string, version: string, discriminator?: string): string {
  const identity = [`${plural}.${group}`, version, discriminator].filter(Boolean).join('-');
  if (!discriminator && identity.length <= MAX_ENTITY_NAME && ENTITY_NAME.test(identity)) return identity;
  const hash = shortHash(identity);
  const cleaned = identity
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const base = cleaned.slice(0, MAX_ENTITY_NAME - hash.length - 1).replace(/[-_.]+$/, '');
  return base ? `${base}-${hash}` : hash;
}

export { titleFromKey } from './words';
