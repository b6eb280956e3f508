import type { Entity } from '@backstage/catalog-model';
import type { MappingSettings } from '../config/types';
import type { SourceRole } from '../types';
import { CROSSPLANE_TYPES } from './crossplane';
import { entityAnnotations } from './entityAnnotations';
import { internEntityStrings, internStrings } from './interned';
import type { SourceMetadata, Warn } from './metadata';
import { RELATION_RULES, type RelationSpec } from './relations';
import type { ObjectContext } from './scope';

export type IngestedKind = 'Component' | 'Resource';
type Spec = NonNullable<Entity['spec']>;

/** Used only when neither an annotation nor the source kind gives a type. */
const FALLBACK_TYPES: Record<SourceRole, string> = {
  workload: 'service',
  claim: CROSSPLANE_TYPES.claim,
  composite: CROSSPLANE_TYPES.composite,
};

export function entityKindFor(role: SourceRole, settings: MappingSettings): IngestedKind {
  const asResource =
    role === 'workload'
      ? settings.components.ingestAsResources
      : settings.crossplane[role === 'claim' ? 'claims' : 'composites'].ingestAsResources;
  return asResource ? 'Resource' : 'Component';
}

/** Everything known about one object before its final name is settled. */
export interface EntityDraft {
  context: ObjectContext;
  kind: IngestedKind;
  namespace: string;
  metadata: SourceMetadata;
  roleAnnotations: Record<string, string>;
}

/** Relations a Resource cannot carry (Backstage's Resource kind has only dependsOn among them). */
function specRelations(kind: IngestedKind, relations: RelationSpec, warn: Warn): Spec {
  if (kind === 'Component') return { ...relations };
  const { dependsOn, ...unsupported } = relations;
  for (const field of Object.keys(unsupported)) {
    warn(`${field} is not supported on a Resource; dropped`);
  }
  return dependsOn ? { dependsOn } : {};
}

/**
 * The entity without relations. Fields are set in a fixed order and absent values are left out (never
 * `undefined`), so `JSON.stringify` of equal input is byte-identical.
 */
export function buildBaseEntity(draft: EntityDraft, name: string, settings: MappingSettings, warn: Warn): Entity {
  const { context, kind, metadata: meta } = draft;
  const { source } = context;
  const type = meta.type ?? (source.defaultType.trim() || FALLBACK_TYPES[source.role]);

  const metadata: Entity['metadata'] = {
    name,
    namespace: draft.namespace,
    title: meta.title ?? context.coordinates.name,
    description: meta.description ?? `${context.label} in cluster ${context.cluster}`,
    annotations: entityAnnotations(context, name, draft.roleAnnotations, settings, warn),
  };
  if (meta.tags.length > 0) metadata.tags = meta.tags;
  if (meta.links.length > 0) metadata.links = meta.links;

  const spec: Spec = { type };
  if (kind === 'Component') spec.lifecycle = meta.lifecycle;
  spec.owner = meta.owner;
  if (meta.system) spec.system = meta.system;

  // Kept as long as the object exists: its strings are stored flat and once (see interned).
  return internEntityStrings({ apiVersion: 'backstage.io/v1alpha1', kind, metadata, spec });
}

const RELATION_FIELDS: ReadonlySet<string> = new Set(RELATION_RULES.map(rule => rule.field));

/**
 * `entity` with `relations` as its spec's relation fields (after the spec's own fields), replacing any it
 * had; the very `entity` when neither has any. Metadata is shared, not copied: an entity's relations are
 * known only once every object of its cluster is named, and building it twice would cost the whole entity.
 */
export function withRelations(entity: Entity, kind: IngestedKind, relations: RelationSpec, warn: Warn): Entity {
  const added = specRelations(kind, relations, warn);
  const spec = entity.spec ?? {};
  const had = Object.keys(spec).some(key => RELATION_FIELDS.has(key));
  if (!had && Object.keys(added).length === 0) return entity;
  const next: Spec = {};
  for (const key of Object.keys(spec)) if (!RELATION_FIELDS.has(key)) next[key] = spec[key];
  internStrings(Object.assign(next, added));
  return { apiVersion: entity.apiVersion, kind: entity.kind, metadata: entity.metadata, spec: next };
}
