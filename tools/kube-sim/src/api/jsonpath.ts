/**
 * The JSONPath subset of k8s.io/client-go/util/jsonpath that CRD additionalPrinterColumns and kubectl use:
 * `.a.b`, `..a`, `.a[0]`, `.a[-1]`, `.a[1:3]`, `.a[*]`, `.*`, `['a.b']`, `[0,2]`, `[?(@.type=="Ready")]`
 * and `\.`-escaped dots in names. Missing keys yield no match (AllowMissingKeys(true), as the CRD convertor sets).
 */

export type Operand = { kind: 'path'; root: '@' | '$'; segments: Segment[] } | { kind: 'literal'; value: unknown };

export type Segment =
  | { kind: 'field'; names: string[] }
  | { kind: 'index'; indexes: number[] }
  | { kind: 'slice'; start?: number; end?: number; step: number }
  | { kind: 'wildcard' }
  | { kind: 'recursive' }
  | { kind: 'filter'; left: Operand; op?: string; right?: Operand };

export interface CompiledJsonPath {
  readonly source: string;
  readonly segments: readonly Segment[];
}

// Characters that end an unquoted name; a backslash makes the next character literal.
const NAME_END = new Set(['.', '[', ']', '(', ')', '{', '}', ' ', '\t', '\n', '=', '!', '<', '>', ',', '&', '|']);

class PathParser {
  private i = 0;
  constructor(private readonly s: string) {}

  private fail(msg: string): never {
    throw new Error(`invalid JSONPath ${JSON.stringify(this.s)}: ${msg} at position ${this.i}`);
  }
  private blanks(): void {
    while (this.s[this.i] === ' ' || this.s[this.i] === '\t') this.i++;
  }
  /** Consumes `c` if it comes next (after blanks, when `skipBlanks`). */
  private eat(c: string, skipBlanks = false): boolean {
    if (skipBlanks) this.blanks();
    if (this.s[this.i] !== c) return false;
    this.i++;
    return true;
  }
  private expect(c: string): void {
    if (!this.eat(c, true)) this.fail(`expected '${c}'`);
  }

  whole(): Segment[] {
    // The CRD convertor wraps the column's path in {...}; accept both forms.
    const braced = this.eat('{', true);
    this.eat('$', true);
    const segs = this.segments();
    if (braced) this.expect('}');
    this.blanks();
    if (this.i < this.s.length) this.fail(`unexpected ${JSON.stringify(this.s[this.i])}`);
    return segs;
  }

  segments(): Segment[] {
    const segs: Segment[] = [];
    for (;;) {
      if (this.eat('[')) segs.push(this.bracket());
      else if (!this.eat('.')) return segs;
      else if (this.eat('.')) segs.push({ kind: 'recursive' }, ...(this.s[this.i] === '[' ? [] : [this.member()]));
      else segs.push(this.member());
    }
  }

  private member(): Segment {
    if (this.eat('*')) return { kind: 'wildcard' };
    let name = '';
    while (this.i < this.s.length && !NAME_END.has(this.s[this.i])) {
      if (this.s[this.i] === '\\' && this.i + 1 < this.s.length) this.i++;
      name += this.s[this.i++];
    }
    if (name === '') this.fail('expected a field name');
    return { kind: 'field', names: [name] };
  }

  private quoted(): string {
    const quote = this.s[this.i++];
    let out = '';
    while (this.i < this.s.length && this.s[this.i] !== quote) {
      if (this.s[this.i] === '\\' && this.i + 1 < this.s.length) this.i++;
      out += this.s[this.i++];
    }
    if (!this.eat(quote)) this.fail('unterminated string');
    return out;
  }

  private int(): number | undefined {
    this.blanks();
    const m = /^-?\d+/.exec(this.s.slice(this.i));
    if (m) this.i += m[0].length;
    return m ? Number(m[0]) : undefined;
  }

  private bracket(): Segment {
    let seg: Segment;
    if (this.eat('*', true)) seg = { kind: 'wildcard' };
    else if (this.eat('?')) {
      this.expect('(');
      seg = this.filter();
      this.expect(')');
    } else if (this.s[this.i] === "'" || this.s[this.i] === '"') {
      const names = [this.quoted()];
      while (this.eat(',', true)) {
        this.blanks();
        names.push(this.quoted());
      }
      seg = { kind: 'field', names };
    } else {
      const first = this.int();
      if (this.eat(':', true)) {
        const end = this.int();
        seg = { kind: 'slice', start: first, end, step: this.eat(':') ? this.int() ?? 1 : 1 };
      } else {
        if (first === undefined) this.fail('expected an index, a name, * or a filter');
        const indexes = [first];
        while (this.eat(',', true)) indexes.push(this.int() ?? this.fail('expected an index'));
        seg = { kind: 'index', indexes };
      }
    }
    this.expect(']');
    return seg;
  }

