import type { KubeObject } from '../types';
import { badRequest } from './errors';

/**
 * Label and field selectors with the real API server's grammar, semantics and error messages
 * (k8s.io/apimachinery pkg/labels and pkg/fields). Parse once per request; match per object without allocating.
 */

export type LabelOperator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt';
/** `values` are sorted and de-duplicated, as the server normalises them. */
export type LabelRequirement = { readonly key: string; readonly operator: LabelOperator; readonly values: readonly string[] };
/** Requirements are sorted by key, as the server sorts them. */
export type LabelSelector = { readonly empty: boolean; readonly requirements: readonly LabelRequirement[] };

// Matching switches on these; numbers are cheaper than strings in the per-object loop.
const [IN, NOT_IN, EXISTS, NOT_EXISTS, GT] = [0, 1, 2, 3, 4];
const CODES: Record<LabelOperator, number> = { in: IN, '=': IN, '==': IN, notin: NOT_IN, '!=': NOT_IN, exists: EXISTS, '!': NOT_EXISTS, gt: GT, lt: 5 };
type Compiled = LabelRequirement & { code: number; single: string; set?: ReadonlySet<string>; bound: number };

// ---- lexer: the Go lexer's token boundaries, so the same inputs fail with the same messages ----

type Tok = 'id' | 'end' | '(' | ')' | ',' | '!' | '=' | '==' | '!=' | '>' | '<' | 'in' | 'notin';
const SPECIAL = new Set(['=', '!', '(', ')', ',', '>', '<']);
const WS = new Set([' ', '\t', '\r', '\n']);

function lex(s: string): Array<[Tok, string]> {
  const out: Array<[Tok, string]> = [];
  for (let i = 0; ; ) {
    while (i < s.length && WS.has(s[i])) i++;
    if (i >= s.length) return [...out, ['end', '']];
    const two = s.slice(i, i + 2);
    const start = i;
    if (SPECIAL.has(s[i])) i += two === '==' || two === '!=' ? 2 : 1;
    else while (i < s.length && !SPECIAL.has(s[i]) && !WS.has(s[i])) i++;
    const lit = s.slice(start, i);
    out.push([SPECIAL.has(lit[0]) || lit === 'in' || lit === 'notin' ? (lit as Tok) : 'id', lit]);
  }
}

// ---- validation messages of k8s.io/apimachinery/pkg/util/validation ----

const QNAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const QNAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const VALUE_FMT = `(${QNAME_FMT})?`;
const VALUE_MSG = `a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`;
const DNS_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS_SUB_FMT = `${DNS_LABEL}(\\.${DNS_LABEL})*`;
const DNS_SUB_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const [QNAME_RE, VALUE_RE, DNS_SUB_RE] = [QNAME_FMT, VALUE_FMT, DNS_SUB_FMT].map(f => new RegExp(`^${f}$`));

// The doubled spaces in "(e.g. 'MyName',  or ..." are the real server's.
const regexError = (msg: string, fmt: string, ...eg: string[]) => `${msg} (e.g. ${eg.map(e => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`;
const QNAME_ERR = regexError(QNAME_MSG, QNAME_FMT, 'MyName', 'my.name', '123-abc');

