/*
 * The real ingestion pipeline for integration tests: kubeconfig file -> direct cluster source -> listing
 * -> mapping -> KubernetesEntityProvider -> a recording catalog connection. Only public seams are used.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { ConfigReader, type JsonObject } from '@backstage/config';
import type { EntityProviderMutation } from '@backstage/plugin-catalog-node';
import { parse, stringify } from 'yaml';
import { ENTITY_ANNOTATIONS } from '../../annotations';
import type { ClusterConnection } from '@kube-platform/plugin-kubernetes-node';
import { readIngestorConfig } from '../../config/readConfig';
import type { IngestorConfig } from '../../config/types';
import { KubernetesEntityProvider } from '../../provider/KubernetesEntityProvider';
import { clusterSource, kindWatcher } from '../../provider/sources';
import type { CycleSummary } from '../../provider/summary';
import { RecordingConnection } from '../../provider/testing';

export { expectAllValid, expectUniqueRefs } from '../../mapping/testUtils';

export type MockLogger = ReturnType<typeof mockServices.logger.mock>;

/** A kubeconfig file in a private temp directory; rewrite it to change the configured clusters. */
export class KubeconfigFile {
  private readonly dir = mkdtempSync(join(tmpdir(), 'ingestor-it-'));
  readonly path = join(this.dir, 'kubeconfig');

  constructor(yaml: string) {
    this.write(yaml);
  }

