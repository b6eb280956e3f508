import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiGroup, apiGroupList, apiResourceList, apiVersions, SERVER_VERSION } from '../api/discovery';
import { ApiError } from '../api/errors';
import { openApiV2Json, openApiV2Protobuf, openApiV3Index } from '../api/openapi';
import type { SimCluster } from '../sim/cluster';
import { expired, listObjects } from '../sim/list';
import { patchTypeOf } from '../sim/patch';
import { podLogBody } from '../sim/podLogs';
import type { KubeObject } from '../types';
import type { Authenticator } from './auth';
import type { FaultEffect, FaultInjector } from './faults';
import { metadataContentType, negotiateRepresentation, partialObjectMetadata, partialObjectMetadataList } from './metadataOnly';
import { negotiateTable, tableForList, tableForObject } from './negotiate';
import { faultError, parseJsonBody, readBody, sendError, sendJson } from './respond';
import { isTruthy, parseRoute, type ResourceRoute } from './route';
import { streamWatch, type WatchRegistry } from './watchStream';

export interface HandlerDeps {
  cluster: SimCluster;
  auth: Authenticator;
  faults: FaultInjector;
  watches: WatchRegistry;
  serverAddress: () => string;
  bookmarkIntervalMs: number;
  /** Called for every request, before faults and authentication: tests assert what clients asked. */
  onRequest?: (entry: RequestLogEntry) => void;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  query: Record<string, string>;
}

const PUBLIC_PATHS = new Set(['/version', '/healthz', '/livez', '/readyz']);


/** The API server: faults, authentication, authorisation, then discovery or a REST verb. */
export function createHandler(deps: HandlerDeps) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(deps, req, res).catch(err => {
      if (!res.headersSent) sendError(res, err);
      else res.destroy();
    });
  };
}

async function handle(deps: HandlerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sim');
  const method = (req.method ?? 'GET').toUpperCase();
  const isWatch = isTruthy(url.searchParams.get('watch'));
  deps.onRequest?.({ method, path: url.pathname, query: Object.fromEntries(url.searchParams) });
  const fault = deps.faults.effectFor(method, url.pathname, isWatch, url.searchParams.has('continue'));
  if (fault.hang) return; // The socket stays open until the client gives up or the server stops.
  if (fault.latencyMs > 0) await new Promise(r => setTimeout(r, fault.latencyMs));
  if (fault.status) {
    sendJson(res, fault.status, faultError(fault.status).toStatus());
    return;
  }
  const path = url.pathname.replace(/\/+$/, '') || '/';
  if (PUBLIC_PATHS.has(path)) {
    if (path === '/version') sendJson(res, 200, SERVER_VERSION);
    else res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
    return;
  }
  const user = deps.auth.authenticate(req.headers.authorization);
  const route = parseRoute(path, deps.cluster.registry);
  if (route.kind === 'info') {
    serveInfo(deps, req, res, route.path, route.group, route.version);
    return;
  }
  const verb = verbOf(method, route, isWatch);
  deps.auth.authorize(user, {
    verb,
    group: route.type.group,
    resource: route.type.name,
    subresource: route.subresource,
    namespace: route.namespace,
  });
  await serveResource(deps, req, res, url.searchParams, route, verb, fault);
}

