import type { SourceKind } from '../types';
import { KindWatches, RELIST_AFTER_MS, SILENCE_MS, type WatchHandlers } from './watches';
import { DEPLOYMENT } from './testing';

interface Started {
  source: SourceKind;
  handlers: WatchHandlers;
  signal: AbortSignal;
  resourceVersion?: string;
}

function setup() {
  const started: Started[] = [];
  let now = 1_000;
  const watches = new KindWatches<{ name: string }>((_c, source, handlers, signal, resourceVersion) => {
    started.push({ source, handlers, signal, resourceVersion });
  }, () => now);
  const noop: WatchHandlers = { onEvent: () => {}, onResync: () => {} };
  const ensure = (source: SourceKind, resourceVersion?: string) => watches.ensure([{ connection: { name: 'c' }, source, resourceVersion }], () => noop);
  return { watches, started, ensure, advance: (ms: number) => (now += ms) };
}

describe('KindWatches', () => {
  it('follows a kind while its watch is live, not after a failure until it delivers again', () => {
    const { watches, started, ensure } = setup();
    expect(watches.follows('c', DEPLOYMENT)).toBe(false);
    ensure(DEPLOYMENT, '10');
    expect(watches.follows('c', DEPLOYMENT)).toBe(true);
    expect(watches.follows('other', DEPLOYMENT)).toBe(false);
    started[0].handlers.onFailure?.();
    expect(watches.follows('c', DEPLOYMENT)).toBe(false);
    started[0].handlers.onLive?.();
    expect(watches.follows('c', DEPLOYMENT)).toBe(true);
    started[0].handlers.onFailure?.();
    started[0].handlers.onEvent('ADDED', { metadata: { name: 'x' } });
    expect(watches.follows('c', DEPLOYMENT)).toBe(true);
  });

  it('does not follow a kind its watch has not listed yet, nor one listed too long ago', () => {
    const { watches, started, ensure, advance } = setup();
    ensure(DEPLOYMENT);
    expect(watches.follows('c', DEPLOYMENT)).toBe(false);
    started[0].handlers.onResync([]);
    expect(watches.follows('c', DEPLOYMENT)).toBe(true);
    advance(RELIST_AFTER_MS);
    started[0].handlers.onLive?.();
    expect(watches.follows('c', DEPLOYMENT)).toBe(false);
    // A sync listed it again: the running watch is kept and follows again.
    ensure(DEPLOYMENT, '20');
    expect(started).toHaveLength(1);
    expect(watches.follows('c', DEPLOYMENT)).toBe(true);
  });

  it('restarts the watch of a kind rediscovered differently, and stops the watches no longer wanted', () => {
    const { watches, started, ensure } = setup();
    ensure(DEPLOYMENT, '10');
    const v2 = { ...DEPLOYMENT, version: 'v2' };
    expect(watches.follows('c', v2)).toBe(false);
    ensure(v2, '11');
    expect(started.map(s => [s.source.version, s.resourceVersion, s.signal.aborted])).toEqual([['v1', '10', true], ['v2', '11', false]]);
    watches.ensure([], () => ({ onEvent: () => {}, onResync: () => {} }));
    expect(started[1].signal.aborted).toBe(true);
    expect(watches.follows('c', v2)).toBe(false);
  });

  it('does not follow a kind whose watch has been silent too long, and does again once it is heard from', () => {
    const { watches, started, ensure, advance } = setup();
    ensure(DEPLOYMENT, '10');
    advance(SILENCE_MS - 1);
    expect(watches.follows('c', DEPLOYMENT)).toBe(true);
    advance(1);
    expect(watches.follows('c', DEPLOYMENT)).toBe(false);
    started[0].handlers.onLive?.();
    expect(watches.follows('c', DEPLOYMENT)).toBe(true);
  });
});
