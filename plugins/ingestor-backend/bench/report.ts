/** Turns the measurement reports into the named metrics of issue 15, each judged against its target. */
import { metric, percentile, round, targets, type Metric } from '@internal/kube-sim/src/bench/metrics';
import type { CorpusReport } from './measureCorpus';
import type { LimitReport } from './measureLimit';
import type { SyncReport } from './measureSync';
import type { TreeReport } from './measureTree';
import type { CatalogReport } from './measureCatalog';

const UNITS: Record<string, string> = {
  sync_wall_s: 's',
  sync_cpu_s: 's',
  sync_peak_rss_mb: 'MiB',
  sync_requests: 'requests',
  limit_wall_s: 's',
  limit_cpu_s: 's',
  sync_over_limit_wall: 'ratio',
  sync_over_limit_cpu: 'ratio',
  steady_cpu_s: 's',
  steady_changed_entities: 'entities',
  change_latency_p50_ms: 'ms',
  change_latency_p95_ms: 'ms',
  corpus_convert_ms: 'ms',
  corpus_convert_types_ms: 'ms',
};

/** The names of the metrics one measurement yields, for reporting them unmeasured when it fails. */
export const SYNC_METRICS = Object.keys(UNITS).filter(n => !n.startsWith('corpus_'));
export const CORPUS_METRICS = ['corpus_convert_ms', 'corpus_convert_types_ms'];

/** Metrics a failed measurement could not give: no value, a failing verdict where there is a target, and why. */
export function unmeasured(names: string[], fleet: string, reason: string): Metric[] {
  const t = targets(null);
  return names.map(name => metric(name, null, UNITS[name] ?? '', fleet, t[name], reason));
}

const or = (x: number | undefined, digits: number) => (x === undefined ? null : round(x, digits));

export function syncMetrics(fleet: string, sync: SyncReport, limit: LimitReport, metadataLimit: LimitReport): Metric[] {
  const t = targets(sync.cpuS);
  const failed = sync.failures.length ? `${sync.failures.length} listings failed: ${sync.failures[0]}` : undefined;
  const missed = sync.latency.missed.length ? `${sync.latency.missed.length} changes never applied (${sync.latency.missed[0]})` : `${sync.latency.samples.length} changes`;
  return [
    metric('sync_wall_s', round(sync.wallS, 2), 's', fleet, undefined, failed ?? `${sync.objectsListed} objects, ${sync.entities} entities`),
    metric('sync_cpu_s', round(sync.cpuS, 2), 's', fleet, undefined),
    metric('sync_peak_rss_mb', round(sync.peakRssMb, 0), 'MiB', fleet, t.sync_peak_rss_mb, `limit process: ${round(limit.peakRssMb, 0)} MiB`),
    metric('sync_requests', sync.traffic.requests, 'requests', fleet, undefined, `${round(sync.traffic.bytesReceived / 1024 / 1024, 1)} MiB received (limit: ${limit.traffic.requests} requests, ${round(limit.traffic.bytesReceived / 1024 / 1024, 1)} MiB)`),
    metric('limit_wall_s', round(limit.wallS, 2), 's', fleet, undefined, `${limit.lists} lists, ${limit.objects} objects`),
    metric('limit_cpu_s', round(limit.cpuS, 2), 's', fleet, undefined, `metadata-only lists: ${round(metadataLimit.cpuS, 2)} s CPU, ${round(metadataLimit.wallS, 2)} s wall, ${round(metadataLimit.traffic.bytesReceived / 1024 / 1024, 1)} MiB`),
    metric('sync_over_limit_wall', round(sync.wallS / limit.wallS, 2), 'ratio', fleet, undefined),
    metric('sync_over_limit_cpu', round(sync.cpuS / limit.cpuS, 2), 'ratio', fleet, t.sync_over_limit_cpu),
    metric('steady_cpu_s', round(sync.steadyCpuS, 2), 's', fleet, t.steady_cpu_s, `wall ${round(sync.steadyWallS, 2)} s; ${sync.steadyObjectsListed} objects listed (the rest followed by watches); before it, starting the watches took ${round(sync.watchStart.cpuS, 2)} s CPU over ${round(sync.watchStart.wallS, 1)} s${sync.watchStart.quiet ? '' : ' (still busy when measured)'}`),
    metric('steady_changed_entities', sync.steadyChanged, 'entities', fleet, t.steady_changed_entities),
    metric('change_latency_p50_ms', or(percentile(sync.latency.samples, 50), 0), 'ms', fleet, undefined, missed),
    metric('change_latency_p95_ms', sync.latency.missed.length ? null : or(percentile(sync.latency.samples, 95), 0), 'ms', fleet, t.change_latency_p95_ms, missed),
  ];
}

export function corpusMetrics(fleet: string, corpus: CorpusReport): Metric[] {
  const t = targets(null);
  const perSecond = (ms: number) => round(corpus.definitions / (ms / 1000), 0);
  return [
    metric('corpus_convert_ms', round(corpus.withoutTypesMs, 0), 'ms', fleet, undefined, `${corpus.definitions} definitions, ${perSecond(corpus.withoutTypesMs)}/s; slowest ${corpus.slowest.name} ${round(corpus.slowest.ms, 1)} ms`),
    metric('corpus_convert_types_ms', round(corpus.withTypesWarmMs, 0), 'ms', fleet, t.corpus_convert_types_ms, `warm; ${perSecond(corpus.withTypesWarmMs)}/s; cold ${round(corpus.withTypesColdMs, 0)} ms`),
  ];
}

export function treeMetrics(fleet: string, tree: TreeReport): Metric[] {
  const t = targets(null);
  const note = tree.error ?? `${tree.nodes} nodes, ${tree.samples} samples each`;
  return [
    metric('tree_cold_p95_ms', tree.error ? null : round(tree.coldP95Ms, 1), 'ms', fleet, t.tree_cold_p95_ms, note),
    metric('tree_warm_p95_ms', tree.error ? null : round(tree.warmP95Ms, 1), 'ms', fleet, t.tree_warm_p95_ms, note),
  ];
}

/** `--catalog`: from the backend's start, the first entity served and every entity processed (no targets). */
export function catalogMetrics(fleet: string, catalog: CatalogReport | { error: string }): Metric[] {
  if ('error' in catalog) {
    return [metric('catalog_first_entity_s', null, 's', fleet, undefined, catalog.error), metric('catalog_processed_s', null, 's', fleet, undefined, catalog.error)];
  }
  const counted = `${catalog.processed} of ${catalog.expected} entities served`;
  return [
    metric('catalog_first_entity_s', or(catalog.firstSeenS, 1), 's', fleet, undefined, 'catalog backend on PostgreSQL with the module, from its start'),
    metric('catalog_processed_s', or(catalog.allProcessedS, 1), 's', fleet, undefined, catalog.allProcessedS === undefined ? `not all processed in time: ${counted}` : counted),
  ];
}
