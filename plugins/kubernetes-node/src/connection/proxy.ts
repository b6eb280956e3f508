import * as http from 'node:http';
import * as https from 'node:https';
import type { AuthService, BackstageCredentials, DiscoveryService } from '@backstage/backend-plugin-api';
import type { ClusterConnection } from './ClusterConnection';
import { createHttpConnection } from './httpConnection';
import { isAllowedCluster } from './allowedClusters';
import type { RequestOptions } from './ClusterConnection';

/**
 * The header the kubernetes-backend proxy reads to pick the cluster.
 *
 * @public
 */
export const CLUSTER_HEADER = 'Backstage-Kubernetes-Cluster';

/**
 * The header (and, with a `-<framework>[-<provider>]` suffix, the header family) the kubernetes-backend
 * proxy reads for the caller's own cluster credentials, such as an OIDC token.
 *
 * @public
 */
export const CLUSTER_AUTH_HEADER = 'Backstage-Kubernetes-Authorization';

/**
 * Auth providers of the kubernetes-backend whose cluster token comes from the signed-in user's browser
 * session. A background task has no such user, so it cannot read these clusters through the proxy.
 *
 * @public
 */
export const USER_TOKEN_AUTH_PROVIDERS: readonly string[] = ['oidc', 'google', 'aks'];

/**
 * One cluster as the kubernetes-backend's `GET /clusters` reports it.
 *
 * @public
 */
export interface ProxyCluster {
  name: string;
  title?: string;
  /** The cluster's auth strategy, such as `serviceAccount`, `aws`, `google` or `oidc`. */
  authProvider?: string;
  /** For `oidc`: which sign-in provider's token the cluster expects. */
  oidcTokenProvider?: string;
}

/**
 * Backstage services and identity for talking to the kubernetes-backend.
 *
 * @public
 */
export interface ProxyAccessOptions {
  discovery: DiscoveryService;
  auth: AuthService;
  /**
   * Whose identity the request carries to the kubernetes-backend (its permission check runs against
   * it). Absent: this plugin's own service identity, for background tasks.
   */
  credentials?: BackstageCredentials;
  /**
   * `Backstage-Kubernetes-Authorization*` headers to forward, carrying the caller's own cluster
   * credentials (see {@link clusterAuthHeaders}). They are sent to the proxy only, never logged.
   */
  clusterAuthHeaders?: Record<string, string>;
}

/**
 * What {@link proxyConnections} needs.
 *
 * @public
 */
export interface ProxyConnectionOptions extends ProxyAccessOptions {
  allowedClusterNames?: string[];
  signal?: AbortSignal;
  /** Budget for the `/clusters` request. */
  timeoutMs?: number;
}

interface ClustersResponse {
  items?: Array<{ name?: unknown; title?: unknown; authProvider?: unknown; oidcTokenProvider?: unknown }>;
}

/** The kubernetes-backend's base URL and how to authenticate to it, shared by every connection to it. */
interface Backend {
  base: string;
  headers: () => Promise<Record<string, string>>;
  agent: http.Agent;
}

async function backendOf(options: ProxyAccessOptions): Promise<Backend> {
  const base = (await options.discovery.getBaseUrl('kubernetes')).replace(/\/+$/, '');
  const extra = options.clusterAuthHeaders ?? {};
  return {
    base,
    agent: base.startsWith('https:') ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true }),
    // Asked per request: plugin tokens expire, and the caller's identity must travel on every call.
    headers: async () => {
      const { token } = await options.auth.getPluginRequestToken({
        onBehalfOf: options.credentials ?? (await options.auth.getOwnServiceCredentials()),
        targetPluginId: 'kubernetes',
      });
      return { ...extra, Authorization: `Bearer ${token}` };
    },
  };
}

/**
 * The clusters the Backstage kubernetes-backend knows, with their auth strategy.
 *
 * @public
 */
export async function listProxyClusters(options: ProxyAccessOptions & RequestOptions): Promise<ProxyCluster[]> {
  const backend = await backendOf(options);
  return readClusters(backend, options);
}

async function readClusters(backend: Backend, opts: RequestOptions): Promise<ProxyCluster[]> {
  const conn = createHttpConnection({
    name: 'kubernetes-backend',
    baseUrl: backend.base,
    requestOptions: async () => ({ headers: await backend.headers(), agent: backend.agent }),
  });
  const response = await conn.getJson<ClustersResponse>('/clusters', {}, opts);
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  return (response.items ?? []).flatMap(item => {
    const name = text(item.name);
    if (!name) return [];
    return [{ name, title: text(item.title), authProvider: text(item.authProvider), oidcTokenProvider: text(item.oidcTokenProvider) }];
  });
}

/**
 * One connection to `cluster` through the kubernetes-backend's `/proxy` route: the cluster's own auth
 * strategy applies, or the caller's cluster credentials when `clusterAuthHeaders` carries them.
 *
 * @public
 */
export async function createProxyConnection(options: ProxyAccessOptions & { cluster: string }): Promise<ClusterConnection> {
  return proxyConnectionOf(await backendOf(options), options.cluster);
}

function proxyConnectionOf(backend: Backend, name: string): ClusterConnection {
  const agent = backend.base.startsWith('https:') ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
  return createHttpConnection({
    name,
    baseUrl: `${backend.base}/proxy`,
    requestOptions: async () => ({ headers: { ...(await backend.headers()), [CLUSTER_HEADER]: name }, agent }),
  });
}

/**
 * One connection per cluster the Backstage kubernetes-backend knows, each going through its `/proxy`
 * route, so every cluster locator and auth strategy configured under `kubernetes:` is reused as is.
 *
 * @public
 */
export async function proxyConnections(options: ProxyConnectionOptions): Promise<ClusterConnection[]> {
  const backend = await backendOf(options);
  const clusters = await readClusters(backend, { signal: options.signal, timeoutMs: options.timeoutMs });
  return clusters.filter(c => isAllowedCluster(c.name, options.allowedClusterNames)).map(c => proxyConnectionOf(backend, c.name));
}

/**
 * Whether reading `cluster` needs the signed-in user's own token (see {@link USER_TOKEN_AUTH_PROVIDERS}).
 *
 * @public
 */
export function requiresUserToken(cluster: ProxyCluster): boolean {
  return cluster.authProvider !== undefined && USER_TOKEN_AUTH_PROVIDERS.includes(cluster.authProvider);
}

/**
 * The `Backstage-Kubernetes-Authorization*` headers of an incoming request, to forward to the proxy
 * on the caller's behalf. Values with line breaks (header injection) are dropped.
 *
 * @public
 */
export function clusterAuthHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const prefix = CLUSTER_AUTH_HEADER.toLowerCase();
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    const name = key.toLowerCase();
    if (!name.startsWith(prefix) || typeof value !== 'string' || /[\r\n]/.test(value)) continue;
    out[name] = value;
  }
  return out;
}
