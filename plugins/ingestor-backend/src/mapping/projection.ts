import type { KubeObject } from '../types';
import { asRecord } from './guards';
import { interned } from './interned';

/** kubectl's copy of the whole applied object: often the largest field, and never mapped. */
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** The metadata fields mapping and change detection read; labels, managedFields, timestamps and finalizers are not. */
const METADATA_FIELDS = ['name', 'namespace', 'uid', 'resourceVersion', 'annotations', 'ownerReferences'] as const;

/** Longer values are rarely shared by many objects; interning them would only cost time. */
const INTERNED_VALUE_MAX = 256;

/** Strings many objects repeat (apiVersion, kind, namespace, owner annotations) are stored once: see interned. */
function internShort(value: unknown): void {
  if (typeof value === 'string' && value.length <= INTERNED_VALUE_MAX) interned(value);
}

/**
 * The spec fields mapping reads, as paths: a workload's pod selector (a CronJob's job template labels),
 * and Crossplane's references (v1 at `spec`, v2 composites under `spec.crossplane`).
 */
const SPEC_PATHS: ReadonlyArray<readonly string[]> = [
  ['selector', 'matchLabels'],
  ['jobTemplate', 'spec', 'template', 'metadata', 'labels'],
  ['claimRef'],
  ['compositionRef'],
  ['resourceRef'],
  ['crossplane', 'compositionRef'],
];

function copyPath(from: Record<string, unknown>, to: Record<string, unknown>, path: readonly string[]): void {
  const [key, ...rest] = path;
  if (!Object.prototype.hasOwnProperty.call(from, key)) return;
  const value = from[key];
  if (rest.length === 0) {
    to[key] = value;
    return;
  }
  const inner = asRecord(value);
  if (!inner) return;
  const target = (asRecord(to[key]) ?? (to[key] = {})) as Record<string, unknown>;
  copyPath(inner, target, rest);
}

/**
 * The part of an object that mapping reads, applied to every listed and watched object as an informer's
 * transform: the snapshot of a fleet holds each object for as long as it exists, and status, pod
 * templates, labels, managedFields and kubectl's last-applied copy are most of an object's size. Values are kept
 * as they are, however malformed, so mapping reports them exactly as it would on the whole object.
 *
 * A mapping change that reads another field must add it here; the mapping tests run on projected objects.
 */
export function mappedFields(object: KubeObject): KubeObject {
  const metadata = asRecord(asRecord(object)?.metadata);
  if (!metadata) return object;
  const projected: Record<string, unknown> = {};
  for (const field of METADATA_FIELDS) {
    if (Object.prototype.hasOwnProperty.call(metadata, field)) projected[field] = metadata[field];
  }
  const annotations = asRecord(metadata.annotations);
  if (annotations && Object.prototype.hasOwnProperty.call(annotations, LAST_APPLIED)) {
    const { [LAST_APPLIED]: _dropped, ...kept } = annotations;
    projected.annotations = kept;
  }
  if (annotations) for (const key of Object.keys(annotations)) internShort(annotations[key]);
  internShort(metadata.namespace);
  internShort(object.apiVersion);
  internShort(object.kind);
  const result: Record<string, unknown> = {};
  if (Object.prototype.hasOwnProperty.call(object, 'apiVersion')) result.apiVersion = object.apiVersion;
  if (Object.prototype.hasOwnProperty.call(object, 'kind')) result.kind = object.kind;
  result.metadata = projected;
  const spec = asRecord(object.spec);
  if (spec) {
    const kept: Record<string, unknown> = {};
    for (const path of SPEC_PATHS) copyPath(spec, kept, path);
    result.spec = kept;
  }
  return result as unknown as KubeObject;
}
