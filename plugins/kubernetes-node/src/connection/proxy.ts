import * as http from 'node:http';
import * as https from 'node:https';
import type { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import type { ClusterConnection } from './connection';
import { createHttpConnection } from './httpConnection';
import { isAllowedCluster } from './allowedClusters';

/** The header the kubernetes-backend proxy reads to pick the cluster. */
export const CLUSTER_HEADER = 'Backstage-Kubernetes-Cluster';

/** What {@link proxyConnections} needs. */
export interface ProxyConnectionOptions {
  discovery: DiscoveryService;
  auth: AuthService;
  allowedClusterNames?: string[];
  signal?: AbortSignal;
  /** Budget for the `/clusters` request. */
  timeoutMs?: number;
}

/** The shape of the kubernetes-backend's `GET /clusters` answer (fields this module reads). */
interface ClustersResponse {
  items?: Array<{ name?: string }>;
}

/**
 * One connection per cluster the Backstage kubernetes-backend knows, each going through its `/proxy`
 * route, so every cluster locator and auth strategy configured under `kubernetes:` is reused as is.
 */
export async function proxyConnections(options: ProxyConnectionOptions): Promise<ClusterConnection[]> {
  const base = (await options.discovery.getBaseUrl('kubernetes')).replace(/\/+$/, '');
  const token = async () => {
    const { token: value } = await options.auth.getPluginRequestToken({
      onBehalfOf: await options.auth.getOwnServiceCredentials(),
      targetPluginId: 'kubernetes',
    });
    return value;
  };
  const agentFor = () => (base.startsWith('https:') ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true }));

  const backendAgent = agentFor();
  const backend = createHttpConnection({
    name: 'kubernetes-backend',
    baseUrl: base,
    requestOptions: async () => ({ headers: { Authorization: `Bearer ${await token()}` }, agent: backendAgent }),
  });
  const response = await backend.getJson<ClustersResponse>('/clusters', {}, { signal: options.signal, timeoutMs: options.timeoutMs });
  const names = (response.items ?? []).map(i => i.name).filter((n): n is string => typeof n === 'string' && n !== '');
  return names
    .filter(name => isAllowedCluster(name, options.allowedClusterNames))
    .map(name => {
      const agent = agentFor();
      return createHttpConnection({
        name,
        baseUrl: `${base}/proxy`,
        requestOptions: async () => ({ headers: { Authorization: `Bearer ${await token()}`, [CLUSTER_HEADER]: name }, agent }),
      });
    });
}
