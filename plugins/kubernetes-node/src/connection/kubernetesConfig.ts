import type { Config } from '@backstage/config';
import type { DirectClusterConfig } from './direct';

/**
 * The clusters listed under `kubernetes.clusterLocatorMethods` with `type: config`, as direct entries
 * (url, service account token, CA). For tools and tests that run without the kubernetes-backend: in a
 * Backstage backend, prefer the proxy, which also honours the other locators and auth strategies.
 *
 * @public
 */
export function directClustersFromKubernetesConfig(config: Config): DirectClusterConfig[] {
  const methods = config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
  return methods
    .filter(method => method.getString('type') === 'config')
    .flatMap(method => method.getOptionalConfigArray('clusters') ?? [])
    .map(cluster => ({
      name: cluster.getString('name'),
      url: cluster.getString('url'),
      token: cluster.getOptionalString('serviceAccountToken'),
      caData: cluster.getOptionalString('caData'),
      caFile: cluster.getOptionalString('caFile'),
      skipTLSVerify: cluster.getOptionalBoolean('skipTLSVerify') ?? false,
    }));
}

/**
 * A plugin's own `direct` cluster list (`name`, `url`, `token`, `caData`, `caFile`, `skipTLSVerify`),
 * read from the plugin's config section at `key`. Pass the section as taken from the root config
 * (`root.getOptionalConfig('kubernetesIngestor')`): its getters then name the full key, such as
 * `kubernetesIngestor.clusters.direct[0].url`, in every error.
 *
 * @public
 */
export function readDirectClusters(config: Config, key = 'clusters.direct'): DirectClusterConfig[] {
  return (config.getOptionalConfigArray(key) ?? []).map(d => ({
    name: d.getString('name'),
    url: d.getString('url'),
    token: d.getOptionalString('token'),
    caData: d.getOptionalString('caData'),
    caFile: d.getOptionalString('caFile'),
    skipTLSVerify: d.getOptionalBoolean('skipTLSVerify'),
  }));
}
