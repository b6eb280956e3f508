import type { NodeRole } from '@kube-platform/plugin-kubernetes-common';
import type { ClusterReader, KubeObject, ServedKind } from '../../cluster/types';
import type { ObjectRef } from '../refs';

/** A reference the builder still has to read (GET), and may find missing. */
export interface FoundRef {
  type: 'ref';
  ref: ObjectRef;
  relation: string;
  role: Exclude<NodeRole, 'root'>;
  /**
   * A label selector the object is expected to match (Crossplane labels composed resources with their
   * composite), so many siblings can be read with one LIST narrowed to them instead of every object of
   * the kind. Only a hint: a sibling the narrowed LIST does not return is still read by name.
   */
  siblingSelector?: string;
}

/** An object already read (by one LIST for many children), so the builder needs no GET. */
export interface FoundObject {
  type: 'object';
  object: KubeObject;
  kind: ServedKind;
  relation: string;
  role: Exclude<NodeRole, 'root'>;
}

/**
 * An object that lives outside the cluster we read (the remote object a provider-kubernetes Object
 * manages), known only through its parent's status; `object` is absent when the provider has not
 * observed it.
 */
export interface FoundRemote {
  type: 'remote';
  ref: ObjectRef;
  object?: KubeObject;
  relation: string;
}

export type Found = FoundRef | FoundObject | FoundRemote;

/**
 * One kind family's rule for finding an object's children (Crossplane references, provider-kubernetes
 * manifests, workload ownership). Families only read what their own objects point at.
 */
export type Family = (obj: KubeObject, kind: ServedKind, reader: ClusterReader) => Promise<Found[]>;
