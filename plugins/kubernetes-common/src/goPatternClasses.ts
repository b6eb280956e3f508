/**
 * Character sets for the Go pattern translation: code point ranges, Go's case folding, and the named
 * classes RE2 knows (Perl `\d\s\w`, POSIX `[:alpha:]`, Unicode `\p{...}`), in Go's definitions rather
 * than JavaScript's, which differ (`\s` in Go is ASCII only and has no vertical tab).
 */

/** Inclusive code point ranges, sorted and merged once normalised. */
export type Ranges = Array<[number, number]>;

export const MAX_CODE_POINT = 0x10ffff;

export function normalise(ranges: Ranges): Ranges {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: Ranges = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

export function complement(ranges: Ranges): Ranges {
  const out: Ranges = [];
  let next = 0;
  for (const [lo, hi] of normalise(ranges)) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return out;
}

const cp = (c: string) => c.codePointAt(0)!;
const span = (from: string, to: string): [number, number] => [cp(from), cp(to)];

/** Go's Perl classes: ASCII only, whatever the text. */
export const PERL_CLASSES: Record<string, { ranges: Ranges; negated: boolean }> = {
  d: { ranges: [span('0', '9')], negated: false },
  s: { ranges: [[9, 10], [12, 13], [32, 32]], negated: false },
  w: { ranges: [span('0', '9'), span('A', 'Z'), span('_', '_'), span('a', 'z')], negated: false },
};
for (const key of ['d', 's', 'w']) PERL_CLASSES[key.toUpperCase()] = { ranges: PERL_CLASSES[key].ranges, negated: true };

/** Go's POSIX classes (`[[:alpha:]]`, `[[:^alpha:]]`), ASCII only. */
export const POSIX_CLASSES: Record<string, Ranges> = {
  alnum: [span('0', '9'), span('A', 'Z'), span('a', 'z')],
  alpha: [span('A', 'Z'), span('a', 'z')],
  ascii: [[0, 0x7f]],
  blank: [[9, 9], [32, 32]],
  cntrl: [[0, 0x1f], [0x7f, 0x7f]],
  digit: [span('0', '9')],
  graph: [span('!', '~')],
  lower: [span('a', 'z')],
  print: [span(' ', '~')],
  punct: [span('!', '/'), span(':', '@'), span('[', '`'), span('{', '~')],
  space: [[9, 13], [32, 32]],
  upper: [span('A', 'Z')],
  word: [span('0', '9'), span('A', 'Z'), span('_', '_'), span('a', 'z')],
  xdigit: [span('0', '9'), span('A', 'F'), span('a', 'f')],
};

/*
 * Case folding. Go's `(?i)` matches every code point in a character's simple case folding orbit
 * (k, K and the Kelvin sign; s, S and the long s). JavaScript only offers that through the `i` flag,
 * which applies to a whole expression, so the orbits are computed here (once, on first use) and
 * written out as classes. Candidates come from upper/lower case mappings; each is kept only if
 * JavaScript's `iu` matching (Unicode simple case folding, as Go's) agrees, which drops the Turkish
 * dotless and dotted i that case mapping links to I and i but folding does not.
 */
let orbitsByCodePoint: Map<number, number[]> | undefined;
let casedCodePoints: number[] | undefined;

function singleCodePoint(text: string): number | undefined {
  const first = text.codePointAt(0);
  return first !== undefined && String.fromCodePoint(first) === text ? first : undefined;
}

function sameFold(a: number, b: number): boolean {
  return new RegExp(`^\\u{${a.toString(16)}}$`, 'iu').test(String.fromCodePoint(b));
}

function buildOrbits(): Map<number, number[]> {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let root = x;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    return root;
  };
  const union = (a: number, b: number) => {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  };
  // Every cased code point Unicode has sits below U+20000.
  for (let c = 0; c < 0x20000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCodePoint(c);
    for (const mapped of [ch.toLowerCase(), ch.toUpperCase()]) {
      const m = singleCodePoint(mapped);
      if (m !== undefined && m !== c && sameFold(c, m)) union(c, m);
    }
  }
  const groups = new Map<number, number[]>();
  for (const c of parent.keys()) {
    const root = find(c);
    groups.set(root, [...(groups.get(root) ?? []), c]);
  }
  const byCodePoint = new Map<number, number[]>();
  for (const members of groups.values()) {
    members.sort((a, b) => a - b);
    for (const m of members) byCodePoint.set(m, members);
  }
  return byCodePoint;
}

function orbits(): Map<number, number[]> {
  if (!orbitsByCodePoint) {
    orbitsByCodePoint = buildOrbits();
    casedCodePoints = [...orbitsByCodePoint.keys()].sort((a, b) => a - b);
  }
  return orbitsByCodePoint;
}

