/**
 * The generated value for a form field, found by its rjsf id (`root_<key>_<key>_<index>…`). Keys may
 * themselves hold `_`, so each level takes the longest key of the values at that level that the rest of
 * the id starts with.
 */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function valueAtId(values: Record<string, unknown>, id: string): unknown {
  if (!id.startsWith('root_')) return undefined;
  let rest = id.slice('root_'.length);
  let node: unknown = values;
  while (rest) {
    if (Array.isArray(node)) {
      const m = /^(\d+)(?:_|$)/.exec(rest);
      if (!m) return undefined;
      node = node[Number(m[1])];
      rest = rest.slice(m[0].length);
      continue;
    }
    if (!isRecord(node)) return undefined;
    const remaining = rest;
    const key = Object.keys(node)
      .filter(k => remaining === k || remaining.startsWith(`${k}_`))
      .sort((a, b) => b.length - a.length)[0];
    if (key === undefined) return undefined;
    node = node[key];
    rest = rest.slice(key.length + 1);
  }
  return node;
}

/** The text a user would type for `value`, or undefined when it is not a single field's value. */
export function typedText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return undefined;
}
