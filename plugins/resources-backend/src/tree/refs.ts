import { createHash } from 'node:crypto';
import type { KubeObject, ServedKind } from '../cluster/types';

/** A reference to one object, as found in a parent's spec or built from an entity's annotations. */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  /** Absent for cluster-scoped objects, and in references that leave it to the parent's namespace. */
  namespace?: string;
  name: string;
}

/** The API group of an apiVersion (`''` for the core group). */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/**
 * The opaque node id of an object: stable across refreshes and API versions (the group, not the
 * version, goes in), and meaningless outside the tree that issued it, since ids are only ever looked up
 * in the caller's own tree.
 */
export function nodeIdOf(ref: ObjectRef, qualifier = ''): string {
  const key = [qualifier, groupOf(ref.apiVersion), ref.kind, ref.namespace ?? '', ref.name].join('\u0000');
  return `n${createHash('sha256').update(key).digest('base64url').slice(0, 22)}`;
}

/** The namespace an object of `kind` referenced from `parentNamespace` lives in: none when cluster-scoped. */
export function scopedNamespace(kind: ServedKind, refNamespace: string | undefined, parentNamespace: string | undefined): string | undefined {
  if (!kind.namespaced) return undefined;
  return refNamespace || parentNamespace;
}

/** Reads a `{ apiVersion, kind, name, namespace? }` reference from cluster data; undefined when malformed. */
export function readRef(value: unknown): ObjectRef | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { apiVersion, kind, name, namespace } = value as Record<string, unknown>;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || typeof name !== 'string') return undefined;
  if (!apiVersion || !kind || !name) return undefined;
  return { apiVersion, kind, name, ...(typeof namespace === 'string' && namespace ? { namespace } : {}) };
}

/** The reference of an object read from a cluster, with the kind it was read as. */
export function refOfObject(obj: KubeObject, kind: ServedKind): ObjectRef {
  return {
    apiVersion: kind.apiVersion,
    kind: kind.kind,
    name: obj.metadata?.name ?? '',
    ...(obj.metadata?.namespace ? { namespace: obj.metadata.namespace } : {}),
  };
}
