import { TreeCache } from './treeCache';

describe('TreeCache', () => {
  it('reuses a value within the TTL, shares concurrent loads, and reloads after it', async () => {
    let now = 0;
    const cache = new TreeCache<number>(1000, 10, () => now);
    let loads = 0;
    const load = async () => ++loads;
    expect(await Promise.all([cache.get('k', load), cache.get('k', load)])).toEqual([1, 1]);
    now = 999;
    expect(await cache.get('k', load)).toBe(1);
    now = 1000;
    expect(await cache.get('k', load)).toBe(2);
    expect(await cache.get('other', load)).toBe(3);
  });

  it('does not keep failures, and keeps at most maxEntries', async () => {
    const cache = new TreeCache<number>(1000, 2, () => 0);
    await expect(cache.get('k', async () => { throw new Error('down'); })).rejects.toThrow('down');
    expect(await cache.get('k', async () => 7)).toBe(7);
    await cache.get('a', async () => 1);
    await cache.get('b', async () => 2);
    expect(await cache.get('k', async () => 8)).toBe(8);
  });
});
