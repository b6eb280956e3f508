import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  KubernetesValidatorFunctions,
} from '@backstage/catalog-model';
import { ingestedEntityLocation } from '@kube-platform/plugin-kubernetes-common';
import { BACKSTAGE_KUBERNETES_ANNOTATIONS, ENTITY_ANNOTATIONS } from '../annotations';
import type { MappingSettings } from '../config/types';
import { asString, compareStrings } from './guards';
import type { Warn } from './metadata';
import type { ObjectContext } from './scope';
import { stripUnsafeCharacters } from './text';

/** Copied values above this are dropped: entities are stored and sent to every browser. */
export const MAX_COPIED_VALUE_BYTES = 4 * 1024;

/** Never copied, whatever the configuration: a full copy of the object, timestamps and all. */
const NEVER_COPIED = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

/**
 * `<type>:<target>` as `parseLocationRef` expects; the original cluster name keeps it traceable. The
 * resources backend trusts an entity's object annotations only with this location, so it has one home.
 */
export const clusterLocation = ingestedEntityLocation;

function apiVersionOf(context: ObjectContext): string {
  const { source, object } = context;
  return asString(object.apiVersion) ?? (source.group ? `${source.group}/${source.version}` : source.version);
}

/**
 * The keys every entity gets, read once: an imported binding can compile to a getter (through a
 * re-export, two), and entityAnnotations runs for every entity.
 */
const KEYS = {
  location: ANNOTATION_LOCATION,
  originLocation: ANNOTATION_ORIGIN_LOCATION,
  cluster: ENTITY_ANNOTATIONS.cluster,
  apiVersion: ENTITY_ANNOTATIONS.apiVersion,
  kind: ENTITY_ANNOTATIONS.kind,
  name: ENTITY_ANNOTATIONS.name,
  namespace: ENTITY_ANNOTATIONS.namespace,
  id: BACKSTAGE_KUBERNETES_ANNOTATIONS.id,
  kubernetesCluster: BACKSTAGE_KUBERNETES_ANNOTATIONS.cluster,
  kubernetesNamespace: BACKSTAGE_KUBERNETES_ANNOTATIONS.namespace,
} as const;

/** Source annotations whose key is listed or prefixed in `copyAnnotations`; nothing else. */
function copiedAnnotations(context: ObjectContext, settings: MappingSettings, warn: Warn): Record<string, string> {
  const { keys, prefixes } = settings.copyAnnotations;
  const copied: Record<string, string> = {};
  // Usually only a few keys are configured and the object has none of them: nothing to walk.
  if (prefixes.length === 0 && !keys.some(key => Object.prototype.hasOwnProperty.call(context.annotations, key))) return copied;
  for (const [key, value] of Object.entries(context.annotations)) {
    if (NEVER_COPIED.has(key)) continue;
    if (!keys.includes(key) && !prefixes.some(prefix => key.startsWith(prefix))) continue;
    if (!KubernetesValidatorFunctions.isValidAnnotationKey(key)) {
      warn(`annotation ${key} is not a valid entity annotation key; not copied`);
    } else if (typeof value !== 'string') {
      warn(`annotation ${key} is not a string; not copied`);
    } else if (Buffer.byteLength(value, 'utf8') > MAX_COPIED_VALUE_BYTES) {
      warn(`annotation ${key} is larger than ${MAX_COPIED_VALUE_BYTES} bytes; not copied`);
    } else {
      const { text, changed } = stripUnsafeCharacters(value);
      if (changed) warn(`annotation ${key} contains control or bidirectional-override characters; they were removed`);
      copied[key] = text;
    }
  }
  return copied;
}

/**
 * Copied annotations under the ingestor's own (which win). The catalog's search index is case-insensitive and
 * refuses an entity whose keys differ only in letter case, so such a copied key is left out, with a warning:
 * `team.io/Owner` beside `team.io/owner` would otherwise lose the whole entity.
 */
function addCopied(all: Map<string, string>, copied: Record<string, string>, warn: Warn): void {
  const taken = new Set([...all.keys()].map(k => k.toLowerCase()));
  for (const key of Object.keys(copied).sort(compareStrings)) {
    if (all.has(key)) continue;
    const lower = key.toLowerCase();
    if (taken.has(lower)) {
      warn(`annotation ${key} differs from another key only in letter case, which the catalog cannot store; not copied`);
      continue;
    }
    taken.add(lower);
    all.set(key, copied[key]);
  }
}

/**
 * All entity annotations, keys sorted so equal input gives byte-identical JSON. The ingestor's own keys
 * win over copied ones: readers rely on them.
 */
export function entityAnnotations(
  context: ObjectContext,
  entityName: string,
  roleAnnotations: Record<string, string>,
  settings: MappingSettings,
  warn: Warn,
): Record<string, string> {
  const { cluster, namespace, name } = context.coordinates;
  // Collected in a Map (a later set wins: own < role < namespace; copied ones only where free) and turned into one object
  // with sorted keys: this runs for every entity, and objects with such keys are slow to build up.
  const all = new Map<string, string>();
  const { keys, prefixes } = settings.copyAnnotations;
  const copied = keys.length > 0 || prefixes.length > 0 ? copiedAnnotations(context, settings, warn) : undefined;
  const location = clusterLocation(cluster);
  all.set(KEYS.location, location);
  all.set(KEYS.originLocation, location);
  all.set(KEYS.cluster, cluster);
  all.set(KEYS.apiVersion, apiVersionOf(context));
  all.set(KEYS.kind, context.source.kind);
  all.set(KEYS.name, name);
  all.set(KEYS.id, entityName);
  all.set(KEYS.kubernetesCluster, cluster);
  for (const key of Object.keys(roleAnnotations)) all.set(key, roleAnnotations[key]);
  if (namespace !== undefined) {
    all.set(KEYS.namespace, namespace);
    all.set(KEYS.kubernetesNamespace, namespace);
  }
  if (copied) addCopied(all, copied, warn);
  const sorted: Record<string, string> = {};
  for (const key of [...all.keys()].sort(compareStrings)) sorted[key] = all.get(key)!;
  return sorted;
}