function keyErrors(key: string): string[] {
  const parts = key.split('/');
  if (parts.length > 2) return [`a qualified name ${QNAME_ERR} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  const errs: string[] = [];
  const name = parts[parts.length - 1];
  if (parts.length === 2) {
    if (!parts[0]) errs.push('prefix part must be non-empty');
    if (parts[0].length > 253) errs.push('prefix part must be no more than 253 characters');
    if (parts[0] && !DNS_SUB_RE.test(parts[0])) errs.push(`prefix part ${regexError(DNS_SUB_MSG, DNS_SUB_FMT, 'example.com')}`);
  }
  if (!name) errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push('name part must be no more than 63 characters');
  if (!QNAME_RE.test(name)) errs.push(`name part ${QNAME_ERR}`);
  return errs;
}

function valueErrors(value: string): string[] {
  const errs = value.length > 63 ? ['must be no more than 63 characters'] : [];
  if (!VALUE_RE.test(value)) errs.push(regexError(VALUE_MSG, VALUE_FMT, 'MyValue', 'my_value', '12345'));
  return errs;
}

const INTEGER = /^[+-]?\d+$/;
const OPERATORS: Partial<Record<Tok, LabelOperator>> = { in: 'in', notin: 'notin', '=': '=', '==': '==', '!=': '!=', '>': 'gt', '<': 'lt' };

// ---- parser: a transcription of the Go grammar, messages kept verbatim ----

class LabelParser {
  private pos = 0;
  constructor(private readonly toks: Array<[Tok, string]>) {}

  // `in`/`notin` are identifiers wherever a key or value is expected; `keywords` is the operator position.
  private peek(keywords = false): [Tok, string] {
    const [t, l] = this.toks[this.pos];
    return [!keywords && (t === 'in' || t === 'notin') ? 'id' : t, l];
  }
  private next(keywords = false): [Tok, string] {
    const tok = this.peek(keywords);
    this.pos++;
    return tok;
  }

  parse(): LabelRequirement[] {
    const reqs: LabelRequirement[] = [];
    for (;;) {
      const [tok, lit] = this.peek();
      if (tok === 'end') return reqs;
      if (tok !== 'id' && tok !== '!') throw new Error(`found '${lit}', expected: !, identifier, or 'end of string'`);
      try {
        reqs.push(this.requirement());
      } catch (e) {
        throw new Error(`unable to parse requirement: ${(e as Error).message}`);
      }
      const [t, l] = this.next();
      if (t === 'end') return reqs;
      if (t !== ',') throw new Error(`found '${l}', expected: ',' or 'end of string'`);
      const [t2, l2] = this.peek();
      if (t2 !== 'id' && t2 !== '!') throw new Error(`found '${l2}', expected: identifier after ','`);
    }
  }

  private requirement(): LabelRequirement {
    let [tok, key] = this.next();
    const negated = tok === '!';
    if (negated) [tok, key] = this.next();
    if (tok !== 'id') throw new Error(`found '${key}', expected: identifier`);
    const errs = keyErrors(key);
    // Go formats a field error on a nil path as "<nil>: ...", and its %q matches JSON quoting here.
    if (errs.length) throw new Error(`<nil>: Invalid value: ${JSON.stringify(key)}: ${errs.join('; ')}`);
    if (negated) return { key, operator: '!', values: [] };
    if (['end', ','].includes(this.peek()[0])) return { key, operator: 'exists', values: [] };

    const [opTok, opLit] = this.next(true);
    const operator = OPERATORS[opTok];
    if (!operator) throw new Error(`found '${opLit}', expected: in, notin, =, ==, !=, gt, lt`);
    const values = [...new Set(operator === 'in' || operator === 'notin' ? this.valueSet() : [this.exactValue()])].sort();
    const problems: string[] = [];
    values.forEach((v, i) => {
      const quoted = JSON.stringify(v);
      if ((operator === 'gt' || operator === 'lt') && !INTEGER.test(v)) problems.push(`values[${i}]: Invalid value: ${quoted}: for 'Gt', 'Lt' operators, the value must be an integer`);
      const bad = valueErrors(v);
      if (bad.length) problems.push(`values[${i}][${key}]: Invalid value: ${quoted}: ${bad.join('; ')}`);
    });
    if (problems.length) throw new Error(problems.length === 1 ? problems[0] : `[${problems.join(', ')}]`);
    return { key, operator, values };
  }

  private valueSet(): string[] {
    const [open, openLit] = this.next();
    if (open !== '(') throw new Error(`found '${openLit}' expected: '('`);
    const [first, firstLit] = this.peek();
    if (first === ')') {
      this.pos++;
      return [''];
    }
    if (first !== 'id' && first !== ',') throw new Error(`found '${firstLit}', expected: ',', ')' or identifier`);
    const values: string[] = [];
    for (;;) {
      const [tok, lit] = this.next();
      if (tok === 'id') {
        values.push(lit);
        const [t2, l2] = this.peek();
        if (t2 === ')') break;
        if (t2 !== ',') throw new Error(`found '${l2}', expected: ',' or ')'`);
      } else if (tok === ',') {
        // "(,a)", "(a,)" and "(a,,b)" all carry an empty value.
        if (values.length === 0) values.push('');
        const [t2] = this.peek();
        if (t2 === ')') {
          values.push('');
          break;
        }
        if (t2 === ',') {
          this.pos++;
          values.push('');
        }
      } else {
        throw new Error(`found '${lit}', expected: ',', or identifier`);
      }
    }
    this.next(); // the ')' seen above
    return values;
  }

  private exactValue(): string {
    if (['end', ','].includes(this.peek()[0])) return '';
    const [t, lit] = this.next();
    if (t !== 'id') throw new Error(`found '${lit}', expected: identifier`);
    return lit;
  }
}

/** Parses `?labelSelector=`; throws a 400 ApiError with the server's message when it is invalid. */
export function parseLabelSelector(text: string): LabelSelector {
  let reqs: LabelRequirement[];
  try {
    reqs = new LabelParser(lex(text)).parse();
  } catch (e) {
    throw badRequest((e as Error).message);
  }
  const compiled: Compiled[] = reqs
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(r => ({ ...r, code: CODES[r.operator], single: r.values[0] ?? '', set: r.values.length > 1 ? new Set(r.values) : undefined, bound: Number(r.values[0]) }));
  return { empty: compiled.length === 0, requirements: compiled };
}

/** Kubernetes semantics: `!=` and `notin` also match objects that lack the key. */
export function matchesLabels(sel: LabelSelector, labels: Record<string, string> | undefined): boolean {
  const reqs = sel.requirements as readonly Compiled[];
  for (let i = 0; i < reqs.length; i++) {
    const r = reqs[i];
    // typeof guards against inherited members such as `constructor` on a plain JSON object.
    const raw: unknown = labels === undefined ? undefined : labels[r.key];
    const v = typeof raw === 'string' ? raw : undefined;
    const hit = v !== undefined && (r.set ? r.set.has(v) : v === r.single);
    switch (r.code) {
      case IN:
        if (!hit) return false;
        break;
      case NOT_IN:
        if (hit) return false;
        break;
      case EXISTS:
        if (v === undefined) return false;
        break;
      case NOT_EXISTS:
        if (v !== undefined) return false;
        break;
      default:
        // Gt/Lt: a value that is not an integer never matches, as when Go's ParseInt fails.
        if (v === undefined || !INTEGER.test(v)) return false;
        if (r.code === GT ? !(Number(v) > r.bound) : !(Number(v) < r.bound)) return false;
    }
  }
  return true;
}

// ======================================= field selectors =======================================

export type FieldRequirement = { readonly field: string; readonly operator: '=' | '!='; readonly value: string };
export type FieldSelector = { readonly empty: boolean; readonly requirements: readonly FieldRequirement[] };
type CompiledField = FieldRequirement & { path: readonly string[] };

const ALWAYS_SUPPORTED = ['metadata.name', 'metadata.namespace'];

/** Splits on commas that are not backslash-escaped. */
function splitTerms(s: string): string[] {
  const terms: string[] = [];
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === ',') {
      terms.push(s.slice(start, i));
      start = i + 1;
    }
  }
  return [...terms, s.slice(start)];
}

function unescapeValue(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === ',' || c === '=') throw badRequest(`invalid field selector: unescaped character in value: ${c.codePointAt(0)}`); // Go prints the rune with %v
    if (c !== '\\') {
      out += c;
      continue;
    }
    const escaped = s[++i];
    if (escaped !== '\\' && escaped !== ',' && escaped !== '=') throw badRequest(`invalid field selector: invalid escape sequence: \\${escaped ?? ''}`);
    out += escaped;
  }
  return out;
}

/**
 * Parses `?fieldSelector=`. `supportedFields` are the dotted paths this kind allows besides name and namespace
 * (e.g. `status.phase`); `unsupported` words the rejection, defaulting to what CRDs and most core kinds say.
 */
export function parseFieldSelector(text: string, supportedFields: string[], unsupported = (f: string) => `field label not supported: ${f}`): FieldSelector {
  const reqs: CompiledField[] = [];
  // The server sorts terms before parsing, which decides which bad term is reported first.
  for (const term of text === '' ? [] : splitTerms(text).sort()) {
    if (term === '') continue;
    const m = /^(.*?)(!=|==|=)(.*)$/s.exec(term);
    if (!m) throw badRequest(`invalid selector: '${text}'; can't understand '${term}'`);
    reqs.push({ field: m[1], operator: m[2] === '!=' ? '!=' : '=', value: unescapeValue(m[3]), path: m[1].split('.') });
  }
  const bad = reqs.find(r => !ALWAYS_SUPPORTED.includes(r.field) && !supportedFields.includes(r.field));
  if (bad) throw badRequest(unsupported(bad.field));
  return { empty: reqs.length === 0, requirements: reqs };
}

