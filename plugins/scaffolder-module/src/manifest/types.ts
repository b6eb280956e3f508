import { JsonObject, JsonValue } from '@backstage/types';

/**
 * The subset of a Kubernetes structural (OpenAPI v3) schema that rendering reads. Other keywords
 * pass through untouched to ajv.
 *
 * @public
 */
export interface KubeSchema {
  type?: string | string[];
  properties?: Record<string, KubeSchema>;
  additionalProperties?: boolean | KubeSchema;
  items?: KubeSchema | KubeSchema[];
  required?: string[];
  default?: JsonValue;
  oneOf?: KubeSchema[];
  anyOf?: KubeSchema[];
  allOf?: KubeSchema[];
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
  /** Key order for the written YAML, like `ui:order` (`*` stands for the remaining keys). */
  'x-ui-order'?: string[];
  [keyword: string]: unknown;
}

/** Scope of the resource: namespaced objects get a namespace, cluster-scoped ones must not. */
export type ResourceScope = 'Namespaced' | 'Cluster';

/** How files are laid out in the GitOps repository (the shared contract's type). */
export type { ManifestLayout } from '@kube-platform/plugin-kubernetes-common';

/** A problem with one field, reported together with all the others. */
export interface FieldError {
  /** Dotted field path, e.g. `spec.parameters.size` or `spec.items[2]`. */
  path: string;
  message: string;
}

/** What one manifest is built from. */
export interface ManifestRequest {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  scope: ResourceScope;
  spec?: JsonObject;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  schema: KubeSchema;
  keepDefaults: boolean;
}

/** A Kubernetes object as written: key order already fixed. */
export type Manifest = JsonObject & {
  apiVersion: string;
  kind: string;
  metadata: JsonObject;
};
