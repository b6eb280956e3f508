import type { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import {
  connectionsFromDirectConfig,
  connectionsFromKubeconfig,
  createProxyConnection,
  isAllowedCluster,
  listProxyClusters,
  requiresUserToken,
  type ClusterConnection,
  type ProxyCluster,
} from '@kube-platform/plugin-kubernetes-node';
import type { IngestorConfig } from '../config/types';

/** Backstage services the proxy route needs; the direct route needs none. */
export interface ClusterAccessServices {
  discovery: DiscoveryService;
  auth: AuthService;
}

/** Options of {@link createClusterConnections}. */
export interface ClusterConnectionsOptions {
  signal?: AbortSignal;
  /** Told which proxy clusters were left out because they need a signed-in user's own token. */
  onUserTokenClusters?: (clusters: ProxyCluster[]) => void;
}

/**
 * The connections `kubernetesIngestor.clusters` asks for: through the kubernetes-backend proxy, or
 * direct (the kubeconfig's contexts, then the `direct` entries). Cluster names must be unique, since
 * entities and snapshots are keyed by them. Proxy clusters whose auth provider takes the user's own
 * token are left out (see {@link userTokenClustersWarning}): a scheduled task has no user.
 */
export async function createClusterConnections(
  clusters: IngestorConfig['clusters'],
  services?: ClusterAccessServices,
  opts: ClusterConnectionsOptions = {},
): Promise<ClusterConnection[]> {
  let conns: ClusterConnection[];
  if (clusters.source === 'proxy') {
    if (!services) throw new Error('kubernetesIngestor.clusters.source is "proxy" but no discovery/auth services were given');
    const found = (await listProxyClusters({ ...services, signal: opts.signal, timeoutMs: clusters.requestTimeoutMs })).filter(c =>
      isAllowedCluster(c.name, clusters.allowedClusterNames),
    );
    const needUser = found.filter(requiresUserToken);
    if (needUser.length) opts.onUserTokenClusters?.(needUser);
    conns = await Promise.all(found.filter(c => !requiresUserToken(c)).map(c => createProxyConnection({ ...services, cluster: c.name })));
  } else {
    const fromFile = clusters.kubeconfig
      ? connectionsFromKubeconfig({ path: clusters.kubeconfig, contexts: clusters.contexts, allowedClusterNames: clusters.allowedClusterNames })
      : [];
    conns = [...fromFile, ...connectionsFromDirectConfig(clusters.direct, clusters.allowedClusterNames)];
  }
  const seen = new Set<string>();
  for (const c of conns) {
    if (seen.has(c.name)) throw new Error(`kubernetesIngestor.clusters: cluster name ${c.name} appears more than once`);
    seen.add(c.name);
  }
  return conns;
}

/** The one warning for clusters a background task cannot read: which, why, and what works instead. */
export function userTokenClustersWarning(clusters: ProxyCluster[]): string {
  const names = clusters.map(c => `${c.name} (${c.authProvider})`).join(', ');
  return (
    `Not ingesting clusters ${names}: their auth provider uses the signed-in user's own token, which a scheduled ` +
    'task does not have. To ingest them, give them a server-side strategy in kubernetes.clusterLocatorMethods ' +
    '(authProvider serviceAccount, or a cloud workload identity: aws, azure, googleServiceAccount), ' +
    'or read them directly with kubernetesIngestor.clusters.source: direct.'
  );
}
