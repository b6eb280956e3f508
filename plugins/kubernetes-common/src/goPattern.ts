/**
 * Kubernetes `pattern`s are Go RE2 expressions (regexp/syntax with Perl flags); ajv and the browser's
 * form validator compile them as JavaScript expressions with only the `u` flag. The two languages
 * read much of the same text differently, so every pattern is parsed as Go does and written out again
 * as JavaScript that matches exactly the same strings, or refused with the reason:
 *
 * - flags, `(?i)` for the rest of the group and `(?i:...)` for a group only (also `m`, `s`, `U` and
 *   `-` to clear), become explicit classes and assertions: case-insensitive letters become their
 *   case folding orbits (`k` -> `[Kk\u{212a}]`), `.` is `[^\n]` or anything, and `^`/`$` become line
 *   assertions under `(?m)`; `(?U)` only changes which match is found, never whether one is;
 * - classes are Go's: `\d`, `\s` (no vertical tab), `\w` and POSIX `[[:alpha:]]` are ASCII;
 *   `\pL`, `\p{Greek}`, `\PL`, `\p{^L}` are Unicode property escapes;
 * - `\Q...\E` is literal text, `\A` and `\z` anchor the text, `\x{...}`, octal and C escapes are
 *   characters; captures (named or not) become plain groups, since only matching matters.
 *
 * What Go rejects (lookaround, backreferences, `\Z`, `\C`, nested repetition, counts over 1000,
 * unknown classes or escapes) is refused too: the API server would refuse such a schema anyway.
 */
import {
  complement,
  foldAdditions,
  foldOrbit,
  foldRanges,
  MAX_CODE_POINT,
  normalise,
  PERL_CLASSES,
  POSIX_CLASSES,
  type Ranges,
  unicodeClass,
} from './goPatternClasses';

/** The JavaScript pattern (for the `u` flag), or why the Go pattern cannot be checked in JavaScript. */
export type GoPatternTranslation = { ok: true; pattern: string } | { ok: false; reason: string };

class Refusal extends Error {}

interface Flags {
  /** i */
  fold: boolean;
  /** m */
  multiLine: boolean;
  /** s */
  dotAll: boolean;
}

/** A Unicode property inside a class, with what `(?i)` adds to it. */
interface PropertyItem {
  js: string;
  negated: boolean;
  extra: Ranges;
}

/** A parsed class: explicit code points plus Unicode properties, all unioned, then maybe negated. */
interface CharClass {
  ranges: Ranges;
  properties: PropertyItem[];
  negated: boolean;
}

const SYNTAX = new Set([...'^$\\.*+?()[]{}|/']);
const CLASS_SPECIAL = new Set([...'\\]^-[']);
const PRINTABLE = /^[\p{L}\p{N}\p{P}\p{S}\p{M}]$/u;

function hex(c: number): string {
  return `\\u{${c.toString(16)}}`;
}

function plain(c: number, special: Set<string>): string {
  const ch = String.fromCodePoint(c);
  if (special.has(ch)) return `\\${ch}`;
  if (c > 0x20 && c < 0x7f) return ch;
  if (c === 0x20) return ' ';
  return c > 0x7f && PRINTABLE.test(ch) ? ch : hex(c);
}

function rangesText(ranges: Ranges): string {
  return ranges
    .map(([lo, hi]) => {
      if (lo === hi) return plain(lo, CLASS_SPECIAL);
      if (hi === lo + 1) return plain(lo, CLASS_SPECIAL) + plain(hi, CLASS_SPECIAL);
      return `${plain(lo, CLASS_SPECIAL)}-${plain(hi, CLASS_SPECIAL)}`;
    })
    .join('');
}

function property(item: { js: string; negated: boolean }): string {
  return `\\${item.negated ? 'P' : 'p'}{${item.js}}`;
}

/** Whether a property fits in a JavaScript class as is (a negated one with fold additions does not). */
function simple(item: PropertyItem): boolean {
  return !item.negated || item.extra.length === 0;
}

