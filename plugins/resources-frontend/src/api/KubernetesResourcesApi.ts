import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  NodeDetailsResponse,
  NodeView,
  ResourceTree,
} from '@kube-platform/plugin-kubernetes-common';

/** The response of one node view, narrowed by the view asked for. */
export type NodeViewResponse<V extends NodeView> = Extract<NodeDetailsResponse, { view: V }>;

/**
 * Options of a node view read; `container` and `previous` apply to `logs` only (the backend picks the
 * failing container when `container` is absent).
 *
 * @public
 */
export interface NodeDetailsOptions {
  signal?: AbortSignal;
  container?: string;
  previous?: boolean;
}

/**
 * Reads an entity's resource tree and its nodes' details from the resources backend.
 *
 * @public
 */
export interface KubernetesResourcesApi {
  /** The tree of the entity's root object, with status and summary. */
  getTree(entityRef: string, options?: { signal?: AbortSignal }): Promise<ResourceTree>;
  /** One node's YAML, events or (for pods) logs; the node id must come from the same entity's tree. */
  getNodeDetails<V extends NodeView>(
    entityRef: string,
    nodeId: string,
    view: V,
    options?: NodeDetailsOptions,
  ): Promise<NodeViewResponse<V>>;
}

/**
 * The API reference of {@link KubernetesResourcesApi}.
 *
 * @public
 */
export const kubernetesResourcesApiRef = createApiRef<KubernetesResourcesApi>().with({
  id: 'plugin.kubernetes-resources.client',
  pluginId: 'kubernetes-resources',
});
