import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { ApiError, alreadyExists, badRequest, conflict, notFound } from '../api/errors';
import { ResourceRegistry } from '../api/registry';
import { ObjectStore } from '../store/store';
import { objectKey, resourceKey } from '../store/keys';
import type { KubeObject, ResourceType } from '../types';
import { startGarbageCollector } from './gc';
import { lifecycleFor, type Lifecycle } from './lifecycle';
import { applyPatchBody, type PatchType } from './patch';
import { kubeTimestamp } from './time';
import { validateName } from './validation';

export interface WriteOptions {
  /** Validate and return the result without storing it (`dryRun=All`). */
  dryRun?: boolean;
  /** Keep `status` as given even where a status subresource exists (seeding stands in for controllers). */
  keepStatus?: boolean;
  /** Keep a uid given in the body (seeding, so that fixtures' ownerReferences resolve). */
  keepUid?: boolean;
}

export interface ClusterOptions {
  eventLogSize?: number;
  now?: () => Date;
}

/**
 * One simulated cluster: the semantics of the API server's REST verbs over an in-memory store,
 * independent of HTTP so that tests and the seeding code can use them directly.
 */
export class SimCluster {
  readonly store: ObjectStore;
  readonly registry = new ResourceRegistry();
  readonly now: () => Date;

  constructor(opts: ClusterOptions = {}) {
    this.store = new ObjectStore(opts.eventLogSize);
    this.now = opts.now ?? (() => new Date());
    startGarbageCollector(this);
  }

  /** The served type for a group/version/plural, or a 404 like the real server's. */
  type(group: string, version: string, plural: string): ResourceType {
    const t = this.registry.lookup(group, version, plural);
    if (!t) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
    return t;
  }

  get(type: ResourceType, namespace: string | undefined, name: string): KubeObject {
    const obj = this.store.get(resourceKey(type.group, type.name), objectKey(this.ns(type, namespace), name));
    if (!obj) throw notFound(type.group, type.name, name);
    return this.project(type, obj);
  }

  /** The stored form, for callers that need no version conversion. */
  peek(type: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.store.get(resourceKey(type.group, type.name), objectKey(this.ns(type, namespace), name));
  }

  create(type: ResourceType, namespace: string | undefined, body: KubeObject, opts: WriteOptions = {}): KubeObject {
    const obj = this.checkBody(type, namespace, body);
    const meta = { ...obj.metadata };
    if (!meta.name && meta.generateName) meta.name = `${meta.generateName}${randomSuffix()}`;
    const draft: KubeObject = { ...obj, metadata: meta };
    validateName(type, draft);
    const ns = this.ns(type, meta.namespace);
    if (ns !== undefined) this.requireNamespace(ns);
    const key = objectKey(ns, meta.name!);
    const resource = resourceKey(type.group, type.name);
    if (this.store.get(resource, key)) throw alreadyExists(type.group, type.name, meta.name!);
    const created: KubeObject = {
      ...draft,
      apiVersion: apiVersionOf(type),
      kind: type.kind,
      metadata: {
        ...meta,
        ...(ns !== undefined ? { namespace: ns } : {}),
        uid: opts.keepUid && meta.uid ? meta.uid : randomUUID(),
        creationTimestamp: kubeTimestamp(this.now()),
        ...(hasGeneration(type, draft) ? { generation: 1 } : {}),
      },
    };
    delete created.metadata.resourceVersion;
    delete created.metadata.deletionTimestamp;
    if (type.statusSubresource && !opts.keepStatus) delete created.status;
    const hooks = this.hooks(type);
    const final = hooks?.prepare ? hooks.prepare(created, undefined, this) : created;
    hooks?.validate?.(final, this);
    if (opts.dryRun) return this.project(type, final);
    const stored = this.store.put(resource, key, final);
    hooks?.afterWrite?.(stored, this);
    return this.project(type, stored);
  }

  /** PUT: replaces the object, or only its status when `subresource` is `status`. */
  update(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    body: KubeObject,
    opts: WriteOptions & { subresource?: 'status' } = {},
  ): KubeObject {
    const obj = this.checkBody(type, namespace, body);
    if (obj.metadata.name !== name) {
      throw badRequest(`the name of the object (${obj.metadata.name}) does not match the name on the URL (${name})`);
    }
    const resource = resourceKey(type.group, type.name);
    const key = objectKey(this.ns(type, namespace), name);
    const current = this.store.get(resource, key);
    if (!current) throw notFound(type.group, type.name, name);
    const rv = obj.metadata.resourceVersion;
    if (rv && rv !== current.metadata.resourceVersion) throw conflict(type.group, type.name, name);
    return this.replace(type, current, obj, opts);
  }