/** Every code point `c` matches under `(?i)`, itself included. */
export function foldOrbit(c: number): number[] {
  return orbits().get(c) ?? [c];
}

/** The ranges plus every code point that folds to one inside them (Go's appendFoldedRange). */
export function foldRanges(ranges: Ranges): Ranges {
  const table = orbits();
  const out: Ranges = [...ranges];
  for (const c of casedCodePoints!) {
    if (ranges.some(([lo, hi]) => c >= lo && c <= hi)) for (const m of table.get(c)!) out.push([m, m]);
  }
  return normalise(out);
}

/** The code points outside `matches` that fold to one inside it: what `(?i)` adds to a Unicode class. */
export function foldAdditions(matches: (c: number) => boolean): Ranges {
  const table = orbits();
  const out: Ranges = [];
  for (const c of casedCodePoints!) {
    if (!matches(c)) continue;
    for (const m of table.get(c)!) if (!matches(m)) out.push([m, m]);
  }
  return normalise(out);
}

/** A Unicode class as JavaScript writes it: `\p{<js>}`, negated when `negated`. */
export interface UnicodeClass {
  js: string;
  negated: boolean;
}

const GENERAL_CATEGORIES: string[][] = [
  ['Cc', 'Control', 'cntrl'],
  ['Cf', 'Format'],
  ['Cn', 'Unassigned'],
  ['Co', 'Private_Use'],
  ['Cs', 'Surrogate'],
  ['L', 'Letter'],
  ['LC', 'Cased_Letter'],
  ['Ll', 'Lowercase_Letter'],
  ['Lm', 'Modifier_Letter'],
  ['Lo', 'Other_Letter'],
  ['Lt', 'Titlecase_Letter'],
  ['Lu', 'Uppercase_Letter'],
  ['M', 'Mark', 'Combining_Mark'],
  ['Mc', 'Spacing_Mark'],
  ['Me', 'Enclosing_Mark'],
  ['Mn', 'Nonspacing_Mark'],
  ['N', 'Number'],
  ['Nd', 'Decimal_Number', 'digit'],
  ['Nl', 'Letter_Number'],
  ['No', 'Other_Number'],
  ['P', 'Punctuation', 'punct'],
  ['Pc', 'Connector_Punctuation'],
  ['Pd', 'Dash_Punctuation'],
  ['Pe', 'Close_Punctuation'],
  ['Pf', 'Final_Punctuation'],
  ['Pi', 'Initial_Punctuation'],
  ['Po', 'Other_Punctuation'],
  ['Ps', 'Open_Punctuation'],
  ['S', 'Symbol'],
  ['Sc', 'Currency_Symbol'],
  ['Sk', 'Modifier_Symbol'],
  ['Sm', 'Math_Symbol'],
  ['So', 'Other_Symbol'],
  ['Z', 'Separator'],
  ['Zl', 'Line_Separator'],
  ['Zp', 'Paragraph_Separator'],
  ['Zs', 'Space_Separator'],
];

/** Go compares class names ignoring case, `_`, `-` and spaces. */
function canonical(name: string): string {
  return name.replace(/[_\- ]/g, '').toLowerCase();
}

const CATEGORY_BY_NAME = new Map<string, string>();
for (const [short, ...aliases] of GENERAL_CATEGORIES) for (const n of [short, ...aliases]) CATEGORY_BY_NAME.set(canonical(n), short);

function compilesAsScript(name: string): boolean {
  try {
    return RegExp(`\\p{Script=${name}}`, 'u') instanceof RegExp;
  } catch {
    return false;
  }
}

/**
 * The JavaScript spelling of Go's `\p{name}` (without the `^` negation, handled by the caller), as
 * one or more classes whose union is Go's, or undefined when Go would not know the name.
 */
export function unicodeClass(name: string): UnicodeClass[] | undefined {
  const key = canonical(name);
  if (key === 'any') return [{ js: 'Any', negated: false }];
  if (key === 'assigned') return [{ js: 'Cn', negated: true }];
  if (key === 'ascii') return [{ js: 'ASCII', negated: false }];
  // Go's C (Other) is control, format, private use and surrogates, without the unassigned code points
  // JavaScript's \p{C} also holds.
  if (key === 'c' || key === 'other') return ['Cc', 'Cf', 'Co', 'Cs'].map(js => ({ js, negated: false }));
  const category = CATEGORY_BY_NAME.get(key);
  if (category) return [{ js: category, negated: false }];
  // Script names are spelled as Unicode does (Greek, Old_Italic); JavaScript knows the same ones.
  if (/^[A-Za-z_]+$/.test(name) && compilesAsScript(name)) return [{ js: `Script=${name}`, negated: false }];
  return undefined;
}
