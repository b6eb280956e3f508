import type { EntityProviderConnection, EntityProviderMutation } from '@backstage/plugin-catalog-node';
import { ConfigReader } from '@backstage/config';
import { readIngestorConfig } from '../config/readConfig';
import type { IngestorConfig } from '../config/types';
import type { ClusterReading, KubeObject, SourceKind } from '../types';
import type { ClusterSource } from './ingestion';

/** Test seams for the provider: a connection that records mutations, readings built by hand. */
export class RecordingConnection implements EntityProviderConnection {
  readonly mutations: EntityProviderMutation[] = [];

  async applyMutation(mutation: EntityProviderMutation): Promise<void> {
    this.mutations.push(mutation);
  }

  async refresh(): Promise<void> {}

  /** Entity refs of the last full mutation. */
  lastFullRefs(): string[] {
    const full = [...this.mutations].reverse().find(m => m.type === 'full');
    if (!full || full.type !== 'full') return [];
    return full.entities.map(e => `${e.entity.kind}:${e.entity.metadata.namespace}/${e.entity.metadata.name}`.toLowerCase()).sort();
  }
}

export const DEPLOYMENT: SourceKind = { group: 'apps', version: 'v1', kind: 'Deployment', plural: 'deployments', namespaced: true, role: 'workload', defaultType: 'service' };
export const CLAIM_KIND: SourceKind = { group: 'db.example.org', version: 'v1', kind: 'Database', plural: 'databases', namespaced: true, role: 'claim', defaultType: 'crossplane-claim', xrdName: 'xdatabases.db.example.org' };
export const CRONJOB: SourceKind = { group: 'batch', version: 'v1', kind: 'CronJob', plural: 'cronjobs', namespaced: true, role: 'workload', defaultType: 'job' };

export function workload(source: SourceKind, namespace: string, name: string, extra: Partial<KubeObject['metadata']> = {}): KubeObject {
  return { apiVersion: `${source.group}/${source.version}`, kind: source.kind, metadata: { name, namespace, ...extra }, spec: {} };
}

export function reading(cluster: string, kinds: ClusterReading['kinds'], error?: string): ClusterReading {
  return {
    cluster,
    error,
    namespaces: [...new Set(kinds.flatMap(k => (k.outcome.ok ? k.outcome.value.map(o => o.metadata.namespace!) : [])))].map(name => ({ name, labels: {}, annotations: {} })),
    kinds,
    durationMs: 1,
  };
}

/** A cluster source whose readings the test sets before each sync. */
export class ScriptedClusters implements ClusterSource<{ name: string }> {
  next: ClusterReading[] = [];

  async connections() {
    return this.next.map(r => ({ name: r.cluster }));
  }

  async read() {
    return this.next;
  }
}

export function testConfig(data: object = {}): IngestorConfig {
  return readIngestorConfig(new ConfigReader({ kubernetesIngestor: { clusters: { source: 'direct', kubeconfig: 'unused' }, ...data } }));
}
