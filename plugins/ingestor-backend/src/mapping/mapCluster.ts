import type { Entity } from '@backstage/catalog-model';
import type { MappingSettings } from '../config/types';
import type { DefinitionApiNames } from '../templates/apiNames';
import type { ClusterObject, NamespaceInfo } from '../types';
import { composedByParent, crossplaneAnnotations, crossplaneKindKeys } from './crossplane';
import { Candidate, coordinatesOf, type KeptDraft } from './candidate';
import { resolveNames } from './dedupe';
import { DraftCache, type BuiltEntity, type DraftRecord } from './draftCache';
import { buildBaseEntity, EntityDraft, entityKindFor, withRelations, type IngestedKind } from './entity';
import { interned } from './interned';
import { asRecord, asString, clip, compareTuples, pathOf } from './guards';
import { readSourceMetadata } from './metadata';
import { entityNameFor, entityNamespaceFor, toDnsLabel, type ObjectCoordinates } from './names';
import { withDefinitionApi } from './definitionApi';
import { readRelations, RelationSpec, resolveRelations } from './relations';
import { admitObject, objectLabel } from './scope';
import type { MappingResult, MappingSkip, MappingWarning } from './types';
import { workloadAnnotations } from './workload';

export function compareEntities(a: Entity, b: Entity): number {
  return compareTuples(
    [a.kind, a.metadata.namespace ?? 'default', a.metadata.name],
    [b.kind, b.metadata.namespace ?? 'default', b.metadata.name],
  );
}

/** Report lists sorted by object; the sort is stable, so one object's messages keep their order. */
export function sortReports<T extends { cluster: string; object: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => compareTuples([a.cluster, a.object], [b.cluster, b.object]));
}

/** A label for an item that could not even be admitted; every step is guarded. */
function labelOf(item: unknown): string {
  const kind = asString(pathOf(item, 'source', 'kind')) ?? 'object';
  const metadata = pathOf(item, 'object', 'metadata');
  return objectLabel(kind, asString(pathOf(metadata, 'name')), asString(pathOf(metadata, 'namespace')));
}

/** What drafting an object reads besides the object: the same for every object of one mapping. */
interface Drafting {
  cluster: string;
  namespaces: ReadonlyMap<string, NamespaceInfo>;
  crossplaneKinds: ReadonlySet<string>;
  settings: MappingSettings;
  apiNames: DefinitionApiNames;
}

interface Drafted {
  draft: EntityDraft;
  kept: KeptDraft;
}

function draftObject(
  item: ClusterObject,
  drafting: Drafting,
  report: { skip: (skip: MappingSkip) => void; warn: (warning: MappingWarning) => void },
): Drafted | undefined {
  const { cluster, namespaces, crossplaneKinds, settings, apiNames } = drafting;
  const { source } = item;
  if (item.cluster !== cluster) {
    const label = labelOf(item);
    report.skip({ cluster, object: label, reason: 'invalid', message: `${label}: listed for cluster ${clip(String(item.cluster))}` });
    return undefined;
  }
  const admission = admitObject(cluster, source, item.object, namespaces, settings);
  if (!admission.admitted) {
    report.skip({ cluster, object: admission.label, reason: admission.reason, message: admission.message });
    return undefined;
  }
  const { context } = admission;
  const parent = composedByParent(source, context.object, crossplaneKinds);
  if (parent) {
    report.skip({ cluster, object: context.label, reason: 'composed-by-parent', message: `${context.label}: ${parent}` });
    return undefined;
  }

  // Drafting's warnings are recorded with the draft; building the entity reports its own (see reuseOrBuild).
  const warn = (message: string) => report.warn({ cluster, object: context.label, message });
  const namespace = entityNamespaceFor(settings.mappings.namespaceModel, context.coordinates);
  const metadata = readSourceMetadata(context, settings, namespace, warn);
  const kind = entityKindFor(source.role, settings);
  const roleAnnotations =
    source.role === 'workload'
      ? workloadAnnotations(source.kind, context.object)
      : crossplaneAnnotations(source, context.object, context.coordinates.name, context.coordinates.namespace);
  const draft: EntityDraft = { context, kind, namespace, metadata, roleAnnotations };
  const relations = withDefinitionApi(readRelations(context, settings, namespace, warn), { cluster, source, entityKind: kind, settings, apiNames });
  const name = interned(metadata.nameOverride ?? entityNameFor(settings.mappings.nameModel, context.coordinates));
  return { draft, kept: { kind, namespace, name, override: metadata.nameOverride !== undefined, relations } };
}

