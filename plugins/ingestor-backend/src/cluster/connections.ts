import type { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import type { IngestorConfig } from '../config/types';
import { connectionsFromDirectConfig, connectionsFromKubeconfig, proxyConnections, type ClusterConnection } from '@kube-platform/plugin-kubernetes-node';

/** Backstage services the proxy route needs; the direct route needs none. */
export interface ClusterAccessServices {
  discovery: DiscoveryService;
  auth: AuthService;
}

/**
 * The connections `kubernetesIngestor.clusters` asks for: through the kubernetes-backend proxy, or
 * direct (the kubeconfig's contexts, then the `direct` entries). Cluster names must be unique, since
 * entities and snapshots are keyed by them.
 */
export async function createClusterConnections(
  clusters: IngestorConfig['clusters'],
  services?: ClusterAccessServices,
  opts: { signal?: AbortSignal } = {},
): Promise<ClusterConnection[]> {
  let conns: ClusterConnection[];
  if (clusters.source === 'proxy') {
    if (!services) throw new Error('kubernetesIngestor.clusters.source is "proxy" but no discovery/auth services were given');
    conns = await proxyConnections({
      ...services,
      allowedClusterNames: clusters.allowedClusterNames,
      signal: opts.signal,
      timeoutMs: clusters.requestTimeoutMs,
    });
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
