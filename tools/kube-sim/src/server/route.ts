import { ApiError } from '../api/errors';
import type { ResourceRegistry } from '../api/registry';
import type { ResourceType } from '../types';

/** A request for a resource, parsed from its URL path. */
export interface ResourceRoute {
  kind: 'resource';
  type: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
}

/** A discovery or other non-resource path. */
export interface InfoRoute {
  kind: 'info';
  path: string;
  group?: string;
  version?: string;
}

export type Route = ResourceRoute | InfoRoute;

const NOT_FOUND = () => new ApiError(404, 'NotFound', 'the server could not find the requested resource');

/**
 * Splits `/api/v1/...` and `/apis/<group>/<version>/...` into group, version, namespace, resource,
 * name and subresource, the way the real server's path layout works.
 */
export function parseRoute(path: string, registry: ResourceRegistry): Route {
  const segs = path.split('/').filter(Boolean).map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (segs[0] === 'api') {
    if (segs.length <= 1) return { kind: 'info', path: '/api' };
    [group, version, rest] = ['', segs[1], segs.slice(2)];
  } else if (segs[0] === 'apis') {
    if (segs.length <= 1) return { kind: 'info', path: '/apis' };
    if (segs.length === 2) return { kind: 'info', path: '/apis/group', group: segs[1] };
    [group, version, rest] = [segs[1], segs[2], segs.slice(3)];
  } else {
    return { kind: 'info', path };
  }
  if (rest.length === 0) return { kind: 'info', path: '/groupversion', group, version };

  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    const candidate = registry.lookup(group, version, rest[2]);
    if (candidate?.namespaced) {
      namespace = rest[1];
      rest = rest.slice(2);
    }
  }
  const type = registry.lookup(group, version, rest[0]);
  if (!type || rest.length > 3) throw NOT_FOUND();
  if (namespace === undefined && type.namespaced && rest.length > 1) throw NOT_FOUND();
  return { kind: 'resource', type, namespace, name: rest[1], subresource: rest[2] };
}

/** A boolean query parameter as the API server reads it (`watch=1`, `allowWatchBookmarks=true`). */
export function isTruthy(v: string | null): boolean {
  return v === '1' || v === 'true';
}
