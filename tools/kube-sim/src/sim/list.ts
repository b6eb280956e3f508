import { ApiError } from '../api/errors';
import { resourceKey } from '../store/keys';
import type { KubeObject, ResourceType } from '../types';
import type { SimCluster } from './cluster';
import { decodeContinue, encodeContinue } from './continueToken';
import { compileQuery } from './query';

export interface ListParams {
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
  resourceVersion?: string;
  resourceVersionMatch?: string;
}

export interface ListResult {
  items: KubeObject[];
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
}

const EXPIRED_MESSAGE =
  'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.';

/** A list as the real server pages it: key order, a consistent snapshot across continue tokens. */
export function listObjects(cluster: SimCluster, type: ResourceType, namespace: string | undefined, params: ListParams): ListResult {
  const query = compileQuery(type, namespace, params.labelSelector, params.fieldSelector);
  const resource = resourceKey(type.group, type.name);
  const store = cluster.store;
  let atRv: number | undefined;
  let after: string | undefined;
  if (params.continue) {
    const token = decodeContinue(params.continue);
    if (!store.log.covers(token.rv)) throw expired(cluster, type, token.after);
    atRv = token.rv;
    after = token.after;
  } else if (params.resourceVersion && params.resourceVersionMatch === 'Exact') {
    const rv = Number(params.resourceVersion);
    if (!Number.isInteger(rv) || !store.log.covers(rv)) {
      throw new ApiError(410, 'Expired', `too old resource version: ${params.resourceVersion} (${store.log.compactedRv + 1})`);
    }
    atRv = rv;
  }
  const listRv = atRv ?? store.rv;
  if (query.empty) return { items: [], resourceVersion: String(listRv) };
  const limit = params.limit && params.limit > 0 ? params.limit : undefined;
  const result = store.scan(resource, {
    prefix: query.namespace !== undefined ? `${query.namespace}/` : undefined,
    after,
    atRv: atRv === store.rv ? undefined : atRv,
    limit,
    match: query.match,
  });
  return {
    items: result.items.map(o => cluster.project(type, o)),
    resourceVersion: String(listRv),
    continue: result.lastKey ? encodeContinue(listRv, result.lastKey) : undefined,
    remainingItemCount: result.lastKey && !query.filtered ? result.remaining : undefined,
  };
}

/** A 410 carrying an inconsistent continue token from the current state, as the real server sends. */
export function expired(cluster: SimCluster, _type: ResourceType, after: string): ApiError {
  return new ApiError(410, 'Expired', EXPIRED_MESSAGE, undefined, {
    continue: encodeContinue(cluster.store.rv, after),
  });
}
