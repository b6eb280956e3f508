import { jsonLine, judge, metric, percentile, table, targets } from './metrics';

describe('benchmark metrics', () => {
  it('fails a metric over its target and passes one at or under it', () => {
    const t = targets(10);
    expect(metric('sync_over_limit_cpu', 1.2, 'ratio', 'quick', t.sync_over_limit_cpu).pass).toBe(false);
    expect(metric('sync_over_limit_cpu', 1, 'ratio', 'quick', t.sync_over_limit_cpu).pass).toBe(true);
    expect(metric('steady_cpu_s', 3.1, 's', 'quick', t.steady_cpu_s)).toMatchObject({ target: '<= 3', pass: false });
    expect(metric('steady_changed_entities', 1, 'entities', 'quick', t.steady_changed_entities).pass).toBe(false);
    expect(metric('steady_changed_entities', 0, 'entities', 'quick', t.steady_changed_entities).pass).toBe(true);
  });

  it('never passes a figure that was not measured, and judges nothing without a target', () => {
    expect(judge(null, { op: '<=', value: 50 })).toBe(false);
    expect(judge(Number.NaN, { op: '<=', value: 50 })).toBe(false);
    expect(metric('sync_wall_s', 3, 's', 'quick', undefined)).toMatchObject({ target: null, pass: null });
    expect(targets(null).steady_cpu_s).toBeUndefined();
  });

  it('takes percentiles by nearest rank', () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 95)).toBe(95);
    expect(percentile(xs, 100)).toBe(100);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeUndefined();
  });

  it('prints one JSON line with the agreed fields, and a table row with the verdict', () => {
    const m = metric('tree_warm_p95_ms', 60, 'ms', 'full', { op: '<=', value: 50 });
    expect(JSON.parse(jsonLine(m))).toEqual({ name: 'tree_warm_p95_ms', value: 60, unit: 'ms', target: '<= 50', pass: false, fleet: 'full' });
    const lines = table([m, metric('sync_requests', 120, 'requests', 'full', undefined)]).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^tree_warm_p95_ms\s+60\s+ms\s+<= 50\s+FAIL$/);
    expect(lines[2]).toMatch(/^sync_requests\s+120\s+requests$/);
  });
});
