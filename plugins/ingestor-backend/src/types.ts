/** Shapes shared by the ingestor's steps: cluster access → listing → mapping → provider. */

import type { KubeObject, ResourceType } from '@kube-platform/plugin-kubernetes-node';

export type { KubeObject };

/** What role an object plays in the catalog. */
export type SourceRole = 'workload' | 'claim' | 'composite';

/** A kind to list, resolved through API discovery (never guessed), with what mapping needs to know of it. */
export interface SourceKind extends ResourceType {
  role: SourceRole;
  /** The Component/Resource `spec.type` objects of this kind get unless an annotation says otherwise. */
  defaultType: string;
  /** For claims and composites: the XRD that defines the kind. */
  xrdName?: string;
}

export interface NamespaceInfo {
  name: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/** A result as data: a listing either produced a value or failed with a reason, never both. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

/** Everything read from one cluster in one cycle; each kind succeeds or fails on its own. */
export interface ClusterReading {
  cluster: string;
  /** Discovery or namespace listing failed: nothing below is trustworthy for this cluster. */
  error?: string;
  namespaces: NamespaceInfo[];
  /** `resourceVersion`: of the successful list, so a watch can resume exactly where the list ended. */
  kinds: Array<{ source: SourceKind; outcome: Outcome<KubeObject[]>; resourceVersion?: string }>;
  /**
   * Kinds discovery found but that were not listed, because a live watch keeps the snapshot's objects
   * of them current (see {@link ReadOptions.followed}): they keep what they have.
   */
  followed?: SourceKind[];
  /**
   * Kinds of these roles could not even be discovered (say the XRDs may not be listed): which of them
   * exist is unknown, so the snapshot keeps what it had for these roles.
   */
  rolesFailed?: { roles: SourceRole[]; error: string };
  /**
   * The cluster's XRDs, when read: claims and composites consume the API entity the templates provider
   * makes from them. Absent when Crossplane is off or its XRDs could not be read (then unknown).
   */
  xrds?: KubeObject[];
  durationMs: number;
}

/** How a cycle reads its clusters, beyond the settings. */
export interface ReadOptions {
  /**
   * Kinds a live watch already keeps current in the snapshot: the cycle does not list them again (as
   * an informer would not), it only discovers that they still exist.
   */
  followed?: (cluster: string, source: SourceKind) => boolean;
}

/** One object to map, with where it came from. */
export interface ClusterObject {
  cluster: string;
  source: SourceKind;
  object: KubeObject;
}