  patch(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    patchType: PatchType,
    body: string,
    opts: WriteOptions & { subresource?: 'status' } = {},
  ): KubeObject {
    const resource = resourceKey(type.group, type.name);
    const key = objectKey(this.ns(type, namespace), name);
    const current = this.store.get(resource, key);
    if (!current) {
      if (patchType !== 'apply') throw notFound(type.group, type.name, name);
      // Server-side apply creates what does not exist yet.
      const desired = applyPatchBody('apply', {}, body) as KubeObject;
      return this.create(type, namespace, desired, opts);
    }
    const patched = applyPatchBody(patchType, this.project(type, current), body) as KubeObject;
    if (!patched || typeof patched !== 'object' || typeof patched.metadata !== 'object' || patched.metadata === null) {
      throw new ApiError(422, 'Invalid', `${type.kind} "${name}" is invalid: metadata: Required value`);
    }
    const rv = patched.metadata.resourceVersion;
    if (rv && rv !== current.metadata.resourceVersion) throw conflict(type.group, type.name, name);
    if (patched.metadata.name !== name) throw badRequest('metadata.name: the name of a patched object cannot change');
    return this.replace(type, current, this.checkBody(type, namespace, patched), opts);
  }

  delete(type: ResourceType, namespace: string | undefined, name: string, opts: WriteOptions = {}): KubeObject {
    const resource = resourceKey(type.group, type.name);
    const key = objectKey(this.ns(type, namespace), name);
    const current = this.store.get(resource, key);
    if (!current) throw notFound(type.group, type.name, name);
    if (opts.dryRun) return this.project(type, current);
    if (current.metadata.finalizers?.length) {
      // Finalizers keep the object until whoever owns them removes them, as on a real server.
      if (current.metadata.deletionTimestamp) return this.project(type, current);
      const marked = this.store.put(resource, key, {
        ...current,
        metadata: { ...current.metadata, deletionTimestamp: kubeTimestamp(this.now()), deletionGracePeriodSeconds: 0 },
      });
      return this.project(type, marked);
    }
    this.hooks(type)?.beforeDelete?.(current, this);
    const gone = this.store.remove(resource, key)!;
    return this.project(type, gone);
  }

  /** Create or update, keeping status as given: how seeding and the test API stand in for controllers. */
  apply(obj: KubeObject): KubeObject {
    if (!obj || typeof obj !== 'object' || !obj.apiVersion || !obj.kind || !obj.metadata?.name) {
      throw badRequest('object must have apiVersion, kind and metadata.name');
    }
    const type = this.registry.byKind(obj.apiVersion, obj.kind);
    if (!type) throw badRequest(`no matches for kind "${obj.kind}" in version "${obj.apiVersion}"`);
    const current = this.peek(type, obj.metadata.namespace, obj.metadata.name);
    if (!current) return this.create(type, obj.metadata.namespace, obj, { keepStatus: true, keepUid: true });
    return this.replace(type, current, { ...obj, metadata: { ...obj.metadata, resourceVersion: undefined } }, { keepStatus: true });
  }

  /** Removes an object bypassing finalizers and hooks' vetoes: used by cascades (namespace, CRD, GC). */
  purge(resource: string, key: string): void {
    const type = this.typeOfResource(resource);
    const current = this.store.get(resource, key);
    if (!current) return;
    if (type) this.hooks(type)?.beforeDelete?.(current, this);
    this.store.remove(resource, key);
  }

  typeOfResource(resource: string): ResourceType | undefined {
    const slash = resource.indexOf('/');
    return this.registry.storageType(resource.slice(0, slash), resource.slice(slash + 1));
  }

  /** The object as a client of `type`'s version sees it. */
  project(type: ResourceType, obj: KubeObject): KubeObject {
    const apiVersion = apiVersionOf(type);
    return obj.apiVersion === apiVersion && obj.kind === type.kind ? obj : { ...obj, apiVersion, kind: type.kind };
  }

