import { ApiError } from '../api/errors';
import type { StoreEvent } from '../store/eventLog';
import { resourceKey } from '../store/keys';
import type { KubeObject, ResourceType } from '../types';
import type { SimCluster } from './cluster';
import { compileQuery } from './query';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export interface WatchEvent {
  type: WatchEventType;
  object: KubeObject | Record<string, unknown>;
}

export interface WatchParams {
  resourceVersion?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

/**
 * Starts a watch: replays history after `resourceVersion` (or synthetic ADDED events for the current
 * state when it is unset or "0"), then follows live changes. Selector errors throw before anything
 * is sent; a resourceVersion older than the history yields a single 410 ERROR event, as on a real
 * server. Returns the function that stops it.
 */
export function startWatch(
  cluster: SimCluster,
  type: ResourceType,
  namespace: string | undefined,
  params: WatchParams,
  send: (event: WatchEvent) => void,
): () => void {
  const query = compileQuery(type, namespace, params.labelSelector, params.fieldSelector);
  const resource = resourceKey(type.group, type.name);
  const store = cluster.store;
  const inScope = (key: string) => query.namespace === undefined || key.startsWith(`${query.namespace}/`);
  const rvParam = params.resourceVersion;

  if (rvParam && rvParam !== '0') {
    const rv = Number(rvParam);
    if (!Number.isInteger(rv) || rv < 0) throw new ApiError(400, 'BadRequest', `invalid resource version: ${rvParam}`);
    if (!store.log.covers(rv)) {
      send({ type: 'ERROR', object: tooOld(rvParam, store.log.compactedRv + 1) });
      return () => undefined;
    }
    for (const e of store.log.since(rv, resource)) deliver(e);
  } else if (!query.empty) {
    const prefix = query.namespace !== undefined ? `${query.namespace}/` : undefined;
    for (const obj of store.scan(resource, { prefix, match: query.match }).items) {
      send({ type: 'ADDED', object: cluster.project(type, obj) });
    }
  }

  function deliver(e: StoreEvent): void {
    if (e.resource !== resource || query.empty || !inScope(e.key)) return;
    const was = e.prev !== undefined && query.match(e.prev);
    const is = e.type !== 'DELETED' && query.match(e.object);
    // A change that moves an object into or out of the selector is an ADDED or DELETED for this watch.
    let eventType: WatchEventType | undefined;
    if (e.type === 'DELETED') eventType = was ? 'DELETED' : undefined;
    else if (was && is) eventType = 'MODIFIED';
    else if (is) eventType = 'ADDED';
    else if (was) eventType = 'DELETED';
    if (eventType) send({ type: eventType, object: cluster.project(type, e.object) });
  }
  return store.subscribe(deliver);
}

function tooOld(rv: string, oldest: number): Record<string, unknown> {
  return new ApiError(410, 'Expired', `too old resource version: ${rv} (${oldest})`).toStatus() as unknown as Record<string, unknown>;
}

/** A BOOKMARK event: only the kind and the resourceVersion the watch has reached. */
export function bookmark(cluster: SimCluster, type: ResourceType): WatchEvent {
  const apiVersion = type.group ? `${type.group}/${type.version}` : type.version;
  return { type: 'BOOKMARK', object: { kind: type.kind, apiVersion, metadata: { resourceVersion: String(cluster.store.rv) } } };
}
