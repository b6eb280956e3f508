/**
 * Narrowing helpers. Objects come from API servers and tests we do not control, so every read of a
 * field goes through these instead of trusting the `KubeObject` type.
 */

export type UnknownRecord = Record<string, unknown>;

export function asRecord(value: unknown): UnknownRecord | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as UnknownRecord)
    : undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Reads a nested field; `undefined` as soon as a step is not an object. */
export function pathOf(value: unknown, ...path: string[]): unknown {
  let current: unknown = value;
  for (const key of path) {
    const record = asRecord(current);
    if (!record) return undefined;
    current = record[key];
  }
  return current;
}

/**
 * Keeps messages readable when a hostile value (a 1 MB annotation, a 253-character name) is echoed in
 * a warning that ends up in logs.
 */
export function clip(value: string, max = 120): string {
  return value.length <= max ? value : `${value.slice(0, max)}…(${value.length} chars)`;
}

/** Code-unit comparison: `localeCompare` depends on the host's locale, and output must not. */
export function compareStrings(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

export function compareTuples(a: readonly string[], b: readonly string[]): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const order = compareStrings(a[i], b[i]);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}
