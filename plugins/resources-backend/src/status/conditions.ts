import type { NodeCondition } from '@kube-platform/plugin-kubernetes-common';
import type { KubeObject } from '../cluster/types';

const CONDITION_STATUSES = new Set(['True', 'False', 'Unknown']);
/** Cluster-written text is capped so one object cannot bloat a tree of hundreds of nodes. */
const MAX_TEXT = 2000;

function text(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;
}

/** The object's `status.conditions`, keeping only well-formed entries (the rest is cluster noise). */
export function readConditions(obj: KubeObject): NodeCondition[] {
  const raw = obj.status?.conditions;
  if (!Array.isArray(raw)) return [];
  const out: NodeCondition[] = [];
  for (const c of raw) {
    if (!c || typeof c !== 'object') continue;
    const { type, status, reason, message, lastTransitionTime } = c as Record<string, unknown>;
    if (typeof type !== 'string' || typeof status !== 'string' || !CONDITION_STATUSES.has(status)) continue;
    out.push({
      type,
      status: status as NodeCondition['status'],
      ...(text(reason) ? { reason: text(reason) } : {}),
      ...(text(message) ? { message: text(message) } : {}),
      ...(text(lastTransitionTime) ? { lastTransitionTime: text(lastTransitionTime) } : {}),
    });
  }
  return out;
}

/** The condition of that type, if the object reports one. */
export function findCondition(conditions: NodeCondition[], type: string): NodeCondition | undefined {
  return conditions.find(c => c.type === type);
}

export { text as clusterText };