type ObjectTarget = { objectName: string; objectNamespace?: string };

/**
 * Resolves relation targets that name Kubernetes objects to the entity each object actually became
 * (kind, name override, collision suffix), or, for objects not mapped here, to the ref the models would
 * give them. Among same-named objects of several kinds the rank order picks, so the choice is fixed.
 */
function objectRefResolver(cluster: string, candidates: Candidate[], names: string[], settings: MappingSettings) {
  const objectKey = (namespace: string | undefined, name: string) => JSON.stringify([namespace ?? null, name]);
  // Only objects some candidate names as a target are indexed: most objects are nobody's target, and the
  // index lives until the cluster is mapped (long enough to be promoted, then garbage).
  const wanted = new Set<string>();
  for (const c of candidates) {
    if (!hasRelations(c.kept)) continue;
    for (const list of Object.values(c.kept.relations)) {
      for (const t of list ?? []) if (!('ref' in t)) wanted.add(objectKey(t.objectNamespace ?? c.coordinates.namespace, t.objectName));
    }
  }
  const byObject = new Map<string, string>();
  const ranked = wanted.size === 0 ? [] : candidates.map((c, i) => ({ c, i })).sort((x, y) => compareTuples(x.c.rank, y.c.rank));
  for (const { c, i } of ranked) {
    const key = objectKey(c.coordinates.namespace, c.coordinates.name);
    if (wanted.has(key) && !byObject.has(key)) byObject.set(key, `${c.kept.kind.toLowerCase()}:${c.kept.namespace}/${names[i]}`);
  }
  const { namespaceModel, nameModel } = settings.mappings;
  return (from: ObjectCoordinates, target: ObjectTarget, objectKind: string): string => {
    const coordinates = { cluster, namespace: target.objectNamespace ?? from.namespace, name: target.objectName };
    // API entities are never made from objects here: only the name models apply to them.
    const known = objectKind === 'api' ? undefined : byObject.get(objectKey(coordinates.namespace, coordinates.name));
    return known ?? `${objectKind}:${entityNamespaceFor(namespaceModel, coordinates)}/${entityNameFor(nameModel, coordinates)}`;
  };
}

/**
 * Sanitising and shortening are deterministic and the original stays in the source annotations, but
 * an operator looking for an object by name should be told where it went.
 */
function reportRenames(cluster: string, candidates: Candidate[], names: string[], settings: MappingSettings, warn: (w: MappingWarning) => void): void {
  const clusterLabel = toDnsLabel(cluster);
  if (clusterLabel !== cluster) {
    warn({ cluster, object: `cluster ${cluster}`, message: `cluster name is not a valid catalog name; its entities use "${clusterLabel}"` });
  }
  candidates.forEach((candidate, i) => {
    const { name, namespace } = candidate.coordinates;
    const withNamespace = settings.mappings.nameModel.startsWith('name-namespace') && namespace !== undefined;
    const parts = withNamespace ? [name, namespace] : [name];
    const plain = [...parts, ...(settings.mappings.nameModel.endsWith('cluster') ? [clusterLabel] : [])].join('.');
    const expected = candidate.kept.override ? candidate.kept.name : plain;
    if (names[i] !== expected) {
      warn({ cluster, object: candidate.label, message: `entity name "${clip(expected)}" is invalid, too long or taken by another object; emitted as "${names[i]}"` });
    }
  });
}

