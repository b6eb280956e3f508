/**
 * The catalog indexes every entity under its lower-cased key paths (arrays flattened) and refuses to
 * store one where two paths differ only in letter case: the Template would never appear. Published
 * schemas do hold such twins (Prometheus Operator's `proxyURL` beside the deprecated `proxyUrl`), so
 * the form keeps the first of them and leaves the other to YAML outside the form, with a warning.
 */
import type { FormSchema } from './types';

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `node` without the dropped properties in its `required` and `ui:order`. */
function withoutNames(node: Record<string, Json>, dropped: Set<string>): Record<string, Json> {
  const out = { ...node };
  if (Array.isArray(out.required)) out.required = out.required.filter(k => !dropped.has(k as string));
  if (Array.isArray(out['ui:order'])) out['ui:order'] = out['ui:order'].filter(k => !dropped.has(k as string));
  return out;
}

/**
 * The pages (as `spec.parameters`) without case twins; `dropped` names each removed key path. Unchanged
 * parts are returned as they are, so a form without twins is the same object.
 */
export function withoutCaseTwins(pages: FormSchema[]): { pages: FormSchema[]; dropped: string[] } {
  const seen = new Map<string, string>();
  const dropped: string[] = [];
  const visit = (value: Json, path: string): Json => {
    if (Array.isArray(value)) {
      let changed = false;
      const items = value.map(item => {
        const next = visit(item, path);
        changed ||= next !== item;
        return next;
      });
      return changed ? items : value;
    }
    if (!isObject(value)) return value;
    let changed = false;
    const out: Record<string, Json> = {};
    for (const [key, child] of Object.entries(value)) {
      const at = `${path}.${key}`;
      const first = seen.get(at.toLowerCase());
      if (first !== undefined && first !== at) {
        dropped.push(at);
        changed = true;
        continue;
      }
      seen.set(at.toLowerCase(), at);
      const next = visit(child, at);
      changed ||= next !== child;
      out[key] = next;
    }
    if (!changed) return value;
    // A dropped property is also gone from its schema's `required` and `ui:order`.
    const before = value.properties;
    const after = out.properties;
    if (isObject(before) && isObject(after)) {
      const gone = new Set(Object.keys(before).filter(k => !(k in after)));
      if (gone.size) return withoutNames(out, gone);
    }
    return out;
  };
  const result = visit(pages, 'spec.parameters') as FormSchema[];
  return { pages: result, dropped };
}

/** Key paths below `path` in `value` that differ only in letter case from an earlier one, as the catalog sees them. */
export function caseTwinPaths(value: Json, path: string, seen = new Map<string, string>()): string[] {
  if (Array.isArray(value)) return value.flatMap(item => caseTwinPaths(item, path, seen));
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const at = path ? `${path}.${key}` : key;
    const first = seen.get(at.toLowerCase());
    if (first !== undefined && first !== at) return [at];
    seen.set(at.toLowerCase(), at);
    return caseTwinPaths(child, at, seen);
  });
}
