import type { IncomingMessage, ServerResponse } from 'node:http';
import { bookmark, startWatch, type WatchEvent } from '../sim/watch';
import type { KubeObject } from '../types';
import type { HandlerDeps } from './handler';
import { partialObjectMetadata } from './metadataOnly';
import { tableForObject, type TableRequest } from './negotiate';
import { isTruthy, type ResourceRoute } from './route';

/** How to end each open watch, so that stopping the server (or a test) can end them all. */
export type WatchRegistry = Set<() => void>;

// A real server ends a watch after a random 30-60 minutes; tests pass timeoutSeconds.
const DEFAULT_TIMEOUT_SECONDS = 1800;

/** Streams watch events as newline-delimited JSON over a chunked response. */
export function streamWatch(
  deps: HandlerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  route: ResourceRoute,
  query: URLSearchParams,
  table: TableRequest | undefined,
  metadataOnly = false,
): void {
  const { cluster } = deps;
  const { type, namespace } = route;
  const encode = (e: WatchEvent): string => {
    const isObject = e.type === 'ADDED' || e.type === 'MODIFIED' || e.type === 'DELETED';
    let object: unknown = e.object;
    if (table && isObject) object = tableForObject(type, e.object as KubeObject, table);
    // Bookmarks are converted too, as a real server does; ERROR events stay a Status.
    else if (metadataOnly && e.type !== 'ERROR') object = partialObjectMetadata(e.object as KubeObject);
    return `${JSON.stringify({ type: e.type, object })}\n`;
  };
  const buffered: WatchEvent[] = [];
  let started = false;
  const send = (e: WatchEvent) => {
    if (!started) buffered.push(e);
    else if (!res.writableEnded) res.write(encode(e));
  };
  // Selector errors throw here, before any header is sent, so they become a plain 400 Status.
  const stop = startWatch(cluster, type, namespace, {
    resourceVersion: query.get('resourceVersion') ?? undefined,
    labelSelector: query.get('labelSelector') ?? undefined,
    fieldSelector: query.get('fieldSelector') ?? undefined,
  }, send);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  res.flushHeaders();
  started = true;
  for (const e of buffered) res.write(encode(e));

  const timers: NodeJS.Timeout[] = [];
  const finish = () => {
    stop();
    timers.forEach(t => clearTimeout(t));
    deps.watches.delete(finish);
    if (!res.writableEnded) res.end();
  };
  deps.watches.add(finish);
  if (buffered.some(e => e.type === 'ERROR')) {
    finish();
    return;
  }
  if (isTruthy(query.get('allowWatchBookmarks'))) {
    const interval = setInterval(() => send(bookmark(cluster, type)), deps.bookmarkIntervalMs);
    timers.push(interval);
  }
  const timeoutParam = Number(query.get('timeoutSeconds') ?? '');
  const timeout = Number.isFinite(timeoutParam) && timeoutParam > 0 ? timeoutParam : DEFAULT_TIMEOUT_SECONDS;
  timers.push(setTimeout(finish, timeout * 1000));
  req.on('close', finish);
  res.on('close', finish);
}
