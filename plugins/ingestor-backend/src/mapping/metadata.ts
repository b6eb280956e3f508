import type { EntityLink } from '@backstage/catalog-model';
import { SOURCE_ANNOTATION_SUFFIXES } from '../annotations';
import type { MappingSettings } from '../config/types';
import { clip, UnknownRecord } from './guards';
import { parseLinks } from './links';
import { composeEntityName, isValidNameOverride, sanitizeTags, toDnsLabel } from './names';
import { parseValidRef, refString } from './refs';
import { ObjectContext, sourceAnnotationKey } from './scope';
import { stripUnsafeCharacters } from './text';

export type Warn = (message: string) => void;

/** Product annotations are short; a bigger value is noise or an attack, and is not parsed. */
export const MAX_READ_LENGTH = 16 * 1024;

/** What the object (and, for owner/system/lifecycle, its Namespace) says about its entity. */
export interface SourceMetadata {
  nameOverride?: string;
  owner: string;
  /** A full ref, `system:<namespace>/<name>`. */
  system?: string;
  lifecycle: string;
  type?: string;
  title?: string;
  description?: string;
  tags: string[];
  links: EntityLink[];
}

/** A trimmed, non-empty string annotation; anything else is reported and treated as absent. */
export function readAnnotation(annotations: UnknownRecord, key: string, warn: Warn, where = ''): string | undefined {
  const value = annotations[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    warn(`annotation ${key}${where} is not a string; ignored`);
    return undefined;
  }
  if (value.length > MAX_READ_LENGTH) {
    warn(`annotation ${key}${where} is longer than ${MAX_READ_LENGTH} characters; ignored`);
    return undefined;
  }
  const { text, changed } = stripUnsafeCharacters(value);
  if (changed) warn(`annotation ${key}${where} contains control or bidirectional-override characters; they were removed`);
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * Owners without a namespace are placed in `default`, not in the entity's namespace: with the default
 * `cluster` namespace model that would be the cluster, where no Group lives.
 */
function normalizeOwner(value: string): string | undefined {
  return remembered(`owner ${value}`, () => {
    const ref = parseValidRef(value, { defaultKind: 'group', defaultNamespace: 'default' });
    if (!ref || !['group', 'user'].includes(ref.kind.toLowerCase())) return undefined;
    return refString(ref);
  });
}

function normalizeSystem(value: string, entityNamespace: string): string | undefined {
  return remembered(`system ${entityNamespace} ${value}`, () => {
    const ref = parseValidRef(value, { defaultKind: 'system', defaultNamespace: entityNamespace });
    return ref && ref.kind.toLowerCase() === 'system' ? refString(ref) : undefined;
  });
}

/**
 * Thousands of objects name the same few owners and systems (often through their Namespace): each ref
 * is parsed once. Pure results, so a bounded cache that is simply emptied when full is enough.
 */
const parsedRefs = new Map<string, string | undefined>();
const PARSED_REFS_MAX = 10_000;
function remembered(key: string, parse: () => string | undefined): string | undefined {
  if (parsedRefs.has(key)) return parsedRefs.get(key);
  if (parsedRefs.size >= PARSED_REFS_MAX) parsedRefs.clear();
  const value = parse();
  parsedRefs.set(key, value);
  return value;
}

function modelSystem(context: ObjectContext, settings: MappingSettings, entityNamespace: string): string | undefined {
  const { cluster, namespace } = context.coordinates;
  if (namespace === undefined) return undefined;
  switch (settings.mappings.systemModel) {
    case 'namespace':
      return `system:${entityNamespace}/${composeEntityName([namespace])}`;
    case 'cluster-namespace':
      return `system:${entityNamespace}/${composeEntityName([`${toDnsLabel(cluster)}-${namespace}`])}`;
    default:
      return undefined;
  }
}

type Suffix = (typeof SOURCE_ANNOTATION_SUFFIXES)[keyof typeof SOURCE_ANNOTATION_SUFFIXES];

const annotationKey = (settings: MappingSettings, suffix: Suffix) => sourceAnnotationKey(settings, suffix);

/** What one object's reads need; passed along instead of closures, as this runs for every object. */
interface Reader {
  context: ObjectContext;
  settings: MappingSettings;
  warn: Warn;
  ofNamespace: string;
}

const own = (r: Reader, suffix: Suffix) => readAnnotation(r.context.annotations, annotationKey(r.settings, suffix), r.warn);
const inherited = (r: Reader, suffix: Suffix) =>
  readAnnotation(r.context.namespaceAnnotations, annotationKey(r.settings, suffix), r.warn, r.ofNamespace);

/** The object's value, else its Namespace's; an invalid one is reported and the next source is tried. */
function firstValid<T>(r: Reader, suffix: Suffix, parse: (value: string, entityNamespace: string) => T | undefined, entityNamespace: string): T | undefined {
  for (const fromNamespace of [false, true]) {
    const value = fromNamespace ? inherited(r, suffix) : own(r, suffix);
    if (value === undefined) continue;
    const parsed = parse(value, entityNamespace);
    if (parsed !== undefined) return parsed;
    r.warn(`annotation ${annotationKey(r.settings, suffix)}${fromNamespace ? r.ofNamespace : ''} is not a valid ${suffix} reference ("${clip(value)}"); ignored`);
  }
  return undefined;
}

// Most objects have no tags or links; their metadata lives as long as the object: one shared, frozen list.
const NONE = Object.freeze([]) as never[];

/**
 * Reads all product annotations of one object. Invalid values are reported through `warn` and the next
 * source in the precedence (object, then Namespace, then the configured defaults) is used instead.
 */
export function readSourceMetadata(
  context: ObjectContext,
  settings: MappingSettings,
  entityNamespace: string,
  warn: Warn,
): SourceMetadata {
  const r: Reader = { context, settings, warn, ofNamespace: ` of namespace ${context.coordinates.namespace}` };
  const S = SOURCE_ANNOTATION_SUFFIXES;

  const owner = firstValid(r, S.owner, normalizeOwner, entityNamespace) ?? normalizeOwner(settings.defaultOwner) ?? settings.defaultOwner;
  const system = firstValid(r, S.system, normalizeSystem, entityNamespace) ?? modelSystem(context, settings, entityNamespace);

  let nameOverride = own(r, S.name);
  if (nameOverride !== undefined && !isValidNameOverride(nameOverride)) {
    warn(`annotation ${annotationKey(settings, S.name)} ("${clip(nameOverride)}") is not a valid entity name; the generated name is used`);
    nameOverride = undefined;
  }

  const tagsValue = own(r, S.tags);
  const linksValue = own(r, S.links);
  return {
    nameOverride,
    owner,
    system,
    lifecycle: own(r, S.lifecycle) ?? inherited(r, S.lifecycle) ?? settings.defaultLifecycle,
    type: own(r, S.type),
    title: own(r, S.title),
    description: own(r, S.description),
    tags: tagsValue === undefined ? NONE : sanitizeTags(tagsValue),
    links: linksValue === undefined ? NONE : parseLinks(linksValue, message => warn(`annotation ${annotationKey(settings, S.links)}: ${message}`)),
  };
}