  private replace(type: ResourceType, current: KubeObject, obj: KubeObject, opts: WriteOptions & { subresource?: 'status' }): KubeObject {
    const resource = resourceKey(type.group, type.name);
    const key = objectKey(current.metadata.namespace, current.metadata.name!);
    let next: KubeObject;
    if (opts.subresource === 'status') {
      if (!type.statusSubresource) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
      next = { ...current, status: obj.status };
    } else {
      next = {
        ...obj,
        apiVersion: current.apiVersion,
        kind: type.kind,
        metadata: {
          ...obj.metadata,
          name: current.metadata.name,
          namespace: current.metadata.namespace,
          uid: current.metadata.uid,
          creationTimestamp: current.metadata.creationTimestamp,
          deletionTimestamp: current.metadata.deletionTimestamp,
          generation: current.metadata.generation,
        },
      };
      if (next.metadata.deletionTimestamp === undefined) delete next.metadata.deletionTimestamp;
      if (next.metadata.generation === undefined) delete next.metadata.generation;
      if (type.statusSubresource && !opts.keepStatus) {
        if (current.status === undefined) delete next.status;
        else next.status = current.status;
      }
      if (next.metadata.generation !== undefined && specOf(next) !== specOf(current)) {
        next.metadata.generation = (current.metadata.generation ?? 0) + 1;
      }
    }
    const hooks = this.hooks(type);
    if (hooks?.prepare) next = hooks.prepare(next, current, this);
    hooks?.validate?.(next, this);
    if (opts.dryRun) return this.project(type, next);
    if (next.metadata.deletionTimestamp && !next.metadata.finalizers?.length) {
      // The last finalizer is gone: the pending deletion completes now.
      hooks?.beforeDelete?.(next, this);
      return this.project(type, this.store.remove(resource, key)!);
    }
    // A write that changes nothing is not stored, as on a real server: no new resourceVersion, no event.
    if (isDeepStrictEqual(withoutVersion(next), withoutVersion(current))) return this.project(type, current);
    const stored = this.store.put(resource, key, next);
    hooks?.afterWrite?.(stored, this);
    return this.project(type, stored);
  }

  private checkBody(type: ResourceType, namespace: string | undefined, body: KubeObject): KubeObject {
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('the request body must be a JSON object');
    const expected = apiVersionOf(type);
    if ((body.apiVersion && body.apiVersion !== expected && !this.isSiblingVersion(type, body.apiVersion)) || (body.kind && body.kind !== type.kind)) {
      throw badRequest(`the API version in the data (${body.apiVersion}) does not match the expected API version (${expected}) or kind (${body.kind})`);
    }
    const metadata = body.metadata && typeof body.metadata === 'object' ? body.metadata : {};
    if (type.namespaced && namespace && metadata.namespace && metadata.namespace !== namespace) {
      throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    const ns = type.namespaced ? namespace ?? metadata.namespace : undefined;
    const out: KubeObject = { ...body, metadata: { ...metadata } };
    if (ns) out.metadata.namespace = ns;
    else delete out.metadata.namespace;
    return out;
  }

  private isSiblingVersion(type: ResourceType, apiVersion: string): boolean {
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion];
    return group === type.group && this.registry.lookup(group, version, type.name) !== undefined;
  }

  private requireNamespace(ns: string): void {
    const nsObj = this.store.get(resourceKey('', 'namespaces'), ns);
    if (!nsObj) throw notFound('', 'namespaces', ns);
    if (nsObj.metadata.deletionTimestamp) {
      throw new ApiError(403, 'Forbidden', `unable to create new content in namespace ${ns} because it is being terminated`);
    }
  }

  private ns(type: ResourceType, namespace: string | undefined): string | undefined {
    return type.namespaced ? namespace || 'default' : undefined;
  }

  private hooks(type: ResourceType): Lifecycle | undefined {
    return lifecycleFor(type);
  }
}

export function apiVersionOf(type: ResourceType): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}

function hasGeneration(type: ResourceType, obj: KubeObject): boolean {
  return type.custom || obj.spec !== undefined;
}

/** Everything but metadata and status: what a change to bumps `generation`. */
function specOf(obj: KubeObject): string {
  const { metadata: _m, status: _s, ...rest } = obj;
  return JSON.stringify(rest);
}

function withoutVersion(obj: KubeObject): KubeObject {
  const { resourceVersion: _rv, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}

function randomSuffix(): string {
  const chars = 'bcdfghjklmnpqrstvwxz2456789';
  let out = '';
  for (let i = 0; i < 5; i++) out += chars[Math.floor(Math.random() * chars.length)];
  return out;
}