  private filter(): Segment {
    const left = this.operand();
    this.blanks();
    const op = /^(==|!=|<=|>=|<|>)/.exec(this.s.slice(this.i))?.[0];
    if (!op) return { kind: 'filter', left };
    this.i += op.length;
    return { kind: 'filter', left, op, right: this.operand() };
  }

  private operand(): Operand {
    this.blanks();
    const c = this.s[this.i];
    if (this.eat('@') || this.eat('$')) return { kind: 'path', root: c === '@' ? '@' : '$', segments: this.segments() };
    if (c === "'" || c === '"') return { kind: 'literal', value: this.quoted() };
    const m = /^(-?\d+(\.\d+)?([eE][-+]?\d+)?|true|false|null)/.exec(this.s.slice(this.i));
    if (!m) this.fail('expected a path or a literal in the filter');
    this.i += m[0].length;
    return { kind: 'literal', value: JSON.parse(m[0]) };
  }
}

const cache = new Map<string, CompiledJsonPath>();

/** Parses once; printer columns reuse the same few paths for every row. Throws on a malformed path. */
export function compileJsonPath(path: string): CompiledJsonPath {
  let compiled = cache.get(path);
  if (!compiled) {
    compiled = { source: path, segments: new PathParser(path).whole() };
    if (cache.size > 1000) cache.clear();
    cache.set(path, compiled);
  }
  return compiled;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function descendants(v: unknown, out: unknown[]): void {
  out.push(v);
  if (Array.isArray(v)) for (const x of v) descendants(x, out);
  else if (isObject(v)) for (const x of Object.values(v)) descendants(x, out);
}

function compare(left: unknown, op: string, right: unknown): boolean {
  if (op === '==') return left === right;
  if (op === '!=') return left !== right;
  // Ordering only between two numbers or two strings; anything else is a failed comparison.
  if (typeof left !== typeof right || (typeof left !== 'number' && typeof left !== 'string')) return false;
  const l = left as number | string;
  const r = right as number | string;
  return op === '<' ? l < r : op === '>' ? l > r : op === '<=' ? l <= r : l >= r;
}

function operandValues(o: Operand, current: unknown, root: unknown): unknown[] {
  if (o.kind === 'literal') return [o.value];
  return walk(o.segments, [o.root === '@' ? current : root], root);
}

function passes(seg: Extract<Segment, { kind: 'filter' }>, item: unknown, root: unknown): boolean {
  const lefts = operandValues(seg.left, item, root);
  // As in client-go: no left value means the element is skipped, whatever the operator.
  if (lefts.length !== 1) return false;
  if (!seg.op || !seg.right) return true;
  const rights = operandValues(seg.right, item, root);
  return rights.length === 1 && compare(lefts[0], seg.op, rights[0]);
}

function step(seg: Segment, v: unknown, root: unknown, out: unknown[]): void {
  switch (seg.kind) {
    case 'field':
      if (isObject(v)) for (const n of seg.names) if (Object.prototype.hasOwnProperty.call(v, n)) out.push(v[n]);
      return;
    case 'index':
      if (Array.isArray(v)) {
        for (const i of seg.indexes) {
          const at = i < 0 ? v.length + i : i;
          if (at >= 0 && at < v.length) out.push(v[at]);
        }
      }
      return;
    case 'slice': {
      if (!Array.isArray(v) || seg.step <= 0) return;
      const norm = (n: number) => Math.min(Math.max(n < 0 ? v.length + n : n, 0), v.length);
      for (let i = norm(seg.start ?? 0); i < norm(seg.end ?? v.length); i += seg.step) out.push(v[i]);
      return;
    }
    case 'wildcard':
      if (Array.isArray(v)) out.push(...v);
      else if (isObject(v)) out.push(...Object.values(v));
      return;
    case 'recursive':
      descendants(v, out);
      return;
    case 'filter':
      if (Array.isArray(v)) for (const item of v) if (passes(seg, item, root)) out.push(item);
      return;
    default:
      // Segment kinds are a closed union; nothing else can reach here.
      return;
  }
}

function walk(segments: readonly Segment[], start: unknown[], root: unknown): unknown[] {
  let current = start;
  for (const seg of segments) {
    const next: unknown[] = [];
    // A null part-way along is skipped, as client-go does for nil values it meets.
    for (const v of current) if (v !== null && v !== undefined) step(seg, v, root, next);
    current = next;
    if (current.length === 0) break;
  }
  return current;
}

/** Every value the path selects in `obj`, in document order. Throws on a malformed path. */
export function evaluateJsonPath(path: string | CompiledJsonPath, obj: unknown): unknown[] {
  const compiled = typeof path === 'string' ? compileJsonPath(path) : path;
  return walk(compiled.segments, [obj], obj);
}
