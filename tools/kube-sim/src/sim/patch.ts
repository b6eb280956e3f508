import { applyPatch, type Operation } from 'fast-json-patch';
import { parse as parseYaml } from 'yaml';
import { ApiError, badRequest } from '../api/errors';

export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

const CONTENT_TYPES: Record<string, PatchType> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
  'application/apply-patch+yaml': 'apply',
};

export function patchTypeOf(contentType: string | undefined): PatchType {
  const base = (contentType ?? '').split(';')[0].trim().toLowerCase();
  const type = CONTENT_TYPES[base];
  if (!type) {
    throw new ApiError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${Object.keys(CONTENT_TYPES).join(', ')}`);
  }
  return type;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isObject(v: unknown): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** RFC 7386 JSON merge patch: objects merge recursively, null deletes, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const out: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

// Lists that Kubernetes merges by a key under strategic merge patch, by their field name.
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  ports: 'containerPort',
  imagePullSecrets: 'name',
  conditions: 'type',
  ownerReferences: 'uid',
  tolerations: 'key',
};

/**
 * Strategic merge patch for the built-in kinds: like a merge patch, but lists with a known merge key
 * merge element by element, honouring `$patch: delete`, `$setElementOrder/<field>` and
 * `$deleteFromPrimitiveList/<field>`, the directives `kubectl apply` sends.
 */
export function strategicMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  if (patch.$patch === 'replace') {
    const { $patch: _ignored, ...rest } = patch;
    return rest;
  }
  const out: Record<string, unknown> = isObject(target) ? { ...target } : {};
  const orders: Record<string, Json[]> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$setElementOrder/')) {
      orders[k.slice('$setElementOrder/'.length)] = v as Json[];
    } else if (k.startsWith('$deleteFromPrimitiveList/')) {
      const field = k.slice('$deleteFromPrimitiveList/'.length);
      const drop = new Set((v as Json[]).map(x => JSON.stringify(x)));
      const cur = out[field];
      if (Array.isArray(cur)) out[field] = cur.filter(x => !drop.has(JSON.stringify(x)));
    } else if (k.startsWith('$')) {
      // Other directives ($retainKeys) only narrow what is kept; merging without them is a superset.
    } else if (v === null) {
      delete out[k];
    } else if (Array.isArray(v) && MERGE_KEYS[k] && Array.isArray(out[k])) {
      out[k] = mergeList(out[k] as unknown[], v, MERGE_KEYS[k]);
    } else {
      out[k] = isObject(v) ? strategicMergePatch(out[k], v) : v;
    }
  }
  for (const [field, order] of Object.entries(orders)) {
    const list = out[field];
    const key = MERGE_KEYS[field];
    if (!Array.isArray(list) || !key) continue;
    const rank = new Map(order.map((o, i) => [JSON.stringify(isObject(o) ? o[key] : o), i]));
    out[field] = [...list].sort((a, b) => {
      const ka = rank.get(JSON.stringify(isObject(a) ? a[key] : a)) ?? order.length;
      const kb = rank.get(JSON.stringify(isObject(b) ? b[key] : b)) ?? order.length;
      return ka - kb;
    });
  }
  return out;
}

function mergeList(current: unknown[], patch: Json[], key: string): unknown[] {
  const out = [...current];
  for (const item of patch) {
    if (!isObject(item)) return patch;
    const idx = out.findIndex(o => isObject(o) && o[key] === item[key]);
    if (item.$patch === 'delete') {
      if (idx >= 0) out.splice(idx, 1);
    } else if (idx >= 0) {
      out[idx] = strategicMergePatch(out[idx], item);
    } else {
      out.push(strategicMergePatch({}, item));
    }
  }
  return out;
}

/** Parses a request body for a PATCH and applies it to `current`; throws 400/422 on bad patches. */
export function applyPatchBody(type: PatchType, current: unknown, body: string): unknown {
  let parsed: unknown;
  try {
    parsed = type === 'apply' ? parseYaml(body) : JSON.parse(body);
  } catch (e) {
    throw badRequest(`error decoding patch: ${(e as Error).message}`);
  }
  switch (type) {
    case 'json': {
      if (!Array.isArray(parsed)) throw badRequest('json patch must be an array of operations');
      try {
        return applyPatch(structuredClone(current), parsed as Operation[], true, false).newDocument;
      } catch (e) {
        throw new ApiError(422, 'Invalid', `the server rejected our request due to an error in our request: ${(e as Error).message.split('\n')[0]}`);
      }
    }
    case 'merge':
    case 'apply':
      return mergePatch(current, parsed);
    case 'strategic':
      return strategicMergePatch(current, parsed);
    default:
      throw badRequest(`unsupported patch type ${String(type)}`);
  }
}
