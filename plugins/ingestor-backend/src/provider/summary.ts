import type { ClusterReading } from '../types';
import type { Emission } from './emit';

/** Figures of one full sync, logged as one line and returned to callers (the CLI, the benchmark). */
export interface CycleSummary {
  clustersOk: string[];
  clustersFailed: Array<{ cluster: string; error: string }>;
  kindsFailed: Array<{ cluster: string; kind: string; error: string }>;
  objectsListed: number;
  entitiesEmitted: number;
  skippedByReason: Record<string, number>;
  warnings: number;
  durationMs: number;
}

export function summarise(readings: ClusterReading[], emission: Emission, durationMs: number): CycleSummary {
  const skippedByReason: Record<string, number> = {};
  for (const s of emission.skipped) skippedByReason[s.reason] = (skippedByReason[s.reason] ?? 0) + 1;
  return {
    clustersOk: readings.filter(r => !r.error).map(r => r.cluster),
    clustersFailed: readings.filter(r => r.error).map(r => ({ cluster: r.cluster, error: r.error! })),
    kindsFailed: readings.flatMap(r => [
      ...r.kinds.flatMap(k => (k.outcome.ok ? [] : [{ cluster: r.cluster, kind: k.source.kind, error: k.outcome.error }])),
      ...(r.rolesFailed ? [{ cluster: r.cluster, kind: `${r.rolesFailed.roles.join(' and ')} kinds`, error: r.rolesFailed.error }] : []),
    ]),
    objectsListed: readings.reduce((n, r) => n + r.kinds.reduce((m, k) => m + (k.outcome.ok ? k.outcome.value.length : 0), 0), 0),
    entitiesEmitted: emission.entities.length,
    skippedByReason,
    warnings: emission.warnings.length,
    durationMs,
  };
}

export function formatSummary(s: CycleSummary): string {
  const skipped = Object.entries(s.skippedByReason)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([reason, n]) => `${reason}=${n}`)
    .join(' ');
  return [
    `Kubernetes ingestion finished in ${Math.round(s.durationMs)} ms:`,
    `clusters ok ${s.clustersOk.length}, failed ${s.clustersFailed.length}${s.clustersFailed.length ? ` (${s.clustersFailed.map(f => f.cluster).join(', ')})` : ''};`,
    `kinds failed ${s.kindsFailed.length};`,
    `objects listed ${s.objectsListed}; entities emitted ${s.entitiesEmitted};`,
    `skipped ${skipped || 'none'}; warnings ${s.warnings}`,
  ].join(' ');
}