function classText(cls: CharClass): string {
  const ranges = normalise([...cls.ranges, ...cls.properties.filter(p => !p.negated).flatMap(p => p.extra)]);
  if (cls.properties.every(simple)) {
    const props = cls.properties.map(property).join('');
    if (!cls.negated && !props && ranges.length === 1 && ranges[0][0] === ranges[0][1]) return plain(ranges[0][0], SYNTAX);
    return `[${cls.negated ? '^' : ''}${rangesText(ranges)}${props}]`;
  }
  // JavaScript classes cannot subtract, so "not (P or its folds)" becomes a lookahead before \P{P}.
  const parts = cls.properties.filter(p => !simple(p)).map(p => `(?![${rangesText(p.extra)}])${property(p)}`);
  const rest = `${rangesText(ranges)}${cls.properties.filter(simple).map(property).join('')}`;
  if (rest) parts.unshift(`[${rest}]`);
  const union = `(?:${parts.join('|')})`;
  return cls.negated ? `(?!${union})[^]` : union;
}

function foldedProperty(js: string, negated: boolean, flags: Flags): PropertyItem {
  if (!flags.fold) return { js, negated, extra: [] };
  const re = new RegExp(`^\\p{${js}}$`, 'u');
  return { js, negated, extra: foldAdditions(c => re.test(String.fromCodePoint(c))) };
}

/** One parse of one pattern: a cursor over its code points. */
class Translator {
  private readonly chars: number[];
  private pos = 0;

  constructor(pattern: string) {
    this.chars = [...pattern].map(c => c.codePointAt(0)!);
    if (this.chars.some(c => c >= 0xd800 && c <= 0xdfff)) throw new Refusal('it contains a lone surrogate, which is not UTF-8 text');
  }

  translate(): string {
    const out = this.alternation({ fold: false, multiLine: false, dotAll: false });
    if (this.pos < this.chars.length) throw new Refusal('it has an unmatched )');
    return out;
  }

  private peek(offset = 0): string {
    const c = this.chars[this.pos + offset];
    return c === undefined ? '' : String.fromCodePoint(c);
  }

  private next(): string {
    const c = this.peek();
    this.pos++;
    return c;
  }

  private startsWith(text: string): boolean {
    return [...text].every((ch, i) => this.peek(i) === ch);
  }

  /** Alternatives up to an unopened `)` or the end; flags set inside last until then. */
  private alternation(initial: Flags): string {
    const flags = { ...initial };
    const alternatives: string[] = [];
    for (;;) {
      alternatives.push(this.sequence(flags));
      if (this.peek() !== '|') break;
      this.pos++;
    }
    return alternatives.join('|');
  }

  private sequence(flags: Flags): string {
    let out = '';
    let last: { text: string; quantifiable: boolean } | undefined;
    const flush = () => {
      if (last) out += last.text;
      last = undefined;
    };
    while (this.pos < this.chars.length && this.peek() !== '|' && this.peek() !== ')') {
      const c = this.peek();
      if (c === '*' || c === '+' || c === '?' || (c === '{' && this.repeatAhead())) {
        const start = this.pos;
        const quantifier = this.quantifier();
        if (!last) throw new Refusal(`the repetition ${this.text(start)} has nothing to repeat`);
        if (this.peek() === '*' || this.peek() === '+' || this.peek() === '?' || (this.peek() === '{' && this.repeatAhead())) {
          throw new Refusal(`it stacks repetitions (${this.text(start)}${this.peek()}), which Go rejects`);
        }
        out += (last.quantifiable ? last.text : `(?:${last.text})`) + quantifier;
        last = undefined;
        continue;
      }
      flush();
      if (c === '(' && this.peek(1) === '?' && this.flagGroupAhead()) {
        this.setFlags(flags);
        continue;
      }
      if (c === '\\' && this.peek(1) === 'Q') {
        this.pos += 2;
        const literals = this.quoted();
        // Go repeats only the last quoted character: \Qab\E* is a then b*.
        for (const lit of literals.slice(0, -1)) out += this.literal(lit, flags);
        const final = literals[literals.length - 1];
        if (final !== undefined) last = { text: this.literal(final, flags), quantifiable: true };
        continue;
      }
      last = this.atom(flags);
    }
    flush();
    return out;
  }

  private text(from: number): string {
    return String.fromCodePoint(...this.chars.slice(from, this.pos));
  }