/** A missing field reads as '' (so `spec.nodeName=` finds unscheduled pods); numbers and booleans as text. */
export function matchesFields(sel: FieldSelector, obj: KubeObject): boolean {
  const reqs = sel.requirements as readonly CompiledField[];
  for (let i = 0; i < reqs.length; i++) {
    const r = reqs[i];
    let v: unknown = obj;
    for (let j = 0; j < r.path.length && typeof v === 'object' && v !== null; j++) {
      v = Object.prototype.hasOwnProperty.call(v, r.path[j]) ? (v as Record<string, unknown>)[r.path[j]] : undefined;
    }
    const s = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
    if ((s === r.value) !== (r.operator === '=')) return false;
  }
  return true;
}

/** What the selector says about metadata.namespace, so a store can skip whole namespaces. */
export function namespaceConstraint(sel: FieldSelector): { equals?: string; notEquals: string[] } {
  const out: { equals?: string; notEquals: string[] } = { notEquals: [] };
  for (const r of sel.requirements) {
    if (r.field !== 'metadata.namespace') continue;
    if (r.operator === '!=') out.notEquals.push(r.value);
    else out.equals ??= r.value;
  }
  return out;
}

/** The value a field must equal, when the selector pins it (e.g. metadata.name, for a direct lookup). */
export function exactFieldValue(sel: FieldSelector, field: string): string | undefined {
  return sel.requirements.find(r => r.field === field && r.operator === '=')?.value;
}