/** What drafting one object reported. */
class DraftReports {
  readonly skips: MappingSkip[] = [];
  readonly warnings: MappingWarning[] = [];
  skip(skip: MappingSkip): void {
    this.skips.push(skip);
  }
  warn(warning: MappingWarning): void {
    this.warnings.push(warning);
  }
}

// Frozen: a push into it would be a bug, and throws.
const NO_REPORTS = Object.freeze([]) as never[];

/** Drafts one object, recording its reports so a later mapping can replay them. Never throws. */
function recordDraft(
  item: ClusterObject,
  drafting: Drafting,
): { record: DraftRecord<KeptDraft>; draft?: EntityDraft } {
  const reports = new DraftReports();
  let drafted: Drafted | undefined;
  try {
    drafted = draftObject(item, drafting, reports);
  } catch (error) {
    const label = labelOf(item);
    reports.skip({ cluster: drafting.cluster, object: label, reason: 'invalid', message: `${label}: could not be mapped: ${clip(String(error))}` });
  }
  // Records live as long as their object: the usual empty report lists are one shared array.
  const { skips, warnings } = reports;
  const record = { candidate: drafted?.kept, skips: skips.length > 0 ? skips : NO_REPORTS, warnings: warnings.length > 0 ? warnings : NO_REPORTS };
  return { record, draft: drafted?.draft };
}

/**
 * The draft of a candidate whose record was reused: drafted again (its reports were recorded the first
 * time and replayed by this mapping, so they are dropped here). Same object, same inputs: same draft.
 */
function draftAgain(candidate: Candidate, drafting: Drafting): EntityDraft {
  const draft = draftObject(candidate.item, drafting, new DraftReports())?.draft;
  if (!draft) throw new Error(`${candidate.label} was admitted before and is not now`);
  return draft;
}

function hasRelations(kept: KeptDraft): boolean {
  return Object.keys(kept.relations).length > 0;
}

/** Warnings of one object, captured for replay; none is the one shared empty list. */
function captured(cluster: string, label: string): { warn: (message: string) => void; list: () => MappingWarning[] } {
  const warnings: MappingWarning[] = [];
  return { warn: message => warnings.push({ cluster, object: label, message }), list: () => (warnings.length > 0 ? warnings : NO_REPORTS) };
}

/** Keeps `base` (an entity of this name) with `relations` added, and the warnings of both steps. */
function keepBuilt(record: DraftRecord<KeptDraft>, name: string, base: Entity, baseWarnings: MappingWarning[], added: { kind: IngestedKind; relations: RelationSpec; key: string }, label: string, cluster: string): BuiltEntity {
  const relationWarnings = captured(cluster, label);
  const entity = withRelations(base, added.kind, added.relations, relationWarnings.warn);
  const more = relationWarnings.list();
  const warnings = more.length > 0 ? [...baseWarnings, ...more] : baseWarnings;
  record.built = { name, relations: interned(added.key), entity, baseWarnings, warnings };
  return record.built;
}

/** Builds the record's entity from `draft` and keeps it, with the warnings building raised. */
function buildInto(record: DraftRecord<KeptDraft>, draft: EntityDraft, name: string, relations: RelationSpec, relationsKey: string, drafting: Drafting, cache: ClusterDraftCache): BuiltEntity {
  const { label } = draft.context;
  const baseWarnings = captured(drafting.cluster, label);
  const base = buildBaseEntity(draft, name, drafting.settings, baseWarnings.warn);
  cache.built++;
  return keepBuilt(record, name, base, baseWarnings.list(), { kind: draft.kind, relations, key: relationsKey }, label, drafting.cluster);
}

/**
 * The record's entity: the one built before when the name and the resolved relations are the same
 * (everything else it is built from is the object itself); the one built before with the new relations
 * when only they changed; otherwise built anew from the object drafted again. Its warnings are reported.
 */
