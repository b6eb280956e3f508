import { LastGoodByCluster } from './lastGood';

describe('LastGoodByCluster', () => {
  it('keeps the previous value through a failure, replaces it on success, forgets unconfigured clusters', () => {
    const last = new LastGoodByCluster<string[]>();
    expect(last.record('west', { ok: true, value: ['a'] })).toBe(true);
    expect(last.record('east', { ok: false, error: 'timeout' })).toBe(false);
    expect(last.has('east')).toBe(false);
    expect(last.record('west', { ok: false, error: '503' })).toBe(false);
    expect(last.get('west')).toEqual(['a']);
    last.record('west', { ok: true, value: [] });
    expect(last.get('west')).toEqual([]);
    last.record('east', { ok: true, value: ['b'] });
    expect(last.clusterNames()).toEqual(['east', 'west']);
    expect(last.retain(['east'])).toEqual(['west']);
    expect(last.clusterNames()).toEqual(['east']);
  });
});
