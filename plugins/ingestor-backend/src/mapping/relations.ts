import { CommonValidatorFunctions } from '@backstage/catalog-model';
import { SOURCE_ANNOTATION_SUFFIXES } from '../annotations';
import type { MappingSettings } from '../config/types';
import { clip } from './guards';
import { readAnnotation, Warn } from './metadata';
import { isDnsLabel } from './names';
import { parseValidRef, refString } from './refs';
import { ObjectContext, sourceAnnotationKey } from './scope';

export type RelationField = 'dependsOn' | 'providesApis' | 'consumesApis' | 'subcomponentOf';

/**
 * Either a ref as the user wrote it, or another Kubernetes object of the same cluster: by name in the
 * same namespace, or as `namespace/name`.
 */
export type RelationTarget = { ref: string } | { objectName: string; objectNamespace?: string };

export type RelationTargets = Partial<Record<RelationField, RelationTarget[]>>;

export interface RelationSpec {
  dependsOn?: string[];
  providesApis?: string[];
  consumesApis?: string[];
  subcomponentOf?: string;
}

interface FieldRule {
  field: RelationField;
  suffix: string;
  /** The kind a bare object name resolves to. */
  objectKind: string;
  /** The kind Backstage itself assumes for a written ref without one (none for dependsOn). */
  refDefaultKind?: string;
  single?: boolean;
}

export const RELATION_RULES: readonly FieldRule[] = [
  { field: 'dependsOn', suffix: SOURCE_ANNOTATION_SUFFIXES.dependsOn, objectKind: 'component' },
  {
    field: 'providesApis',
    suffix: SOURCE_ANNOTATION_SUFFIXES.providesApis,
    objectKind: 'api',
    refDefaultKind: 'api',
  },
  {
    field: 'consumesApis',
    suffix: SOURCE_ANNOTATION_SUFFIXES.consumesApis,
    objectKind: 'api',
    refDefaultKind: 'api',
  },
  {
    field: 'subcomponentOf',
    suffix: SOURCE_ANNOTATION_SUFFIXES.subcomponentOf,
    objectKind: 'component',
    refDefaultKind: 'component',
    single: true,
  },
];

/**
 * A value with a kind is an entity ref; without one it names a Kubernetes object (`name` or
 * `namespace/name`), which is what people write on a Kubernetes object. `undefined` if it is neither.
 */
function parseTarget(item: string, rule: FieldRule, entityNamespace: string): { target: RelationTarget; identity: string } | undefined {
  if (item.includes(':')) {
    const ref = parseValidRef(item, { defaultKind: rule.refDefaultKind, defaultNamespace: entityNamespace });
    return ref ? { target: { ref: item }, identity: refString(ref) } : undefined;
  }
  const parts = item.split('/');
  const name = parts[parts.length - 1];
  if (parts.length > 2 || !CommonValidatorFunctions.isValidDnsSubdomain(name)) return undefined;
  if (parts.length === 1) return { target: { objectName: name }, identity: item };
  const namespace = parts[0];
  return isDnsLabel(namespace) ? { target: { objectName: name, objectNamespace: namespace }, identity: item } : undefined;
}

/** Parses the relation annotations; invalid items are dropped with a warning naming the field. */
const NO_TARGETS: RelationTargets = Object.freeze({});

export function readRelations(
  context: ObjectContext,
  settings: MappingSettings,
  entityNamespace: string,
  warn: Warn,
): RelationTargets {
  const targets: RelationTargets = {};
  for (const rule of RELATION_RULES) {
    const key = sourceAnnotationKey(settings, rule.suffix);
    const value = readAnnotation(context.annotations, key, warn);
    if (value === undefined) continue;
    const items = value.split(',').map(item => item.trim()).filter(Boolean);
    if (rule.single && items.length > 1) {
      warn(`annotation ${key} must name a single entity; ignored`);
      continue;
    }
    const kept: RelationTarget[] = [];
    const seen = new Set<string>();
    for (const item of items) {
      const parsed = parseTarget(item, rule, entityNamespace);
      if (!parsed) {
        warn(`annotation ${key}: "${clip(item)}" is neither an entity ref with a kind nor a Kubernetes object name; dropped`);
        continue;
      }
      if (seen.has(parsed.identity)) continue;
      seen.add(parsed.identity);
      kept.push(parsed.target);
    }
    if (kept.length > 0) targets[rule.field] = kept;
  }
  // Kept for as long as the object is: most objects name no targets and share one frozen record.
  return Object.keys(targets).length > 0 ? targets : NO_TARGETS;
}

/** Turns object names into refs; `resolveObject` knows the entities of the same cluster. */
export function resolveRelations(
  targets: RelationTargets,
  resolveObject: (target: { objectName: string; objectNamespace?: string }, objectKind: string) => string,
): RelationSpec {
  const spec: RelationSpec = {};
  for (const rule of RELATION_RULES) {
    const list = targets[rule.field];
    if (!list) continue;
    const refs = [...new Set(list.map(t => ('ref' in t ? t.ref : resolveObject(t, rule.objectKind))))];
    if (rule.field === 'subcomponentOf') spec.subcomponentOf = refs[0];
    else spec[rule.field] = refs;
  }
  return spec;
}