  private quoted(): number[] {
    const out: number[] = [];
    while (this.pos < this.chars.length && !this.startsWith('\\E')) out.push(this.chars[this.pos++]);
    if (this.startsWith('\\E')) this.pos += 2;
    return out;
  }

  private literal(c: number, flags: Flags): string {
    if (!flags.fold) return plain(c, SYNTAX);
    const orbit = foldOrbit(c);
    return orbit.length === 1 ? plain(c, SYNTAX) : `[${rangesText(orbit.map(m => [m, m]))}]`;
  }

  private atom(flags: Flags): { text: string; quantifiable: boolean } {
    const c = this.next();
    switch (c) {
      case '(':
        return { text: this.group(flags), quantifiable: true };
      case '[':
        return { text: classText(this.bracket(flags)), quantifiable: true };
      case '.':
        return { text: flags.dotAll ? '[^]' : '[^\\n]', quantifiable: true };
      case '^':
        return { text: flags.multiLine ? '(?<=^|\\n)' : '^', quantifiable: false };
      case '$':
        return { text: flags.multiLine ? '(?=\\n|$)' : '$', quantifiable: false };
      case '\\':
        return this.escapeAtom(flags);
      default:
        return { text: this.literal(c.codePointAt(0)!, flags), quantifiable: true };
    }
  }

  private escapeAtom(flags: Flags): { text: string; quantifiable: boolean } {
    const c = this.peek();
    const assertions: Record<string, string> = { A: '^', z: '$', b: '\\b', B: '\\B' };
    if (assertions[c]) {
      this.pos++;
      return { text: assertions[c], quantifiable: false };
    }
    if (c === 'C') throw new Refusal('\\C (any byte) has no JavaScript equivalent');
    if (c === 'Z') throw new Refusal('\\Z is not Go syntax (use \\z)');
    if (c === 'p' || c === 'P') return { text: classText(this.unicodeEscape(flags)), quantifiable: true };
    if (PERL_CLASSES[c]) {
      this.pos++;
      return { text: classText(this.perlClass(c, flags)), quantifiable: true };
    }
    return { text: this.literal(this.escapedChar(), flags), quantifiable: true };
  }