function reuseOrBuild(
  record: DraftRecord<KeptDraft>,
  candidate: Candidate,
  name: string,
  relations: RelationSpec,
  drafting: Drafting,
  cache: ClusterDraftCache,
  warn: (w: MappingWarning) => void,
): Entity {
  // Most objects name no relation targets: their relations cannot differ, no need to serialise them.
  const relationsKey = hasRelations(candidate.kept) ? JSON.stringify(relations) : '';
  const previous = record.built;
  let built: BuiltEntity;
  if (previous && previous.name === name && previous.relations === relationsKey) built = previous;
  else if (previous && previous.name === name) {
    built = keepBuilt(record, name, previous.entity, previous.baseWarnings, { kind: candidate.kept.kind, relations, key: relationsKey }, candidate.label, drafting.cluster);
  } else built = buildInto(record, draftAgain(candidate, drafting), name, relations, relationsKey, drafting, cache);
  for (const w of built.warnings) warn(w);
  return built.entity;
}

/** Per-object drafts kept between mappings of one cluster; see {@link mapClusterObjects}. */
export type ClusterDraftCache = DraftCache<KeptDraft>;

/** A cache for {@link mapClusterObjects}: one per cluster, kept for as long as the cluster is mapped. */
export function createDraftCache(): ClusterDraftCache {
  return new DraftCache<KeptDraft>();
}

/**
 * Maps the objects of one cluster. Pure: the provider calls it per cluster (with its last good objects of
 * each kind) and merges; `mapReadings` calls it for every reading. Never throws: an object that cannot be
 * mapped is reported in `skipped`.
 */
export function mapClusterObjects(
  cluster: string,
  objects: ClusterObject[],
  namespaces: NamespaceInfo[],
  settings: MappingSettings,
  /** Names of the API entities claims and composites consume ({@link definitionApiNames}). */
  apiNames: DefinitionApiNames = new Map(),
  /** This cluster's drafts from its last mapping: unchanged objects are not read again. */
  cache: ClusterDraftCache = createDraftCache(),
): MappingResult {
  const skipped: MappingSkip[] = [];
  const warnings: MappingWarning[] = [];
  const report = { skip: (s: MappingSkip) => skipped.push(s), warn: (w: MappingWarning) => warnings.push(w) };
  const namespaceMap = new Map(namespaces.filter(ns => asRecord(ns)).map(ns => [ns.name, ns] as const));
  const crossplaneKinds = crossplaneKindKeys(objects);
  const drafting: Drafting = { cluster, namespaces: namespaceMap, crossplaneKinds, settings, apiNames };

  const candidates: Candidate[] = [];
  const records: DraftRecord<KeptDraft>[] = [];
  cache.begin(settings, crossplaneKinds, apiNames, namespaceMap);
  for (const item of objects) {
    const record = cache.lookup(item, () => {
      const { record: made, draft } = recordDraft(item, drafting);
      // Nearly every object keeps the name it claims: its entity (without relations, which need every
      // object's name) is built now, so the draft is garbage before the next object's. (Drafts held to the
      // end of a cluster outlive the young generation; a fleet's worth grew the heap by hundreds of
      // megabytes.) Relations are added below; a loser of its name is drafted again and rebuilt.
      if (draft && made.candidate) buildInto(made, draft, made.candidate.name, {}, '', drafting, cache);
      return made;
    });
    for (const skip of record.skips) skipped.push(skip);
    for (const warning of record.warnings) warnings.push(warning);
    if (record.candidate) {
      candidates.push(new Candidate(item, record.candidate, coordinatesOf(cluster, item), settings));
      records.push(record);
    }
  }
  cache.end();

  const names = resolveNames(candidates);
  reportRenames(cluster, candidates, names, settings, report.warn);
  const resolver = objectRefResolver(cluster, candidates, names, settings);
  const entities = candidates.map((candidate, index) => {
    // Most objects name no relation targets: nothing to resolve.
    const relations = hasRelations(candidate.kept)
      ? resolveRelations(candidate.kept.relations, (target: ObjectTarget, objectKind: string) => resolver(candidate.coordinates, target, objectKind))
      : {};
    return reuseOrBuild(records[index], candidate, names[index], relations, drafting, cache, report.warn);
  });

  return {
    entities: entities.sort(compareEntities),
    skipped: sortReports(skipped),
    warnings: sortReports(warnings),
  };
}
