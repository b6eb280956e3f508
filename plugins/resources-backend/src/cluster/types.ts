import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { KubeObject } from '@kube-platform/plugin-kubernetes-node';

/**
 * A Kubernetes object as read from a cluster; every field but the `metadata` object the library
 * guarantees is untrusted cluster data. One definition, the shared library's.
 */
export type { KubeObject } from '@kube-platform/plugin-kubernetes-node';

/** A kind as the API server serves it (from discovery): never a plural guessed from the kind. */
export interface ServedKind {
  apiVersion: string;
  kind: string;
  plural: string;
  namespaced: boolean;
}

/** Selectors of a LIST, passed to the API server as they are. */
export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
}

/**
 * Read access to one cluster, as one user, for one tree: the small surface the tree builder needs.
 * Implemented on top of `@kube-platform/plugin-kubernetes-node`; tests may pass an in-memory one.
 */
export interface ClusterReader {
  /** The cluster's configured name. */
  readonly cluster: string;
  /** Plural and scope from discovery; undefined when the cluster does not serve the kind. */
  resolve(apiVersion: string, kind: string): Promise<ServedKind | undefined>;
  /** The object, or undefined when it does not exist (404). Other failures throw. */
  get(kind: ServedKind, namespace: string | undefined, name: string): Promise<KubeObject | undefined>;
  /** Every object of the kind in the namespace (all namespaces when undefined) matching the selectors. */
  list(kind: ServedKind, namespace: string | undefined, options: ListOptions): Promise<KubeObject[]>;
  /** The last lines of a pod container's log (the `pods/log` subresource), current or previous run. */
  logs(pod: ServedKind, namespace: string, name: string, options: LogOptions): Promise<string>;
}

/** Which log of a pod to read. */
export interface LogOptions {
  container: string;
  previous: boolean;
  tailLines: number;
}

/** Who a tree is read for: the caller's Backstage identity, and cluster credentials it sent along. */
export interface Caller {
  credentials: BackstageCredentials;
  /** `Backstage-Kubernetes-Authorization*` headers of the caller's request, forwarded to the proxy only. */
  clusterAuthHeaders?: Record<string, string>;
}

/** Opens a {@link ClusterReader} for a named cluster on behalf of the caller. */
export interface ClusterAccess {
  /** Undefined when no configured (or allowed) cluster has that name. */
  reader(cluster: string, caller: Caller): Promise<ClusterReader | undefined>;
}
