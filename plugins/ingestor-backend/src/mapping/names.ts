import { createHash } from 'node:crypto';
import type { NameModel, NamespaceModel } from '../config/types';

/** Backstage's limit for entity names, namespaces and tags. */
export const MAX_NAME_LENGTH = 63;
const HASH_LENGTH = 6;
/** Room left for `-<hash>` at the end of an altered name. */
const HASHED_BUDGET = MAX_NAME_LENGTH - HASH_LENGTH - 1;

/** Where an object lives; the only inputs of its entity's name and namespace. */
export interface ObjectCoordinates {
  cluster: string;
  /** Absent for cluster-scoped objects. */
  namespace?: string;
  name: string;
}

/** Six hex characters of sha256: enough to tell altered originals apart, short enough to read. */
export function shortHash(identity: string): string {
  return createHash('sha256').update(identity, 'utf8').digest('hex').slice(0, HASH_LENGTH);
}

/** RFC 1123 label, as Backstage requires for entity namespaces. */
export function isDnsLabel(value: string): boolean {
  return value.length >= 1 && value.length <= MAX_NAME_LENGTH && /^[a-z0-9]+(?:-+[a-z0-9]+)*$/.test(value);
}

/**
 * Backstage's entity name rule (no doubled separators, as in its older and stricter form) and
 * lowercase: refs compare case-insensitively, so only lowercase generated names stay unique as refs.
 */
function isCanonicalEntityName(value: string): boolean {
  return value.length >= 1 && value.length <= MAX_NAME_LENGTH && /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/.test(value);
}

/** A user-chosen name (`<prefix>/name`) may keep its case; duplicates are still resolved later. */
export function isValidNameOverride(value: string): boolean {
  return value.length >= 1 && value.length <= MAX_NAME_LENGTH && /^[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*$/.test(value);
}

function trimSeparators(value: string, separators: RegExp): string {
  let start = 0;
  let end = value.length;
  while (start < end && separators.test(value[start])) start++;
  while (end > start && separators.test(value[end - 1])) end--;
  return value.slice(start, end);
}

function joinHash(base: string, identity: string): string {
  const hash = shortHash(identity);
  return base ? `${base}-${hash}` : hash;
}

/**
 * Any string to a DNS label. Valid labels pass unchanged; anything altered (case, characters, length)
 * gets a hash of the original, so `Prod` and `prod` never meet.
 */
export function toDnsLabel(value: string): string {
  if (isDnsLabel(value)) return value;
  const cleaned = value.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const base = trimSeparators(trimSeparators(cleaned, /-/).slice(0, HASHED_BUDGET), /-/);
  return joinHash(base, value);
}

function cleanNamePart(part: string): string {
  const cleaned = part
    .toLowerCase()
    .replace(/[^a-z0-9._-]/g, '-')
    .replace(/[-_.]+/g, run => run[0]);
  return trimSeparators(cleaned, /[-_.]/);
}

/**
 * Joins name parts with dots. The result is left alone only when it is already canonical and every
 * part after the first is a DNS label (so the last dots split it unambiguously); otherwise each part is
 * cleaned, the first (the object name, up to 253 characters) is shortened so the rest stays readable,
 * and a hash of all original parts is appended.
 */
export function composeEntityName(parts: string[]): string {
  const raw = parts.join('.');
  if (isCanonicalEntityName(raw) && parts.slice(1).every(isDnsLabel)) return raw;

  const cleaned = parts.map(cleanNamePart).filter(part => part.length > 0);
  let joined = cleaned.join('.');
  if (joined.length > HASHED_BUDGET) {
    const rest = cleaned.slice(1).join('.');
    const room = HASHED_BUDGET - rest.length - 1;
    joined = room >= 8 && rest ? `${cleaned[0].slice(0, room)}.${rest}` : joined.slice(0, HASHED_BUDGET);
  }
  const base = trimSeparators(joined.replace(/[-_.]+/g, run => run[0]), /[-_.]/);
  return joinHash(base, JSON.stringify(parts));
}

/** `<name>-<suffix>`, cutting the name (never the suffix) to stay within 63 characters. */
export function withSuffix(name: string, suffix: string): string {
  const room = MAX_NAME_LENGTH - suffix.length - 1;
  const base = trimSeparators(name.slice(0, Math.max(room, 0)), /[-_.]/);
  return base ? `${base}-${suffix}` : suffix;
}

/** A suffix made from a Kubernetes kind, e.g. `statefulset`; kinds differ by more than case. */
export function kindSuffix(kind: string): string {
  return toDnsLabel(kind.toLowerCase());
}

export function entityNamespaceFor(model: NamespaceModel, coordinates: ObjectCoordinates): string {
  switch (model) {
    case 'default':
      return 'default';
    case 'namespace':
      return coordinates.namespace === undefined ? 'default' : toDnsLabel(coordinates.namespace);
    case 'cluster':
    default:
      return toDnsLabel(coordinates.cluster);
  }
}

export function entityNameFor(model: NameModel, coordinates: ObjectCoordinates): string {
  const { name, namespace } = coordinates;
  const cluster = toDnsLabel(coordinates.cluster);
  const scoped = namespace === undefined ? [name] : [name, namespace];
  switch (model) {
    case 'name':
      return composeEntityName([name]);
    case 'name-cluster':
      return composeEntityName([name, cluster]);
    case 'name-namespace-cluster':
      return composeEntityName([...scoped, cluster]);
    case 'name-namespace':
    default:
      return composeEntityName(scoped);
  }
}

/** One tag as Backstage accepts it, or `undefined` when nothing usable is left. */
export function sanitizeTag(raw: string): string | undefined {
  const cleaned = trimSeparators(raw.toLowerCase().replace(/[^a-z0-9:+#]+/g, '-'), /-/);
  const tag = trimSeparators(cleaned.slice(0, MAX_NAME_LENGTH), /-/);
  return tag || undefined;
}

/** Comma separated tags: sanitised, empties dropped, de-duplicated, sorted. */
export function sanitizeTags(raw: string): string[] {
  const tags = new Set<string>();
  for (const item of raw.split(',')) {
    const tag = sanitizeTag(item);
    if (tag) tags.add(tag);
  }
  return [...tags].sort();
}
