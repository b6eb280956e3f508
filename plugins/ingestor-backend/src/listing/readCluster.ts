import {
  createLimiter,
  errorMessage,
  limitConnection,
  listAll,
  listSnapshot,
  type ClusterConnection,
  type Limiter,
  type ListOptions,
  type ListSnapshot,
  type ResourceType,
  type RetryPolicy,
} from '@kube-platform/plugin-kubernetes-node';
import { mappedFields } from '../mapping/projection';
import { inScope, namespaceScope, outOfScope } from '../namespaceScope';
import type { ClusterReading, KubeObject, NamespaceInfo, Outcome, ReadOptions, SourceKind } from '../types';
import { discoverKinds, discoveryRequestFromConfig, type DiscoveryResult } from './discovery';
import type { ListingSettings } from './settings';
import type { SharedXrdReads } from './sharedXrds';
import type { UnservedKind } from './wantedKinds';

/** A {@link ClusterReading} plus the wanted kinds the cluster does not serve, with reasons. */
export interface ClusterReadingResult extends ClusterReading {
  unserved: UnservedKind[];
}

/** Options of {@link readCluster}. */
export interface ReadClusterOptions {
  signal?: AbortSignal;
  /** Shared bound on requests in flight; pass the same one for every cluster of a cycle. */
  limiter?: Limiter;
  retry?: RetryPolicy;
  /** XRD lists shared with the templates provider. */
  xrdReads?: SharedXrdReads;
  /** Kinds not to list: a live watch keeps them current (reported in `followed`). */
  followed?: ReadOptions['followed'];
}

/**
 * With `includedNamespaces` up to this long, each kind is listed per namespace (the path is the
 * server-side filter, as field selectors cannot say "one of"); beyond it, one cluster-wide list is
 * filtered here, so requests stay linear in kinds rather than kinds × namespaces.
 */
export const PER_NAMESPACE_LISTING_MAX = 8;

/** Namespaces are a fixed part of the core API (v1 since Kubernetes 1.0), not a discovered kind. */
const NAMESPACES: ResourceType = { group: '', version: 'v1', kind: 'Namespace', plural: 'namespaces', namespaced: false };

/**
 * Reads one cluster: discovery and namespaces, then every kind in parallel. A kind that fails is an
 * `ok: false` outcome for that kind alone; if discovery or the namespace list fails, `error` says so
 * and nothing else is reported. Never throws.
 */
export async function readCluster(conn: ClusterConnection, config: ListingSettings, opts: ReadClusterOptions = {}): Promise<ClusterReadingResult> {
  const started = Date.now();
  const limited = opts.limiter ? limitConnection(conn, opts.limiter) : conn;
  const { requestTimeoutMs: timeoutMs, pageSize } = config.clusters;
  const listOpts: ListOptions = { pageSize, timeoutMs, signal: opts.signal, retry: opts.retry };
  let discovered: DiscoveryResult;
  let namespaces: NamespaceInfo[];
  try {
    [discovered, namespaces] = await Promise.all([
      discoverKinds(limited, discoveryRequestFromConfig(config), { signal: opts.signal, timeoutMs, retry: opts.retry, pageSize, xrdReads: opts.xrdReads }),
      listAll(limited, NAMESPACES, listOpts).then(items => items.map(namespaceInfo)),
    ]);
  } catch (err) {
    return { cluster: conn.name, error: errorMessage(err), namespaces: [], kinds: [], unserved: [], durationMs: Date.now() - started };
  }
  const existing = new Set(namespaces.map(n => n.name));
  const sources = [...discovered.kinds].sort((a, b) => kindKey(a).localeCompare(kindKey(b)));
  const isFollowed = (source: SourceKind) => opts.followed?.(conn.name, source) === true;
  const followed = sources.filter(isFollowed);
  // Each page is cut down to what mapping reads as it arrives: a fleet's lists are never held whole.
  const kindListOpts: ListOptions = { ...listOpts, transform: mappedFields };
  const kinds = await Promise.all(
    sources.filter(source => !isFollowed(source)).map(async source => ({ source, ...(await listKind(limited, source, config, existing, kindListOpts)) })),
  );
  const rolesFailed = discovered.crossplaneError ? { roles: ['claim' as const, 'composite' as const], error: discovered.crossplaneError } : undefined;
  const reading = { cluster: conn.name, namespaces, kinds, rolesFailed, xrds: discovered.xrds, unserved: discovered.unserved, durationMs: Date.now() - started };
  return followed.length > 0 ? { ...reading, followed } : reading;
}

/**
 * Reads every cluster at once under one shared bound of `config.clusters.concurrency` requests, so a
 * slow cluster only holds the slots of its own requests (each bounded by the request timeout).
 */
export function readClusters(
  conns: ClusterConnection[],
  config: ListingSettings,
  signal?: AbortSignal,
  options: { retry?: RetryPolicy; limiter?: Limiter; xrdReads?: SharedXrdReads } & ReadOptions = {},
): Promise<ClusterReadingResult[]> {
  const limiter = options.limiter ?? createLimiter(config.clusters.concurrency);
  return Promise.all(conns.map(conn => readCluster(conn, config, { signal, limiter, retry: options.retry, xrdReads: options.xrdReads, followed: options.followed })));
}

/** Where a watch of the kind can resume: the oldest of its lists' versions, so nothing is missed. */
function oldest(snapshots: ListSnapshot[]): string | undefined {
  const rvs = snapshots.map(l => l.resourceVersion).filter(Boolean);
  return rvs.length ? rvs.reduce((a, b) => (Number(b) < Number(a) ? b : a)) : undefined;
}

async function listKind(
  conn: ClusterConnection,
  source: SourceKind,
  config: ListingSettings,
  existing: Set<string>,
  listOpts: ListOptions,
): Promise<{ outcome: Outcome<KubeObject[]>; resourceVersion?: string }> {
  try {
    // Cluster-scoped objects belong to no namespace, so namespace filters do not apply to them.
    if (!source.namespaced) {
      const list = await listSnapshot(conn, source, listOpts);
      return { outcome: { ok: true, value: list.items }, resourceVersion: list.resourceVersion };
    }
    const scope = namespaceScope(config.components);
    const { fieldSelector } = scope;
    if (!scope.included) {
      const list = await listSnapshot(conn, source, { ...listOpts, fieldSelector });
      return { outcome: { ok: true, value: list.items }, resourceVersion: list.resourceVersion };
    }
    const targets = scope.included.filter(ns => outOfScope(scope, ns) === undefined && existing.has(ns)).sort();
    if (targets.length <= PER_NAMESPACE_LISTING_MAX) {
      const lists = await Promise.all(targets.map(namespace => listSnapshot(conn, source, { ...listOpts, namespace })));
      return { outcome: { ok: true, value: lists.flatMap(l => l.items) }, resourceVersion: oldest(lists) };
    }
    const list = await listSnapshot(conn, source, { ...listOpts, fieldSelector });
    return { outcome: { ok: true, value: list.items.filter(o => inScope(scope, o)) }, resourceVersion: list.resourceVersion };
  } catch (err) {
    return { outcome: { ok: false, error: errorMessage(err) } };
  }
}

function namespaceInfo(ns: KubeObject): NamespaceInfo {
  return { name: ns.metadata.name ?? '', labels: ns.metadata.labels ?? {}, annotations: ns.metadata.annotations ?? {} };
}

function kindKey(s: SourceKind): string {
  return `${s.role}/${s.group}/${s.kind}`;
}
