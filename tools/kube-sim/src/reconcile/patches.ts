import type { KubeObject } from '../types';
import { getField, setField } from './fieldPath';

type Json = Record<string, unknown>;

/**
 * The subset of function-patch-and-transform that the demo's Compositions use: FromCompositeFieldPath,
 * CombineFromComposite (string format), PatchSet, with map and string transforms. Patches towards the
 * composite (ToCompositeFieldPath) need a provider's observed state, so they are left out; so is a patch
 * whose source field is unset or whose transform is not supported (Crossplane would skip or fail it).
 */
export function applyPatches(composite: KubeObject, resource: Json, patches: Json[], patchSets: Map<string, Json[]>): void {
  for (const patch of patches) {
    if (patch.type === 'PatchSet') {
      applyPatches(composite, resource, patchSets.get(String(patch.patchSetName)) ?? [], patchSets);
      continue;
    }
    const value = sourceValue(composite, patch);
    if (value === undefined || typeof patch.toFieldPath !== 'string') continue;
    const transformed = transform(value, Array.isArray(patch.transforms) ? (patch.transforms as Json[]) : []);
    if (transformed !== undefined) setField(resource, patch.toFieldPath, transformed);
  }
}

function sourceValue(composite: KubeObject, patch: Json): unknown {
  const type = patch.type ?? 'FromCompositeFieldPath';
  if (type === 'FromCompositeFieldPath' && typeof patch.fromFieldPath === 'string') return getField(composite, patch.fromFieldPath);
  if (type === 'CombineFromComposite') {
    const combine = (patch.combine ?? {}) as Json;
    const variables = Array.isArray(combine.variables) ? (combine.variables as Json[]) : [];
    const values = variables.map(v => getField(composite, String(v.fromFieldPath)));
    if (values.some(v => v === undefined)) return undefined;
    const fmt = (combine.string as Json | undefined)?.fmt;
    return typeof fmt === 'string' ? format(fmt, values) : undefined;
  }
  return undefined;
}

function transform(value: unknown, transforms: Json[]): unknown {
  let current = value;
  for (const t of transforms) {
    if (t.type === 'map' && t.map && typeof t.map === 'object') {
      current = (t.map as Json)[String(current)];
    } else if (t.type === 'string') {
      const s = (t.string ?? {}) as Json;
      const kind = s.type ?? 'Format';
      if (kind === 'Format' && typeof s.fmt === 'string') current = format(s.fmt, [current]);
      else if (kind === 'Convert' && s.convert === 'ToUpper') current = String(current).toUpperCase();
      else if (kind === 'Convert' && s.convert === 'ToLower') current = String(current).toLowerCase();
      else return undefined;
    } else {
      return undefined;
    }
    if (current === undefined) return undefined;
  }
  return current;
}

// Go's fmt verbs as Compositions use them: %s, %d and %v print the value.
function format(fmt: string, values: unknown[]): string {
  let i = 0;
  return fmt.replace(/%[sdv]/g, () => String(values[i++]));
}
