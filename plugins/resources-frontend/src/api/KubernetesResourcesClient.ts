import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import {
  RESOURCES_PLUGIN_ID,
  type NodeView,
  type ResourceTree,
} from '@kube-platform/plugin-kubernetes-common';
import type { KubernetesResourcesApi, NodeDetailsOptions, NodeViewResponse } from './KubernetesResourcesApi';
import { errorFromResponse } from './errors';

/**
 * {@link KubernetesResourcesApi} over HTTP: the backend is found through discovery and called with the
 * signed-in user's credentials (fetchApi), so the backend authorises the user, not the plugin.
 *
 * @public
 */
export class KubernetesResourcesClient implements KubernetesResourcesApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getTree(entityRef: string, options?: { signal?: AbortSignal }): Promise<ResourceTree> {
    return this.get<ResourceTree>('/v1/tree', { entityRef }, options?.signal);
  }

  async getNodeDetails<V extends NodeView>(
    entityRef: string,
    nodeId: string,
    view: V,
    options: NodeDetailsOptions = {},
  ): Promise<NodeViewResponse<V>> {
    const query: Record<string, string> = { entityRef, nodeId, view };
    if (view === 'logs') {
      if (options.container) query.container = options.container;
      if (options.previous) query.previous = 'true';
    }
    return this.get<NodeViewResponse<V>>('/v1/node', query, options.signal);
  }

  private async get<T>(path: string, query: Record<string, string>, signal?: AbortSignal): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl(RESOURCES_PLUGIN_ID);
    const url = `${baseUrl}${path}?${new URLSearchParams(query).toString()}`;
    const response = await this.fetchApi.fetch(url, { signal, headers: { accept: 'application/json' } });
    if (!response.ok) {
      throw await errorFromResponse(response);
    }
    return (await response.json()) as T;
  }
}