  write(yaml: string): void {
    writeFileSync(this.path, yaml, { mode: 0o600 });
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

interface KubeconfigDoc {
  clusters: Array<{ name: string }>;
  users: Array<{ name: string }>;
  contexts: Array<{ name: string; context: { cluster: string; user: string } }>;
  'current-context': string;
}

/** The kubeconfig with contexts renamed (`from` -> `to`); cluster and user entries stay as they are. */
export function renameContexts(yaml: string, names: Record<string, string>): string {
  const doc = parse(yaml) as KubeconfigDoc;
  doc.contexts = doc.contexts.map(c => ({ ...c, name: names[c.name] ?? c.name }));
  doc['current-context'] = doc.contexts[0]?.name ?? '';
  return stringify(doc);
}

/** The kubeconfig with its contexts in reverse order (the current context is the first one). */
export function reverseContexts(yaml: string): string {
  const doc = parse(yaml) as KubeconfigDoc;
  doc.contexts = [...doc.contexts].reverse();
  doc['current-context'] = doc.contexts[0]?.name ?? '';
  return stringify(doc);
}

/** The kubeconfig without the context `name` (and its cluster and user). */
export function withoutContext(yaml: string, name: string): string {
  const doc = parse(yaml) as KubeconfigDoc;
  const gone = doc.contexts.find(c => c.name === name);
  if (!gone) throw new Error(`no context ${name}`);
  doc.contexts = doc.contexts.filter(c => c !== gone);
  doc.clusters = doc.clusters.filter(c => c.name !== gone.context.cluster);
  doc.users = doc.users.filter(u => u.name !== gone.context.user);
  doc['current-context'] = doc.contexts[0]?.name ?? '';
  return stringify(doc);
}

/** Sections of `kubernetesIngestor` a test may set; `clusters` is merged over the harness defaults. */
export interface ConfigOverrides {
  clusters?: JsonObject;
  components?: JsonObject;
  mappings?: JsonObject;
  copyAnnotations?: JsonObject;
}

/** Direct source from the kubeconfig file, pages of two, a request timeout that a busy CI machine meets. */
export function ingestorConfig(kubeconfigPath: string, overrides: ConfigOverrides = {}): IngestorConfig {
  const { clusters, ...rest } = overrides;
  return readIngestorConfig(
    new ConfigReader({
      kubernetesIngestor: {
        ...rest,
        clusters: { source: 'direct', kubeconfig: kubeconfigPath, pageSize: 2, requestTimeoutSeconds: 10, ...clusters },
      },
    }),
  );
}

export interface Ingestor {
  config: IngestorConfig;
  logger: MockLogger;
  connection: RecordingConnection;
  provider: KubernetesEntityProvider<ClusterConnection>;
  /** One full sync, as the scheduled task runs it. */
  refresh(): Promise<CycleSummary>;
  /** Entities of the latest full mutation. */
  full(): Entity[];
  /** Every message logged at warn level so far. */
  warnings(): string[];
}

/** A connected provider reading the kubeconfig's clusters directly; with `watch`, kind watchers too. */
export async function startIngestor(
  kubeconfigPath: string,
  overrides: ConfigOverrides = {},
  opts: { watch?: boolean; deltaDelayMs?: number } = {},
): Promise<Ingestor> {
  const config = ingestorConfig(kubeconfigPath, overrides);
  const logger = mockServices.logger.mock();
  const connection = new RecordingConnection();
  const provider = new KubernetesEntityProvider({
    config,
    logger,
    clusters: clusterSource(config),
    watcher: opts.watch ? kindWatcher(config, logger) : undefined,
    deltaDelayMs: opts.deltaDelayMs,
  });
  await provider.connect(connection);
  return {
    config,
    logger,
    connection,
    provider,
    refresh: () => provider.refresh(),
    full: () => fullEntities(connection.mutations),
    warnings: () => logger.warn.mock.calls.map(call => String(call[0])),
  };
}

/** Entities of the `nth` full mutation (negative counts from the end). */
export function fullEntities(mutations: EntityProviderMutation[], nth = -1): Entity[] {
  const fulls = mutations.filter(m => m.type === 'full');
  const m = fulls.at(nth);
  if (!m || m.type !== 'full') throw new Error(`there is no full mutation ${nth} (of ${fulls.length})`);
  return m.entities.map(d => d.entity);
}

/** What the delta mutations from index `from` on added and removed, as sorted refs. */
export function deltasSince(mutations: EntityProviderMutation[], from: number): { added: string[]; removed: string[]; count: number } {
  const deltas = mutations.slice(from).flatMap(m => (m.type === 'delta' ? [m] : []));
  return {
    added: deltas.flatMap(d => d.added.map(a => stringifyEntityRef(a.entity))).sort(),
    removed: deltas.flatMap(d => d.removed.map(r => ('entityRef' in r ? r.entityRef : stringifyEntityRef(r.entity)))).sort(),
    count: deltas.length,
  };
}

/**
 * What a catalog holding only this provider's entities contains after applying `mutations` in order:
 * a full mutation replaces everything, a delta adds (or replaces) and removes. By ref, sorted.
 */
export function catalogAfter(mutations: EntityProviderMutation[]): Map<string, Entity> {
  const catalog = new Map<string, Entity>();
  for (const m of mutations) {
    if (m.type === 'full') catalog.clear();
    const added = m.type === 'full' ? m.entities : m.added;
    for (const { entity } of added) catalog.set(stringifyEntityRef(entity), entity);
    if (m.type === 'delta') for (const r of m.removed) catalog.delete('entityRef' in r ? r.entityRef : stringifyEntityRef(r.entity));
  }
  return new Map([...catalog].sort(([a], [b]) => a.localeCompare(b)));
}

export function refsOf(entities: Entity[]): string[] {
  return entities.map(e => stringifyEntityRef(e)).sort();
}

/** Where an entity's object came from, as its annotations say. */
export interface SourceOf {
  cluster?: string;
  kind?: string;
  apiVersion?: string;
  namespace?: string;
  name?: string;
}

export function sourceOf(entity: Entity): SourceOf {
  const a = entity.metadata.annotations ?? {};
  return {
    cluster: a[ENTITY_ANNOTATIONS.cluster],
    kind: a[ENTITY_ANNOTATIONS.kind],
    apiVersion: a[ENTITY_ANNOTATIONS.apiVersion],
    namespace: a[ENTITY_ANNOTATIONS.namespace],
    name: a[ENTITY_ANNOTATIONS.name],
  };
}

/** `cluster|Kind|namespace/name` of every entity made from an object (Systems have none). */
export function sourcesOf(entities: Entity[]): string[] {
  return entities
    .filter(e => e.kind !== 'System')
    .map(e => sourceOf(e))
    .map(s => `${s.cluster}|${s.kind}|${s.namespace ?? ''}/${s.name}`)
    .sort();
}

/** The entities made from objects matching `want` (every given field equal). */
export function fromSource(entities: Entity[], want: SourceOf): Entity[] {
  return entities.filter(e => {
    const s = sourceOf(e);
    return (Object.keys(want) as Array<keyof SourceOf>).every(k => s[k] === want[k]);
  });
}

/** Undefined when `a` and `b` are equal; otherwise where they first differ, short enough to read. */
export function firstDifference(a: string, b: string): string | undefined {
  if (a === b) return undefined;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const around = (s: string) => s.slice(Math.max(0, i - 160), i + 80);
  return `differ at character ${i}:\n  ${around(a)}\nvs\n  ${around(b)}`;
}

/**
 * Polls `probe` until it returns a value other than undefined or false, or fails after `timeoutMs`
 * with `what` and the last value seen; never a fixed sleep, so a slow machine only waits longer.
 */
export async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise(r => setTimeout(r, 25));
  }
}