  /** The character a `\` escape stands for (after the backslash), Go's parseEscape. */
  private escapedChar(): number {
    const c = this.next();
    if (c === '') throw new Refusal('it ends with a lone backslash');
    const code = c.codePointAt(0)!;
    if (code < 0x80 && !/[0-9A-Za-z]/.test(c)) return code;
    const octal = (d: string) => d >= '0' && d <= '7' && d !== '';
    if (c === '0' || (c >= '1' && c <= '7' && octal(this.peek()))) {
      let value = Number(c);
      for (let i = 1; i < 3 && octal(this.peek()); i++) value = value * 8 + Number(this.next());
      return value;
    }
    if (c >= '1' && c <= '9') throw new Refusal(`backreferences (\\${c}) are not RE2 syntax`);
    const controls: Record<string, number> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };
    if (controls[c] !== undefined) return controls[c];
    if (c === 'x') return this.hexEscape();
    throw new Refusal(`\\${c} is not an escape Go knows`);
  }

  private hexEscape(): number {
    const isHex = (d: string) => /^[0-9A-Fa-f]$/.test(d);
    if (this.peek() === '{') {
      this.pos++;
      let digits = '';
      while (isHex(this.peek())) digits += this.next();
      const value = parseInt(digits, 16);
      if (this.next() !== '}' || !digits || value > MAX_CODE_POINT) throw new Refusal('it has an invalid \\x{...} escape');
      return value;
    }
    const digits = this.next() + this.next();
    if (!/^[0-9A-Fa-f]{2}$/.test(digits)) throw new Refusal('\\x needs two hex digits or braces');
    return parseInt(digits, 16);
  }

  /** Go folds a Perl class before negating it: `(?i)\W` matches neither k nor the Kelvin sign. */
  private perlClass(letter: string, flags: Flags): CharClass {
    const { ranges, negated } = PERL_CLASSES[letter];
    const folded = flags.fold ? foldRanges(ranges) : normalise(ranges);
    return { ranges: negated ? complement(folded) : folded, properties: [], negated: false };
  }

  /** `\pL`, `\p{Greek}`, `\P{^L}` at the cursor (on the `p`). */
  private unicodeEscape(flags: Flags): CharClass {
    let negated = this.next() === 'P';
    let name: string;
    if (this.peek() === '{') {
      this.pos++;
      const start = this.pos;
      while (this.pos < this.chars.length && this.peek() !== '}') this.pos++;
      if (this.peek() !== '}') throw new Refusal('it has an unclosed \\p{');
      name = this.text(start);
      this.pos++;
    } else {
      name = this.next();
    }
    if (name.startsWith('^')) {
      negated = !negated;
      name = name.slice(1);
    }
    const classes = unicodeClass(name);
    if (!classes) throw new Refusal(`\\p{${name}} is not a Unicode class Go and JavaScript both know`);
    const properties = classes.map(k => foldedProperty(k.js, k.negated, flags));
    if (properties.length === 1) {
      const [p] = properties;
      return { ranges: [], properties: [{ ...p, negated: p.negated !== negated }], negated: false };
    }
    return { ranges: [], properties, negated };
  }

  /** A bracket class after its `[`, Go's parseClass. */
  private bracket(flags: Flags): CharClass {
    const cls: CharClass = { ranges: [], properties: [], negated: false };
    if (this.peek() === '^') {
      cls.negated = true;
      this.pos++;
    }
    let first = true;
    while (first || this.peek() !== ']') {
      if (this.pos >= this.chars.length) throw new Refusal('it has an unclosed [');
      first = false;
      if (this.startsWith('[:')) {
        // Like Go, the name runs to the first ":]"; without one, the [ is a plain character.
        const rest = String.fromCodePoint(...this.chars.slice(this.pos + 2));
        const end = rest.indexOf(':]');
        if (end >= 0) {
          this.addPosix(cls, rest.slice(0, end), flags);
          this.pos += 2 + [...rest.slice(0, end)].length + 2;
          continue;
        }
      }
      if (this.peek() === '\\' && (this.peek(1) === 'p' || this.peek(1) === 'P')) {
        this.pos++;
        this.addNested(cls, this.unicodeEscape(flags));
        continue;
      }
      if (this.peek() === '\\' && PERL_CLASSES[this.peek(1)]) {
        this.pos++;
        cls.ranges.push(...this.perlClass(this.next(), flags).ranges);
        continue;
      }
      const lo = this.classChar();
      let hi = lo;
      if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== '') {
        this.pos++;
        hi = this.classChar();
        if (hi < lo) throw new Refusal('it has a class range that runs backwards');
      }
      cls.ranges.push(...(flags.fold ? foldRanges([[lo, hi]]) : [[lo, hi] as [number, number]]));
    }
    this.pos++;
    cls.ranges = normalise(cls.ranges);
    return cls;
  }

  private classChar(): number {
    const c = this.next();
    if (c === '') throw new Refusal('it has an unclosed [');
    if (c !== '\\') return c.codePointAt(0)!;
    return this.escapedChar();
  }

  private addPosix(cls: CharClass, name: string, flags: Flags): void {
    const negated = name.startsWith('^');
    const ranges = POSIX_CLASSES[negated ? name.slice(1) : name];
    if (!ranges) throw new Refusal(`[:${name}:] is not a POSIX class Go knows`);
    const folded = flags.fold ? foldRanges(ranges) : ranges;
    cls.ranges.push(...(negated ? complement(folded) : folded));
  }

  /** A `\p` class inside brackets: its properties join the bracket's union. */
  private addNested(cls: CharClass, inner: CharClass): void {
    if (inner.negated) {
      // Only Go's C (several JavaScript categories) negated: the complement of their union, as ranges
      // cannot say it and nested classes cannot either; rare enough to refuse.
      throw new Refusal('a negated \\p{C} inside brackets is not translated');
    }
    cls.properties.push(...inner.properties);
  }

  private repeatAhead(): boolean {
    return /^\{[0-9]+(,[0-9]*)?\}/.test(String.fromCodePoint(...this.chars.slice(this.pos, this.pos + 24)));
  }

  private quantifier(): string {
    const c = this.next();
    let text = c;
    if (c === '{') {
      const start = this.pos;
      while (this.peek() !== '}') this.pos++;
      const body = this.text(start);
      this.pos++;
      const [min, max] = body.split(',');
      const counts = [min, max].filter(n => n !== undefined && n !== '').map(Number);
      if (counts.some(n => n > 1000)) throw new Refusal(`the repeat count {${body}} is over Go's limit of 1000`);
      if (counts.length === 2 && counts[1] < counts[0]) throw new Refusal(`the repeat count {${body}} runs backwards`);
      text = `{${body}}`;
    }
    // Go's (?U) and a trailing ? swap greediness, which changes which match is found but never whether
    // there is one; the lazy marker is kept as written.
    if (this.peek() === '?') text += this.next();
    return text;
  }

  private flagGroupAhead(): boolean {
    let i = 2;
    while ('imsU-'.includes(this.peek(i)) && this.peek(i) !== '') i++;
    return this.peek(i) === ')';
  }

  /** `(?flags)`: changes `flags` for the rest of the enclosing group. */
  private setFlags(flags: Flags): void {
    this.pos += 2;
    Object.assign(flags, this.flagLetters(flags));
    this.pos++;
  }

  /** Go's parsePerlFlags letters, up to (not including) the `)` or `:`. */
  private flagLetters(current: Flags): Flags {
    const flags = { ...current };
    let negate = false;
    let sawFlag = false;
    const start = this.pos;
    while (this.peek() !== ')' && this.peek() !== ':') {
      const c = this.next();
      if (c === '-') {
        if (negate) throw new Refusal(`the flags (?${this.text(start)} have two minus signs`);
        negate = true;
        sawFlag = false;
      } else if (c === 'i') flags.fold = !negate;
      else if (c === 'm') flags.multiLine = !negate;
      else if (c === 's') flags.dotAll = !negate;
      else if (c === 'U') {
        // Greediness only; see quantifier().
      } else throw new Refusal(`(?${this.text(start)} is not a group Go knows`);
      if (c !== '-') sawFlag = true;
    }
    if (negate && !sawFlag) throw new Refusal(`the flags (?${this.text(start)} end with a minus sign`);
    return flags;
  }

  /** After `(`: a capture, a named capture, a non-capturing group with flags, or refused lookaround. */
  private group(flags: Flags): string {
    if (this.peek() === '?') {
      if (this.startsWith('?=') || this.startsWith('?!')) throw new Refusal('lookahead is not RE2 syntax');
      if (this.startsWith('?<=') || this.startsWith('?<!')) throw new Refusal('lookbehind is not RE2 syntax');
      if (this.startsWith('?P<') || this.startsWith('?<')) {
        this.pos += this.startsWith('?P<') ? 3 : 2;
        const start = this.pos;
        while (/^[0-9A-Za-z_]$/.test(this.peek())) this.pos++;
        if (this.pos === start || this.next() !== '>') throw new Refusal('it has an invalid capture group name');
        return this.groupBody(flags);
      }
      this.pos++;
      const inner = this.flagLetters(flags);
      this.pos++;
      return this.groupBody(inner);
    }
    return this.groupBody(flags);
  }

  private groupBody(flags: Flags): string {
    const body = this.alternation(flags);
    if (this.next() !== ')') throw new Refusal('it has an unclosed (');
    return `(?:${body})`;
  }
}

/** Translates a Go RE2 pattern into a JavaScript one for the `u` flag that matches the same strings. */
export function translateGoPattern(pattern: string): GoPatternTranslation {
  try {
    const translated = new Translator(pattern).translate();
    // A translation JavaScript cannot compile is a bug here; refusing keeps the value checkable by the API server.
    RegExp(translated, 'u');
    return { ok: true, pattern: translated };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, reason: e.message };
    return { ok: false, reason: `it could not be translated (${(e as Error).message})` };
  }
}

/** The pattern as JavaScript can check it with the `u` flag, or undefined when it is refused. */
export function javascriptPattern(pattern: string): string | undefined {
  const result = translateGoPattern(pattern);
  return result.ok ? result.pattern : undefined;
}
