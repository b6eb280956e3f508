import { KubeSim } from '..';
import { claimKind, clusterObjects, FLEETS, prng, TREE_CLAIM } from './fleet';

describe('benchmark fleets', () => {
  it('gives the same objects for the same seed and different ones for another seed or cluster', () => {
    const a = JSON.stringify(clusterObjects(FLEETS.tiny, 7, 1));
    expect(JSON.stringify(clusterObjects(FLEETS.tiny, 7, 1))).toBe(a);
    expect(JSON.stringify(clusterObjects(FLEETS.tiny, 8, 1))).not.toBe(a);
    expect(JSON.stringify(clusterObjects(FLEETS.tiny, 7, 0))).not.toBe(a);
  });

  it('draws a repeatable sequence in [0, 1) from a seed', () => {
    const xs = Array.from({ length: 1000 }, prng(42));
    expect(Array.from({ length: 1000 }, prng(42))).toEqual(xs);
    expect(xs.every(x => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBeGreaterThan(990);
  });

  it('holds the counts of its size, with the tree claim in the first cluster only', () => {
    const size = FLEETS.tiny;
    const count = (objs: ReturnType<typeof clusterObjects>, pred: (k: string) => boolean) => objs.filter(o => pred(o.kind ?? '')).length;
    const first = clusterObjects(size, 1, 0);
    const second = clusterObjects(size, 1, 1);
    const workloads = (k: string) => ['Deployment', 'StatefulSet', 'DaemonSet'].includes(k);
    expect(count(second, workloads)).toBe(size.workloads);
    expect(count(second, k => k === 'CompositeResourceDefinition')).toBe(size.xrds);
    expect(count(second, k => /^Service\d+$/.test(k))).toBe(size.claims);
    expect(count(second, k => k === 'Widget')).toBe(size.claims * size.composedPerClaim);
    expect(count(first, k => k === 'Widget')).toBe(size.claims * size.composedPerClaim + size.treeComposed);
    expect(first.some(o => o.kind === claimKind(TREE_CLAIM.xrdIndex) && o.metadata.name === TREE_CLAIM.name)).toBe(true);
    expect(second.some(o => o.metadata.name === TREE_CLAIM.name)).toBe(false);
  });

  it('is accepted by kube-sim as a whole (XRDs serve the claim kinds, every object applies)', async () => {
    const sim = await KubeSim.start({ tls: false });
    try {
      const objects = clusterObjects(FLEETS.tiny, 3, 1);
      sim.apply(objects);
      expect(sim.list(`bench.example.org/v1alpha1`, claimKind(1))).toHaveLength(objects.filter(o => o.kind === claimKind(1)).length);
      expect(sim.list('managed.bench.example.org/v1', 'Widget')).toHaveLength(FLEETS.tiny.claims * FLEETS.tiny.composedPerClaim);
    } finally {
      await sim.stop();
    }
  });
});
