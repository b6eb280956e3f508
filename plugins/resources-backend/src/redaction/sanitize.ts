import type { KubeObject } from '../cluster/types';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

function isSecretManifest(value: Record<string, unknown>): boolean {
  return value.kind === 'Secret' && (value.apiVersion === 'v1' || value.apiVersion === undefined);
}

function scrub(value: unknown, depth: number): unknown {
  // Cluster objects nest a few levels (an Object's manifest inside its spec); deeper is not worth walking.
  if (depth > 64 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(v => scrub(v, depth + 1));
  const out: Record<string, unknown> = {};
  const record = value as Record<string, unknown>;
  const secret = isSecretManifest(record);
  // for...in rather than Object.entries: no pair arrays for every field of every object of a tree.
  for (const key in record) {
    if (!Object.prototype.hasOwnProperty.call(record, key) || key === 'managedFields') continue;
    if (secret && (key === 'data' || key === 'stringData')) continue;
    out[key] = scrub(record[key], depth + 1);
  }
  const annotations = (out.metadata as { annotations?: Record<string, unknown> } | undefined)?.annotations;
  if (annotations && typeof annotations === 'object' && LAST_APPLIED in annotations) {
    // kubectl copies the whole applied manifest here, a Secret's data included.
    const { [LAST_APPLIED]: _dropped, ...rest } = annotations;
    (out.metadata as Record<string, unknown>).annotations = rest;
  }
  return out;
}

/**
 * A copy of an object safe to keep and show: no managedFields, no last-applied-configuration, and no
 * Secret data or stringData anywhere inside it (a Secret itself, or a Secret manifest embedded in a
 * provider-kubernetes Object's spec or status).
 */
export function sanitizeObject(obj: KubeObject): KubeObject {
  return scrub(obj, 0) as KubeObject;
}

/** What a Secret node may show: which Secret it is, nothing of its content. */
export function secretIdentity(obj: KubeObject): KubeObject {
  const meta = obj.metadata ?? {};
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: meta.name,
      ...(meta.namespace ? { namespace: meta.namespace } : {}),
      ...(meta.creationTimestamp ? { creationTimestamp: meta.creationTimestamp } : {}),
    },
  };
}

/** True for a core Secret, whatever else the object claims to be. */
export function isSecret(obj: { apiVersion?: string; kind?: string }): boolean {
  return obj.kind === 'Secret' && (obj.apiVersion === 'v1' || obj.apiVersion === undefined);
}
