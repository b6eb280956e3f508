import { ConfigReader, type Config } from '@backstage/config';
import { readDirectClusters, type DirectClusterConfig } from '@kube-platform/plugin-kubernetes-node';

/** The config section this plugin reads. */
export const CONFIG_ROOT = 'kubernetesResources';

/** How clusters are reached. */
export interface ClustersConfig {
  source: 'proxy' | 'direct';
  kubeconfig?: string;
  contexts?: string[];
  direct: DirectClusterConfig[];
  allowedClusterNames?: string[];
  requestTimeoutMs: number;
  /** Cluster requests in flight at once across every tree, user and cluster. */
  maxConcurrentRequests: number;
}

/** Limits of one tree. */
export interface TreeSettings {
  maxNodes: number;
  concurrency: number;
  cacheTtlMs: number;
}

/** `kubernetesResources`, typed and defaulted. */
export interface ResourcesConfig {
  clusters: ClustersConfig;
  tree: TreeSettings;
}

function intInRange(c: Config, key: string, fallback: number, min: number, max: number): number {
  const value = c.getOptionalNumber(key);
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`Invalid value for ${CONFIG_ROOT}.${key}: expected a whole number from ${min} to ${max}, got ${value}`);
  }
  return value;
}

/**
 * Reads `kubernetesResources` once into typed, defaulted settings; a wrong value throws at start-up
 * with an error naming the key.
 */
export function readResourcesConfig(root: Config): ResourcesConfig {
  const c = root.getOptionalConfig(CONFIG_ROOT) ?? new ConfigReader({}, CONFIG_ROOT);
  const source = c.getOptionalString('clusters.source') ?? 'proxy';
  if (source !== 'proxy' && source !== 'direct') {
    throw new Error(`Invalid value for ${CONFIG_ROOT}.clusters.source: expected "proxy" or "direct", got "${source}"`);
  }
  const direct = readDirectClusters(c);
  const kubeconfig = c.getOptionalString('clusters.kubeconfig');
  if (source === 'direct' && !kubeconfig && direct.length === 0) {
    throw new Error(`${CONFIG_ROOT}.clusters.source is "direct" but neither ${CONFIG_ROOT}.clusters.kubeconfig nor ${CONFIG_ROOT}.clusters.direct is set`);
  }
  return {
    clusters: {
      source,
      ...(kubeconfig ? { kubeconfig } : {}),
      ...(c.has('clusters.contexts') ? { contexts: c.getStringArray('clusters.contexts') } : {}),
      direct,
      ...(c.has('clusters.allowedClusterNames') ? { allowedClusterNames: c.getStringArray('clusters.allowedClusterNames') } : {}),
      requestTimeoutMs: intInRange(c, 'clusters.requestTimeoutSeconds', 15, 1, 600) * 1000,
      maxConcurrentRequests: intInRange(c, 'clusters.maxConcurrentRequests', 32, 1, 1000),
    },
    tree: {
      maxNodes: intInRange(c, 'tree.maxNodes', 1000, 1, 100_000),
      concurrency: intInRange(c, 'tree.concurrency', 8, 1, 64),
      cacheTtlMs: intInRange(c, 'tree.cacheTtlSeconds', 5, 0, 3600) * 1000,
    },
  };
}
