import type { KubeObject, SourceKind } from '../types';
import { sourceKey } from './snapshots';

export interface WatchHandlers {
  onEvent(type: 'ADDED' | 'MODIFIED' | 'DELETED', object: KubeObject): void;
  /** The watch had to re-list (410 Gone): these are all the kind's objects now. */
  onResync(objects: KubeObject[]): void;
  /** The watch is connected and current (a bookmark, or an event it filtered out). */
  onLive?(): void;
  /** The watch failed and will reconnect: until it is live again, a sync lists the kind itself. */
  onFailure?(): void;
}

/**
 * Starts a resilient watch of one kind in one cluster from `resourceVersion` (that of the list the
 * snapshot holds; absent: list first); it runs until `signal` aborts. When it returns a promise, its
 * settling means the watch stopped: the next sync starts it again.
 */
export type KindWatcher<C> = (
  connection: C,
  source: SourceKind,
  handlers: WatchHandlers,
  signal: AbortSignal,
  resourceVersion?: string,
) => void | Promise<void>;

/**
 * However live its watch, a kind is listed again after this long: a safety net against a change a watch
 * never delivered, as informers resync.
 */
export const RELIST_AFTER_MS = 60 * 60_000;

/**
 * A watch silent for longer than this is not trusted to follow its kind: an API server sends a bookmark
 * about every minute, so silence means a stalled connection (or a server without bookmarks, whose quiet
 * kinds are then listed as before).
 */
export const SILENCE_MS = 5 * 60_000;

interface WatchState {
  controller: AbortController;
  /** The kind as discovered when the watch started: a changed one (version, plural) needs a new watch. */
  source: string;
  /** No failure since the watch started or last delivered something. */
  live: boolean;
  /** When it started or last delivered something (an event, a bookmark, a re-list). */
  heardAt: number;
  /** When the snapshot last got the whole kind (a sync's list or the watch's own re-list). */
  listedAt: number;
}

/** One kind of one cluster to watch, with where its list left off (absent: not listed this cycle). */
export interface WantedWatch<C> {
  connection: C;
  source: SourceKind;
  resourceVersion?: string;
}

const keyOf = (cluster: string, source: SourceKind) => `${cluster}|${sourceKey(source)}`;

/**
 * The running watches of the provider, one per cluster and kind, and which of them keep their kind
 * current, so a sync need not list it again (informers list once and then follow).
 */
export class KindWatches<C extends { name: string }> {
  private readonly watches = new Map<string, WatchState>();

  constructor(private readonly watcher: KindWatcher<C>, private readonly now: () => number = Date.now) {}

  /**
   * A watch started for this very kind follows it when it has not failed since it last delivered, was
   * heard from within {@link SILENCE_MS}, and the kind was listed less than {@link RELIST_AFTER_MS} ago.
   */
  follows(cluster: string, source: SourceKind): boolean {
    const state = this.watches.get(keyOf(cluster, source));
    if (!state || !state.live || state.source !== JSON.stringify(source)) return false;
    const now = this.now();
    return now - state.heardAt < SILENCE_MS && now - state.listedAt < RELIST_AFTER_MS;
  }

  /**
   * Runs exactly the `wanted` watches. A new one starts from its list's resourceVersion, so it misses
   * nothing and re-applies nothing. A running one is kept (a watch reconnects and re-lists on its own;
   * the sync replayed what it delivered during the listing), unless its kind was rediscovered
   * differently; restarting every watch each cycle would cost a connection per kind.
   */
  ensure(wanted: WantedWatch<C>[], handlers: (connection: C, source: SourceKind) => WatchHandlers): void {
    const keep = new Set<string>();
    for (const { connection, source, resourceVersion } of wanted) {
      const key = keyOf(connection.name, source);
      keep.add(key);
      const running = this.watches.get(key);
      if (running && running.source === JSON.stringify(source)) {
        if (resourceVersion !== undefined) running.listedAt = this.now();
        continue;
      }
      running?.controller.abort();
      this.start(key, connection, source, resourceVersion, handlers(connection, source));
    }
    for (const [key, state] of this.watches) {
      if (!keep.has(key)) {
        state.controller.abort();
        this.watches.delete(key);
      }
    }
  }

  stop(): void {
    for (const state of this.watches.values()) state.controller.abort();
    this.watches.clear();
  }

  private heard(state: WatchState): void {
    state.live = true;
    state.heardAt = this.now();
  }

  private start(key: string, connection: C, source: SourceKind, resourceVersion: string | undefined, handlers: WatchHandlers): void {
    const state: WatchState = {
      controller: new AbortController(),
      source: JSON.stringify(source),
      live: true,
      heardAt: this.now(),
      // Without a resourceVersion the watch lists first; until it has, the kind is not current.
      listedAt: resourceVersion === undefined ? -Infinity : this.now(),
    };
    this.watches.set(key, state);
    const running = this.watcher(connection, source, {
      onEvent: (type, object) => {
        this.heard(state);
        handlers.onEvent(type, object);
      },
      onResync: objects => {
        this.heard(state);
        state.listedAt = state.heardAt;
        handlers.onResync(objects);
      },
      onLive: () => this.heard(state),
      onFailure: () => {
        state.live = false;
      },
    }, state.controller.signal, resourceVersion);
    const forget = () => {
      if (this.watches.get(key) === state) this.watches.delete(key);
    };
    running?.then(forget, forget);
  }
}
