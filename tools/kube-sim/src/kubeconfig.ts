import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { stringify } from 'yaml';

export interface KubeconfigCluster {
  name: string;
  server: string;
  caPem?: string;
  token: string;
}

/** A kubeconfig with one context per cluster, named after it; the first is the current context. */
export function buildKubeconfig(clusters: KubeconfigCluster[]): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    clusters: clusters.map(c => ({
      name: c.name,
      cluster: {
        server: c.server,
        ...(c.caPem ? { 'certificate-authority-data': Buffer.from(c.caPem).toString('base64') } : {}),
      },
    })),
    users: clusters.map(c => ({ name: `${c.name}-admin`, user: { token: c.token } })),
    contexts: clusters.map(c => ({ name: c.name, context: { cluster: c.name, user: `${c.name}-admin` } })),
    'current-context': clusters[0]?.name ?? '',
  });
}

/** Writes a kubeconfig readable by its owner only (it holds tokens); returns the path. */
export function writeKubeconfigFile(file: string, content: string): string {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content, { mode: 0o600 });
  return file;
}
