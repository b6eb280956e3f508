import type { ClusterReader, LogOptions } from '../cluster/types';
import { entryOf, podWith } from '../diagnosis/testEntries';
import type { BuiltTree } from '../tree/buildTree';
import { boundTail, MAX_BYTES, MAX_LINES, MAX_PODS, podLogTails } from './podLogTails';

const POD_KIND = { apiVersion: 'v1', kind: 'Pod', plural: 'pods', namespaced: true };
const crashing = (name: string) => {
  const pod = podWith({ ready: false, restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { reason: 'Error', exitCode: 2 } } });
  return { ...entryOf({ ...pod, metadata: { name, namespace: 'shop' } }), kind: POD_KIND };
};
const tree = (entries: ReturnType<typeof crashing>[]): BuiltTree => ({ rootId: 'r', cluster: 'c', entries: new Map(entries.map(e => [e.node.id, e])), edges: [], truncated: false });

function reader(logs: (name: string, o: LogOptions) => Promise<string>): ClusterReader & { calls: string[] } {
  const calls: string[] = [];
  return {
    cluster: 'c', calls,
    resolve: async () => undefined, get: async () => undefined, list: async () => [],
    logs: async (_k, _ns, name, o) => { calls.push(`${name}/${o.container}/${o.previous}/${o.tailLines}`); return logs(name, o); },
  };
}

describe('podLogTails', () => {
  it('reads the previous run of crashing containers, at most MAX_PODS pods, and skips a log that fails', async () => {
    const pods = Array.from({ length: MAX_PODS + 2 }, (_, i) => crashing(`api-${i}`));
    const r = reader(async name => { if (name === 'api-1') throw new Error('forbidden'); return `starting\npanic in ${name}\n`; });
    const tails = await podLogTails(tree(pods), r);
    expect(r.calls).toHaveLength(MAX_PODS);
    expect(r.calls[0]).toBe(`api-0/app/true/${MAX_LINES}`);
    expect(tails.get('api-0')?.get('app')).toEqual({ previous: true, lines: ['starting', 'panic in api-0'] });
    expect(tails.has('api-1')).toBe(false);
    expect(tails.has(`api-${MAX_PODS}`)).toBe(false);
  });

  it('reads nothing for a healthy pod', async () => {
    const healthy = { ...entryOf(podWith({ ready: true, state: { running: {} } })), kind: POD_KIND };
    const r = reader(async () => 'x');
    expect((await podLogTails(tree([healthy]), r)).size).toBe(0);
    expect(r.calls).toEqual([]);
  });
});

describe('boundTail', () => {
  it('keeps the newest lines within the line and byte budgets', () => {
    const many = Array.from({ length: 50 }, (_, i) => `line ${i}`).join('\n');
    expect(boundTail(`${many}\n`)).toEqual(Array.from({ length: MAX_LINES }, (_, i) => `line ${50 - MAX_LINES + i}`));
    const wide = Array.from({ length: 10 }, (_, i) => `${i}${'x'.repeat(999)}`).join('\n');
    const kept = boundTail(wide);
    expect(kept.join('\n').length).toBeLessThanOrEqual(MAX_BYTES);
    expect(kept[kept.length - 1].startsWith('9')).toBe(true);
    expect(kept.length).toBeLessThan(10);
  });
});
