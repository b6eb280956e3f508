import type { ClusterConnection, WatchEvent } from '../connection/ClusterConnection';
import { isExpired, KubeRequestError } from '../errors';
import { backoffDelay, DEFAULT_RETRY, sleep, type RetryPolicy } from '../retry';
import type { KubeObject, ResourceType } from '../types';
import { listSnapshot, type ListOptions } from './listAll';
import { collectionPath, withKindFields } from './paths';
import { whenAborted } from '../abortWaiters';

/**
 * A change to one object, with `apiVersion` and `kind` set.
 *
 * @public
 */
export interface KindChange {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: KubeObject;
}

/**
 * Options of {@link watchKind}.
 *
 * @public
 */
export interface WatchKindOptions {
  /** Where to start, typically the resourceVersion of the list the caller holds. Absent: list first. */
  resourceVersion?: string;
  fieldSelector?: string;
  labelSelector?: string;
  /** Watch one namespace only (namespaced kinds). */
  namespace?: string;
  signal: AbortSignal;
  onEvent: (change: KindChange) => void;
  /** The full current list after a 410 (or at the start without `resourceVersion`): replace the snapshot. */
  onResync: (objects: KubeObject[], resourceVersion: string) => void;
  /** Each BOOKMARK's resourceVersion, for callers that persist where to resume. */
  onBookmark?: (resourceVersion: string) => void;
  /** Each failure the loop recovers from (it retries with backoff); for logging. */
  onError?: (err: unknown) => void;
  /** Page size and per-page budget of re-lists. */
  pageSize?: number;
  timeoutMs?: number;
  /** Backoff between reconnects after failures (`retries` is ignored: a watch never gives up). */
  retry?: RetryPolicy;
  /** Applied to every object before the caller sees it (events and re-lists); see {@link ListOptions.transform}. */
  transform?: (item: KubeObject) => KubeObject;
}

const CHANGE_TYPES = new Set(['ADDED', 'MODIFIED', 'DELETED']);
// A stream that ends this soon without events is treated as a failure, so a misbehaving proxy
// cannot turn the loop into a busy reconnect.
const MIN_HEALTHY_STREAM_MS = 1000;

/**
 * Follows one kind until `signal` aborts: watches from the latest resourceVersion seen (events and
 * BOOKMARKs), reconnects when the server ends the stream, and after 410 Gone re-lists and hands the
 * result to `onResync` before watching on. Failures back off and retry. Resolves once aborted.
 *
 * @public
 */
export async function watchKind(conn: ClusterConnection, source: ResourceType, opts: WatchKindOptions): Promise<void> {
  const { signal } = opts;
  const policy = opts.retry ?? DEFAULT_RETRY;
  const path = collectionPath(source, opts.namespace);
  let resourceVersion = opts.resourceVersion || undefined;
  let failures = 0;
  const backOff = async (err: unknown) => {
    failures++;
    opts.onError?.(err);
    await sleep(backoffDelay(Math.min(failures, 10), policy, err), signal);
  };

  while (!signal.aborted) {
    if (!resourceVersion) {
      try {
        const list = await listSnapshot(conn, source, {
          pageSize: opts.pageSize ?? 500,
          timeoutMs: opts.timeoutMs,
          fieldSelector: opts.fieldSelector,
          labelSelector: opts.labelSelector,
          namespace: opts.namespace,
          signal,
          retry: policy,
          transform: opts.transform,
        });
        if (signal.aborted) break;
        opts.onResync(list.items, list.resourceVersion);
        resourceVersion = list.resourceVersion;
        failures = 0;
      } catch (err) {
        if (!signal.aborted) await backOff(err);
        continue;
      }
    }

    const stream = await streamOnce(conn, source, path, opts, resourceVersion);
    resourceVersion = stream.resourceVersion;
    if (signal.aborted) break;
    if (stream.gone) {
      resourceVersion = undefined;
    } else if (stream.failure !== undefined) {
      await backOff(stream.failure);
    } else if (!stream.healthy) {
      await backOff(new Error(`cluster ${conn.name}: watch of ${path} ended at once`));
    } else {
      failures = 0;
    }
  }
}

/** How one watch stream ended, and the latest resourceVersion it reached. */
interface StreamEnd {
  resourceVersion?: string;
  /** 410: the resourceVersion is too old; re-list. */
  gone: boolean;
  failure?: unknown;
  /** It delivered events or bookmarks, or lasted a while: reconnecting at once is fine. */
  healthy: boolean;
}

/** One watch request, from `resourceVersion` until the server ends it, it fails, or the caller aborts. */
async function streamOnce(
  conn: ClusterConnection,
  source: ResourceType,
  path: string,
  opts: WatchKindOptions,
  from: string | undefined,
): Promise<StreamEnd> {
  const end: StreamEnd = { resourceVersion: from, gone: false, healthy: false };
  // Aborted on an ERROR event too: the server ends such a stream anyway, and we must not wait for it.
  const stream = new AbortController();
  const stopWaiting = whenAborted(opts.signal, () => stream.abort());
  const started = Date.now();
  const onWatchEvent = (e: WatchEvent) => {
    if (e.type === 'ERROR') {
      const status = e.object as unknown as { code?: number; reason?: string; message?: string };
      if (status.code === 410) end.gone = true;
      else end.failure = new KubeRequestError({ cluster: conn.name, path, failure: 'http', status: status.code, reason: status.reason, detail: status.message });
      stream.abort();
      return;
    }
    end.healthy = true;
    const next = e.object?.metadata?.resourceVersion;
    if (typeof next === 'string' && next) end.resourceVersion = next;
    if (e.type === 'BOOKMARK') {
      if (typeof next === 'string' && next) opts.onBookmark?.(next);
      return;
    }
    if (!CHANGE_TYPES.has(e.type)) return;
    const object = withKindFields(e.object, source);
    opts.onEvent({ type: e.type as KindChange['type'], object: opts.transform ? opts.transform(object) : object });
  };
  try {
    await conn.watch(
      path,
      {
        watch: '1',
        allowWatchBookmarks: 'true',
        resourceVersion: from,
        fieldSelector: opts.fieldSelector || undefined,
        labelSelector: opts.labelSelector || undefined,
        // Spread reconnects of many watches over time, as client-go does (5 to 10 minutes).
        timeoutSeconds: String(300 + Math.floor(Math.random() * 300)),
      },
      onWatchEvent,
      { signal: stream.signal },
    );
  } catch (err) {
    if (isExpired(err)) end.gone = true;
    else end.failure = err;
  } finally {
    stopWaiting();
  }
  if (Date.now() - started >= MIN_HEALTHY_STREAM_MS) end.healthy = true;
  return end;
}