function verbOf(method: string, route: ResourceRoute, isWatch: boolean): string {
  switch (method) {
    case 'GET':
      return route.name ? 'get' : isWatch ? 'watch' : 'list';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return route.name ? 'delete' : 'deletecollection';
    default:
      throw new ApiError(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource`);
  }
}

function serveInfo(deps: HandlerDeps, req: IncomingMessage, res: ServerResponse, path: string, group?: string, version?: string): void {
  const { registry } = deps.cluster;
  const found = (body: unknown) => {
    if (body === undefined) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
    sendJson(res, 200, body);
  };
  switch (path) {
    case '/api':
      return found(apiVersions(deps.serverAddress()));
    case '/apis':
      return found(apiGroupList(registry));
    case '/apis/group':
      return found(apiGroup(registry, group!));
    case '/groupversion':
      return found(apiResourceList(registry, group!, version!));
    case '/openapi/v2':
      if ((req.headers.accept ?? '').includes('protobuf')) {
        sendJson(res, 200, openApiV2Protobuf(), { contentType: 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf' });
        return;
      }
      return found(openApiV2Json());
    case '/openapi/v3':
      return found(openApiV3Index());
    default:
      return found(undefined);
  }
}

async function serveResource(
  deps: HandlerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams,
  route: ResourceRoute,
  verb: string,
  fault: FaultEffect,
): Promise<void> {
  const { cluster } = deps;
  const { type, namespace, name, subresource } = route;
  if (subresource === 'log' && verb === 'get' && type.name === 'pods' && !type.group) {
    const body = podLogBody(cluster.get(type, namespace, name!), Object.fromEntries(query));
    sendJson(res, 200, body, { contentType: 'text/plain', dropAfterBytes: fault.dropAfterBytes });
    return;
  }
  if (subresource && subresource !== 'status') throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
  const dryRun = query.get('dryRun') === 'All';
  const table = negotiateTable(req.headers.accept, query.get('includeObject'));
  const reply = (code: number, obj: KubeObject) =>
    sendJson(res, code, table ? tableForObject(type, obj, table) : obj, { dropAfterBytes: fault.dropAfterBytes });
  const opt = (k: string) => query.get(k) ?? undefined;

  // Reads may ask for metadata only (PartialObjectMetadata); a Table, when acceptable, wins as before.
  const shape = verb === 'list' ? 'list' : 'object';
  const metadataOnly = !table && (verb === 'get' || verb === 'list' || verb === 'watch') && negotiateRepresentation(req.headers.accept, shape) === 'metadata';

  switch (verb) {
    case 'get': {
      const obj = cluster.get(type, namespace, name!);
      if (!metadataOnly) return reply(200, obj);
      return sendJson(res, 200, partialObjectMetadata(obj), { contentType: metadataContentType('object'), dropAfterBytes: fault.dropAfterBytes });
    }
    case 'list': {
      if (fault.expireContinue && query.get('continue')) throw expired(cluster, type, '');
      const limit = query.get('limit');
      const result = listObjects(cluster, type, namespace, {
        labelSelector: opt('labelSelector'),
        fieldSelector: opt('fieldSelector'),
        limit: limit ? Number(limit) : undefined,
        continue: opt('continue'),
        resourceVersion: opt('resourceVersion'),
        resourceVersionMatch: opt('resourceVersionMatch'),
      });
      const meta = {
        resourceVersion: result.resourceVersion,
        ...(result.continue ? { continue: result.continue } : {}),
        ...(result.remainingItemCount !== undefined ? { remainingItemCount: result.remainingItemCount } : {}),
      };
      if (metadataOnly) {
        sendJson(res, 200, partialObjectMetadataList(result.items, meta), { contentType: metadataContentType('list'), dropAfterBytes: fault.dropAfterBytes });
        return;
      }
      const body = table
        ? tableForList(type, result.items, table, meta)
        : {
            kind: type.listKind,
            apiVersion: type.group ? `${type.group}/${type.version}` : type.version,
            metadata: meta,
            // A real server leaves apiVersion/kind off the items of built-in kinds; custom resources keep them.
            items: type.custom ? result.items : result.items.map(({ apiVersion: _a, kind: _k, ...rest }) => rest),
          };
      sendJson(res, 200, body, { dropAfterBytes: fault.dropAfterBytes });
      return;
    }
    case 'watch':
      streamWatch(deps, req, res, route, query, table, metadataOnly);
      return;
    case 'create': {
      const body = parseJsonBody<KubeObject>(await readBody(req));
      return reply(201, cluster.create(type, namespace, body, { dryRun }));
    }
    case 'update': {
      const body = parseJsonBody<KubeObject>(await readBody(req));
      const sub = subresource === 'status' ? 'status' : undefined;
      return reply(200, cluster.update(type, namespace, name!, body, { dryRun, subresource: sub }));
    }
    case 'patch': {
      const patchType = patchTypeOf(req.headers['content-type']);
      if (patchType === 'apply' && !query.get('fieldManager')) {
        throw new ApiError(400, 'BadRequest', 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch');
      }
      const sub = subresource === 'status' ? 'status' : undefined;
      const existed = cluster.peek(type, namespace, name!) !== undefined;
      const result = cluster.patch(type, namespace, name!, patchType, await readBody(req), { dryRun, subresource: sub });
      return reply(existed ? 200 : 201, result);
    }
    case 'delete':
      return reply(200, cluster.delete(type, namespace, name!, { dryRun }));
    case 'deletecollection': {
      const { items } = listObjects(cluster, type, namespace, { labelSelector: opt('labelSelector'), fieldSelector: opt('fieldSelector') });
      const deleted = items.map(o => cluster.delete(type, o.metadata.namespace, o.metadata.name!, { dryRun }));
      sendJson(res, 200, {
        kind: type.listKind,
        apiVersion: type.group ? `${type.group}/${type.version}` : type.version,
        metadata: { resourceVersion: String(cluster.store.rv) },
        items: deleted,
      });
      return;
    }
    default:
      throw new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
  }
}
