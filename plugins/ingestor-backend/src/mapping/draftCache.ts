import type { Entity } from '@backstage/catalog-model';
import type { MappingSettings } from '../config/types';
import type { DefinitionApiNames } from '../templates/apiNames';
import type { ClusterObject, NamespaceInfo } from '../types';
import { asRecord, asString, pathOf } from './guards';
import type { MappingSkip, MappingWarning } from './types';

/**
 * The entity last built from a record, with what it was built from beyond the record itself: a later
 * mapping that settles on the same name and relations reuses it (and replays its warnings).
 */
export interface BuiltEntity {
  name: string;
  /** The resolved relations, serialised; '' when the object names no relation targets. */
  relations: string;
  entity: Entity;
  /** Warnings of building the entity without relations; adding other relations keeps them. */
  baseWarnings: MappingWarning[];
  /** Every warning of building it: the base's, then the relations'. */
  warnings: MappingWarning[];
}

/** What drafting one object produced: its candidate (if admitted) and the reports drafting raised. */
export interface DraftRecord<C> {
  candidate: C | undefined;
  skips: MappingSkip[];
  warnings: MappingWarning[];
  built?: BuiltEntity;
}

interface Entry<C> {
  version: string;
  namespace: string;
  record: DraftRecord<C>;
}

/**
 * Every cluster's cache compares the fleet's API names (thousands of entries in a large fleet, one map
 * per sync); serialised once per map, one string is shared instead of one copy per cluster.
 */
const apiNamesKeys = new WeakMap<DefinitionApiNames, string>();

function apiNamesKey(apiNames: DefinitionApiNames): string {
  let key = apiNamesKeys.get(apiNames);
  if (key === undefined) {
    key = JSON.stringify([...apiNames]);
    apiNamesKeys.set(apiNames, key);
  }
  return key;
}

/**
 * The per-object drafts of one cluster's last mapping, so an object whose uid and resourceVersion did
 * not change (and whose Namespace, the settings, the Crossplane kinds and the API names did not either)
 * is not read again. Only the per-object step is cached: names, collisions and relations are decided
 * across objects and always run on the full set.
 */
export class DraftCache<C> {
  private context: { settings: MappingSettings; kinds: string; apiNames: string } | undefined;
  /** By kind (cluster, role, group, kind), then uid: no key string is made per object. */
  private entries = new Map<string, Map<string, Entry<C>>>();
  private next = new Map<string, Map<string, Entry<C>>>();
  /** Each listed kind's key, by its SourceKind object (shared by all its objects). */
  private kindKeys = new WeakMap<object, { cluster: string; key: string }>();
  private namespaceKeys = new Map<string, string>();
  /** Objects drafted (not reused) since the cache was made; tests read it to prove reuse. */
  drafted = 0;
  /** Entities built (not reused) since the cache was made; tests read it to prove reuse. */
  built = 0;

  /** Starts one mapping; anything the drafts read that is shared by every object invalidates them all. */
  begin(settings: MappingSettings, crossplaneKinds: ReadonlySet<string>, apiNames: DefinitionApiNames, namespaces: ReadonlyMap<string, NamespaceInfo>): void {
    const context = { settings, kinds: JSON.stringify([...crossplaneKinds].sort()), apiNames: apiNamesKey(apiNames) };
    const previous = this.context;
    if (!previous || previous.settings !== settings || previous.kinds !== context.kinds || previous.apiNames !== context.apiNames) {
      this.entries = new Map();
    }
    this.context = context;
    this.next = new Map();
    this.namespaceKeys = new Map([...namespaces].map(([name, info]) => [name, JSON.stringify(info)]));
  }

  /** The record of `item`, reused when still valid, otherwise made by `draft`. */
  lookup(item: ClusterObject, draft: () => DraftRecord<C>): DraftRecord<C> {
    const uid = asString(pathOf(item, 'object', 'metadata', 'uid'));
    const resourceVersion = asString(pathOf(item, 'object', 'metadata', 'resourceVersion'));
    if (uid === undefined || resourceVersion === undefined) {
      this.drafted++;
      return draft();
    }
    const kind = this.kindKeyOf(item);
    const rawNamespace = asString(pathOf(item, 'object', 'metadata', 'namespace'));
    const namespace = rawNamespace === undefined ? '' : (this.namespaceKeys.get(rawNamespace) ?? '-');
    let seen = this.next.get(kind);
    if (!seen) {
      seen = new Map();
      this.next.set(kind, seen);
    }
    const cached = this.entries.get(kind)?.get(uid);
    // Listed twice in one mapping (a broken server): the second copy is drafted on its own, not cached.
    const duplicate = seen.has(uid);
    if (cached && cached.version === resourceVersion && cached.namespace === namespace && !duplicate) {
      seen.set(uid, cached);
      return cached.record;
    }
    this.drafted++;
    const record = draft();
    if (!duplicate) seen.set(uid, { version: resourceVersion, namespace, record });
    return record;
  }

  private kindKeyOf(item: ClusterObject): string {
    const cluster = String(pathOf(item, 'cluster'));
    const source = asRecord(pathOf(item, 'source'));
    const known = source ? this.kindKeys.get(source) : undefined;
    if (known && known.cluster === cluster) return known.key;
    const key = JSON.stringify([cluster, source?.role, source?.group, source?.kind]);
    if (source) this.kindKeys.set(source, { cluster, key });
    return key;
  }

  /** Ends one mapping: objects not seen in it are forgotten. */
  end(): void {
    this.entries = this.next;
    this.next = new Map();
  }
}
