import { isTrueFlag, SOURCE_ANNOTATION_SUFFIXES } from '../annotations';
import type { MappingSettings } from '../config/types';
import { namespaceScope, outOfScope, type NamespaceScope } from '../namespaceScope';
import type { KubeObject, NamespaceInfo, SourceKind } from '../types';
import { asRecord, asString, clip, UnknownRecord } from './guards';
import type { ObjectCoordinates } from './names';
import type { SkipReason } from './types';

/** Kubernetes' own limit for object and namespace names; anything longer is not a real object. */
const MAX_KUBE_NAME_LENGTH = 253;

/** An object that passed validation and scoping, with everything later steps read from it. */
export interface ObjectContext {
  cluster: string;
  source: SourceKind;
  object: KubeObject;
  coordinates: ObjectCoordinates;
  /** `Deployment team-a/web`: how messages name the object. */
  label: string;
  /** The object's annotations (validated to be a record; values still unchecked). */
  annotations: UnknownRecord;
  /** Its Namespace's annotations; empty for cluster-scoped objects or unknown namespaces. */
  namespaceAnnotations: UnknownRecord;
}

export type Admission =
  | { admitted: true; context: ObjectContext }
  | { admitted: false; label: string; reason: SkipReason; message: string };

export function objectLabel(kind: string, name: string | undefined, namespace: string | undefined): string {
  const shownName = name ? clip(name) : '<unnamed>';
  return namespace === undefined ? `${kind} ${shownName}` : `${kind} ${clip(namespace)}/${shownName}`;
}

// Every object reads the same few keys: each is built once per settings object.
const keysBySettings = new WeakMap<MappingSettings, Map<string, string>>();

export function sourceAnnotationKey(settings: MappingSettings, suffix: string): string {
  let keys = keysBySettings.get(settings);
  if (!keys) {
    keys = new Map();
    keysBySettings.set(settings, keys);
  }
  let key = keys.get(suffix);
  if (key === undefined) {
    key = `${settings.annotationPrefix}/${suffix}`;
    keys.set(suffix, key);
  }
  return key;
}

// Admission runs for every object: the scope is worked out once per settings object.
const scopes = new WeakMap<MappingSettings, NamespaceScope>();
function scopeOf(settings: MappingSettings): NamespaceScope {
  let scope = scopes.get(settings);
  if (!scope) {
    scope = namespaceScope(settings.components);
    scopes.set(settings, scope);
  }
  return scope;
}

/**
 * Decides whether an object is mapped at all: shape first (so later steps can trust names), then role,
 * namespace scope, opt-out and opt-in. Exclusions apply in every mode: opting in never overrides them.
 */
export function admitObject(
  cluster: string,
  source: SourceKind,
  raw: unknown,
  namespaces: ReadonlyMap<string, NamespaceInfo>,
  settings: MappingSettings,
): Admission {
  const metadata = asRecord(asRecord(raw)?.metadata);
  const name = asString(metadata?.name);
  const rawNamespace = source.namespaced ? asString(metadata?.namespace) : undefined;
  const label = objectLabel(source.kind, name, rawNamespace);
  const reject = (reason: SkipReason, message: string): Admission => ({ admitted: false, label, reason, message });

  if (!metadata) return reject('invalid', `${label}: metadata is missing or not an object`);
  if (!name) return reject('invalid', `${label}: metadata.name is missing, empty or not a string`);
  if (name.length > MAX_KUBE_NAME_LENGTH) {
    return reject('invalid', `${label}: metadata.name is longer than ${MAX_KUBE_NAME_LENGTH} characters`);
  }
  if (source.namespaced && (!rawNamespace || rawNamespace.length > MAX_KUBE_NAME_LENGTH)) {
    return reject('invalid', `${label}: metadata.namespace is missing or invalid for a namespaced kind`);
  }
  const annotationsValue = metadata.annotations;
  const annotations = annotationsValue === undefined || annotationsValue === null ? {} : asRecord(annotationsValue);
  if (!annotations) return reject('invalid', `${label}: metadata.annotations is not an object`);

  const enabled = source.role === 'workload' ? settings.components.enabled : settings.crossplane.enabled;
  if (!enabled) return reject('disabled', `${label}: ingestion of ${source.role} objects is disabled`);

  const out = outOfScope(scopeOf(settings), rawNamespace);
  if (out === 'excluded-namespace') return reject(out, `${label}: namespace ${rawNamespace} is excluded`);
  if (out === 'not-included-namespace') return reject(out, `${label}: namespace ${rawNamespace} is not in includedNamespaces`);

  const flags: string[] = [SOURCE_ANNOTATION_SUFFIXES.excludeFromCatalog, SOURCE_ANNOTATION_SUFFIXES.addToCatalog];
  for (const suffix of flags) {
    const key = sourceAnnotationKey(settings, suffix);
    const value = annotations[key];
    // An unreadable opt-in/opt-out flag leaves the owner's intent unknown; not ingesting is the safe side.
    if (value !== undefined && typeof value !== 'string') {
      return reject('invalid', `${label}: annotation ${key} is not a string`);
    }
  }
  const optOutKey = sourceAnnotationKey(settings, SOURCE_ANNOTATION_SUFFIXES.excludeFromCatalog);
  if (isTrueFlag(asString(annotations[optOutKey]))) {
    return reject('opted-out', `${label}: ${optOutKey} is "true"`);
  }
  const optInKey = sourceAnnotationKey(settings, SOURCE_ANNOTATION_SUFFIXES.addToCatalog);
  if (settings.components.onlyIngestAnnotatedResources && !isTrueFlag(asString(annotations[optInKey]))) {
    return reject('not-opted-in', `${label}: only annotated objects are ingested and ${optInKey} is not "true"`);
  }

  const namespaceInfo = rawNamespace === undefined ? undefined : namespaces.get(rawNamespace);
  return {
    admitted: true,
    context: {
      cluster,
      source,
      object: raw as KubeObject,
      coordinates: { cluster, namespace: rawNamespace, name },
      label,
      annotations,
      namespaceAnnotations: asRecord(namespaceInfo?.annotations) ?? {},
    },
  };
}
