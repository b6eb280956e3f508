/**
 * Crossplane field paths (`spec.forProvider.tags[team.example.org/owner]`, `spec.items[0].name`):
 * dot-separated keys, with brackets for keys that contain dots and for array indexes.
 */
export function parseFieldPath(path: string): Array<string | number> {
  const segments: Array<string | number> = [];
  const re = /([^.[\]]+)|\[([^\]]*)\]/g;
  for (const m of path.matchAll(re)) {
    if (m[1] !== undefined) segments.push(m[1]);
    else segments.push(/^\d+$/.test(m[2]) ? Number(m[2]) : m[2]);
  }
  return segments;
}

export function getField(obj: unknown, path: string): unknown {
  let current: unknown = obj;
  for (const segment of parseFieldPath(path)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** Sets a value, creating the objects and arrays on the way (as Crossplane's patches do). */
export function setField(obj: Record<string, unknown>, path: string, value: unknown): void {
  const segments = parseFieldPath(path);
  let current: Record<string | number, unknown> = obj;
  segments.forEach((segment, i) => {
    if (i === segments.length - 1) {
      current[segment] = structuredClone(value);
      return;
    }
    const next = current[segment];
    if (next === null || typeof next !== 'object') current[segment] = typeof segments[i + 1] === 'number' ? [] : {};
    current = current[segment] as Record<string | number, unknown>;
  });
}
