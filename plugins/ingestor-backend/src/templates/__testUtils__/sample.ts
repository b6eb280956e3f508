/**
 * Test helper: a valid value for a JSON Schema node (a form node or a Kubernetes schema node), built
 * from defaults, enums, formats, patterns and bounds. Not product code: it only has to cover the
 * published schemas in the corpus, and says so loudly (throws) when it cannot.
 */
import { isRecord } from '../schema/types';

type Node = Record<string, unknown>;

/** Strings tried, in order, against a pattern; the first match wins. */
const PATTERN_CANDIDATES = [
  'a', 'abc', 'a1', '1', '10', 'a-b', 'a.b', 'example.com', 'A', 'Abc', 'abc123', '1Gi', '10m', '1s', '10%', '1h', 'us-east-1',
  'v1', '1.0.0', 'http://example.com', 'https://example.com', '10.0.0.0/16', '10.0.0.1', 'arn:aws:iam::123456789012:role/a',
  'a@b.co', '00:00', '0 0 * * *', 'Sun', 'a/b', '/a', 'a_b', 'ab:1', `sha256:${'a'.repeat(64)}`, 'GET', '1ms', '1d', '1m',
];

const FORMAT_SAMPLES: Record<string, string> = {
  'date-time': '2024-01-01T00:00:00Z', date: '2024-01-01', email: 'a@example.com', hostname: 'example.com',
  ipv4: '10.0.0.1', ipv6: '::1', uuid: '00000000-0000-0000-0000-000000000000', byte: 'YQ==', uri: 'https://example.com',
};

function fitsLength(value: string, s: Node): boolean {
  return value.length >= ((s.minLength as number) ?? 0) && value.length <= ((s.maxLength as number) ?? Infinity);
}

function sampleString(s: Node, at: string): string {
  const format = typeof s.format === 'string' ? FORMAT_SAMPLES[s.format] : undefined;
  if (format) return format;
  const min = typeof s.minLength === 'number' ? s.minLength : 1;
  if (typeof s.pattern !== 'string') return 'a'.repeat(Math.max(1, min));
  const re = new RegExp(s.pattern, 'u');
  const base = PATTERN_CANDIDATES.find(c => re.test(c) && fitsLength(c, s));
  if (base) return base;
  const padded = PATTERN_CANDIDATES.map(c => c.repeat(Math.max(1, Math.ceil(min / c.length)))).find(c => re.test(c) && fitsLength(c, s));
  if (padded) return padded;
  throw new Error(`${at}: no sample string matches /${s.pattern}/`);
}

function sampleNumber(s: Node): number {
  let n = 1;
  if (typeof s.minimum === 'number') n = s.minimum;
  else if (typeof s.exclusiveMinimum === 'number') n = s.exclusiveMinimum + 1;
  if (s.exclusiveMinimum === true) n += 1;
  if (typeof s.maximum === 'number' && n > s.maximum) n = s.maximum;
  if (typeof s.multipleOf === 'number') n = Math.ceil(n / s.multipleOf) * s.multipleOf;
  return n;
}

export interface SampleOptions {
  /** A value for a node the generic rules cannot handle (e.g. a YAML editor), or undefined to use them. */
  special?: (node: Node, at: string) => unknown;
}

/** A valid value for `node`: its default, else a generated one with every required child. */
export function sample(node: Node, at: string, opts: SampleOptions = {}): unknown {
  const special = opts.special?.(node, at);
  if (special !== undefined) return special;
  if (node.default !== undefined) return node.default;
  if (Array.isArray(node.enum) && node.enum.length) return node.enum.find(v => v !== null);
  // A choice written as `oneOf` of titled constants (conditions.ts): its first option.
  if (Array.isArray(node.oneOf) && node.oneOf.length && node.oneOf.every(o => isRecord(o) && 'const' in o)) return (node.oneOf[0] as Node).const;
  if (node['x-kubernetes-int-or-string'] === true) return 1;
  const type = node.type ?? (node.properties ? 'object' : undefined);
  if (type === 'string') return sampleString(node, at);
  if (type === 'integer' || type === 'number') return sampleNumber(node);
  if (type === 'boolean') return true;
  if (type === 'array') {
    const items = isRecord(node.items) ? node.items : {};
    const count = typeof node.minItems === 'number' ? node.minItems : 0;
    return Array.from({ length: count }, (_, i) => sample(items, `${at}[${i}]`, opts));
  }
  if (type === 'object' || type === undefined) return sampleObject(node, at, opts);
  throw new Error(`${at}: cannot sample type ${String(type)}`);
}

/** Required children (generated) plus every child with a default, mirroring what a form submits. */
export function sampleObject(node: Node, at: string, opts: SampleOptions = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const props = isRecord(node.properties) ? node.properties : {};
  const required = new Set(Array.isArray(node.required) ? (node.required as string[]) : []);
  for (const [key, child] of Object.entries(props)) {
    if (!isRecord(child)) continue;
    if (required.has(key)) out[key] = sample(child, `${at}.${key}`, opts);
    else if (child.default !== undefined) out[key] = child.default;
  }
  const minProps = typeof node.minProperties === 'number' ? node.minProperties : 0;
  for (const [key, child] of Object.entries(props)) {
    if (Object.keys(out).length >= minProps) break;
    if (isRecord(child) && out[key] === undefined) out[key] = sample(child, `${at}.${key}`, opts);
  }
  const values = isRecord(node.additionalProperties) ? node.additionalProperties : undefined;
  for (let i = Object.keys(out).length; i < minProps && values; i++) out[`key${i}`] = sample(values, `${at}.key${i}`, opts);
  sampleDependents(node, out, at, opts);
  return out;
}

/**
 * The fields a control set in `out` shows (JSON Schema `dependencies` with a `oneOf` keyed on the
 * control, see form/conditions.ts): the required ones of the branch whose constant matches, as a
 * user who made that choice would fill them.
 */
export function sampleDependents(node: Node, out: Record<string, unknown>, at: string, opts: SampleOptions = {}): void {
  if (!isRecord(node.dependencies)) return;
  for (const [control, dep] of Object.entries(node.dependencies)) {
    if (out[control] === undefined || !isRecord(dep) || !Array.isArray(dep.oneOf)) continue;
    const branch = dep.oneOf.find(b => isRecord(b) && isRecord(b.properties) && isRecord(b.properties[control]) && b.properties[control].const === out[control]);
    if (!isRecord(branch) || !isRecord(branch.properties)) continue;
    for (const key of Array.isArray(branch.required) ? (branch.required as string[]) : []) {
      const child = branch.properties[key];
      if (isRecord(child) && out[key] === undefined) out[key] = sample(child, `${at}.${key}`, opts);
    }
  }
}
