/** A Kubernetes LabelSelector as found in workload specs (untrusted cluster data). */
interface LabelSelector {
  matchLabels?: Record<string, unknown>;
  matchExpressions?: Array<{ key?: unknown; operator?: unknown; values?: unknown }>;
}

/** Label keys and values are restricted by Kubernetes; anything else is not passed on to the server. */
const LABEL_KEY = /^([a-z0-9A-Z]([-a-z0-9A-Z.]*[a-z0-9A-Z])?\/)?[a-zA-Z0-9]([-a-zA-Z0-9_.]*[a-zA-Z0-9])?$/;
const LABEL_VALUE = /^([a-zA-Z0-9]([-a-zA-Z0-9_.]*[a-zA-Z0-9])?)?$/;

/**
 * A LabelSelector as a `labelSelector` query string, leaving out `omit` keys; undefined when the
 * selector is missing, empty, or holds anything a real API server would not have accepted.
 */
export function selectorString(value: unknown, omit: readonly string[] = []): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const sel = value as LabelSelector;
  const parts: string[] = [];
  for (const [key, v] of Object.entries(sel.matchLabels ?? {})) {
    if (omit.includes(key)) continue;
    if (!LABEL_KEY.test(key) || typeof v !== 'string' || !LABEL_VALUE.test(v)) return undefined;
    parts.push(`${key}=${v}`);
  }
  for (const e of Array.isArray(sel.matchExpressions) ? sel.matchExpressions : []) {
    if (typeof e.key !== 'string' || !LABEL_KEY.test(e.key)) return undefined;
    if (omit.includes(e.key)) continue;
    const values = Array.isArray(e.values) ? e.values : [];
    if (!values.every(v => typeof v === 'string' && LABEL_VALUE.test(v))) return undefined;
    switch (e.operator) {
      case 'In':
        parts.push(`${e.key} in (${values.join(',')})`);
        break;
      case 'NotIn':
        parts.push(`${e.key} notin (${values.join(',')})`);
        break;
      case 'Exists':
        parts.push(e.key);
        break;
      case 'DoesNotExist':
        parts.push(`!${e.key}`);
        break;
      default:
        return undefined;
    }
  }
  return parts.length ? parts.join(',') : undefined;
}

/** True when every label of a Service's `spec.selector` is set to the same value in `labels`. */
export function selectsLabels(selector: unknown, labels: Record<string, string> | undefined): boolean {
  if (!selector || typeof selector !== 'object' || !labels) return false;
  const entries = Object.entries(selector as Record<string, unknown>);
  return entries.length > 0 && entries.every(([k, v]) => labels[k] === v);
}
