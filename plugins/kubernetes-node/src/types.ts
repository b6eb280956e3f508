/**
 * A Kubernetes object as the API server returns it (plain JSON, no client-side model renaming).
 * Every field is untrusted cluster data, except that `metadata` is always an object: the API server
 * always sends one, and {@link withKindFields}, which every list, get and watch passes objects
 * through, puts an empty one on anything else, so readers need no `?.` for it.
 *
 * @public
 */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name?: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    creationTimestamp?: string;
    deletionTimestamp?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: Array<{ apiVersion?: string; kind?: string; name?: string; uid?: string; controller?: boolean }>;
    [key: string]: unknown;
  };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
  [key: string]: unknown;
}

/**
 * A resource type as discovery describes it: everything needed to build its paths. Resolve one with
 * {@link resolveKind}; never spell `plural` from the kind.
 *
 * @public
 */
export interface ResourceType {
  /** API group; '' is the core group. */
  group: string;
  version: string;
  kind: string;
  /** The plural from discovery: the path segment. */
  plural: string;
  namespaced: boolean;
}
