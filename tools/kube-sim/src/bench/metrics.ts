/**
 * Benchmark metrics as data: a figure, its unit and its target, judged PASS or FAIL. Printing and
 * judging are pure so they are tested; measuring is not (tests never assert timings).
 */

/** A target: the value must be at most, or exactly, this figure. */
export type Target = { op: '<='; value: number } | { op: '='; value: number };

/** One measured figure, as printed in the JSON lines of `npm run bench`. */
export interface Metric {
  name: string;
  /** null when the figure could not be measured (the note says why); such a metric never passes. */
  value: number | null;
  unit: string;
  /** The target as text (`<= 1`), or null when the metric has none. */
  target: string | null;
  pass: boolean | null;
  fleet: string;
  note?: string;
}

/** The targets of issue 15 (full fleet, this machine); `steady_cpu_s` is relative to the first sync's CPU. */
export function targets(syncCpuS: number | null): Record<string, Target | undefined> {
  return {
    sync_over_limit_cpu: { op: '<=', value: 1 },
    sync_peak_rss_mb: { op: '<=', value: 600 },
    steady_changed_entities: { op: '=', value: 0 },
    steady_cpu_s: syncCpuS === null ? undefined : { op: '<=', value: round(0.3 * syncCpuS, 3) },
    change_latency_p95_ms: { op: '<=', value: 2000 },
    corpus_convert_types_ms: { op: '<=', value: 1000 },
    tree_warm_p95_ms: { op: '<=', value: 50 },
    tree_cold_p95_ms: { op: '<=', value: 500 },
  };
}

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Whether a value meets a target; a missing value never does, a metric without target is null. */
export function judge(value: number | null, target: Target | undefined): boolean | null {
  if (!target) return null;
  if (value === null || !Number.isFinite(value)) return false;
  return target.op === '=' ? value === target.value : value <= target.value;
}

/** Builds a metric, judging it against its target (if any). */
export function metric(name: string, value: number | null, unit: string, fleet: string, target: Target | undefined, note?: string): Metric {
  return { name, value, unit, target: target ? `${target.op} ${target.value}` : null, pass: judge(value, target), fleet, ...(note ? { note } : {}) };
}

/** The p-th percentile (0-100) by nearest rank; undefined for no samples. */
export function percentile(samples: number[], p: number): number | undefined {
  if (samples.length === 0) return undefined;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** One JSON line per metric, the machine-readable output. */
export function jsonLine(m: Metric): string {
  return JSON.stringify({ name: m.name, value: m.value, unit: m.unit, target: m.target, pass: m.pass, fleet: m.fleet, ...(m.note ? { note: m.note } : {}) });
}

const verdict = (pass: boolean | null) => (pass === null ? '' : pass ? 'PASS' : 'FAIL');

/** A readable, aligned table: name, value, unit, target, verdict, note. */
export function table(metrics: Metric[]): string {
  const rows = [['metric', 'value', 'unit', 'target', 'result', 'note'], ...metrics.map(m => [m.name, m.value === null ? 'n/a' : String(m.value), m.unit, m.target ?? '', verdict(m.pass), m.note ?? ''])];
  const widths = rows[0].map((_, c) => Math.max(...rows.map(r => r[c].length)));
  return rows.map(r => r.map((cell, c) => (c === 1 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd()).join('\n');
}
