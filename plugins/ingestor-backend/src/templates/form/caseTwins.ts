/**
 * The catalog indexes every entity under its lower-cased key paths (arrays flattened) and refuses to
 * store one where two paths differ only in letter case: the Template would never appear. Published
 * schemas do hold such twins (Prometheus Operator's `proxyURL` beside the deprecated `proxyUrl`), so
 * the form keeps the first of them and leaves the other out, with a warning.
 *
 * Paths are tracked as a tree keyed by lower-cased key (each node remembering the key as first written),
 * so a walk costs one short lower-casing per key rather than one per full path.
 */
import type { FormSchema } from './types';

type Json = unknown;

interface PathNode {
  /** The key as first seen at this place. */
  key: string;
  children?: Map<string, PathNode>;
}

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The node for `key` under `parent`, or undefined when the key is a case twin of one seen there first. */
function enter(parent: PathNode, key: string): PathNode | undefined {
  parent.children ??= new Map();
  const lower = key.toLowerCase();
  const found = parent.children.get(lower);
  if (!found) {
    const node = { key };
    parent.children.set(lower, node);
    return node;
  }
  return found.key === key ? found : undefined;
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
  const dropped: string[] = [];
  const visit = (value: Json, node: PathNode, path: () => string): Json => {
    if (Array.isArray(value)) {
      let changed = false;
      const items = value.map(item => {
        const next = visit(item, node, path);
        changed ||= next !== item;
        return next;
      });
      return changed ? items : value;
    }
    if (!isObject(value)) return value;
    let changed = false;
    const out: Record<string, Json> = {};
    for (const [key, child] of Object.entries(value)) {
      const at = () => `${path()}.${key}`;
      const inner = enter(node, key);
      if (!inner) {
        dropped.push(at());
        changed = true;
        continue;
      }
      const next = visit(child, inner, at);
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
  const root = { key: '' };
  const parameters = enter(enter(root, 'spec')!, 'parameters')!;
  const result = visit(pages, parameters, () => 'spec.parameters') as FormSchema[];
  return { pages: result, dropped };
}

/** Key paths in `value` that differ only in letter case from an earlier one, as the catalog sees them. */
export function caseTwinPaths(value: Json): string[] {
  const twins: string[] = [];
  const visit = (current: Json, node: PathNode, path: string) => {
    if (Array.isArray(current)) {
      for (const item of current) visit(item, node, path);
      return;
    }
    if (!isObject(current)) return;
    for (const [key, child] of Object.entries(current)) {
      const at = path ? `${path}.${key}` : key;
      const inner = enter(node, key);
      if (inner) visit(child, inner, at);
      else twins.push(at);
    }
  };
  visit(value, { key: '' }, '');
  return twins;
}
