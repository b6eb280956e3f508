import { javascriptPattern, translateGoPattern } from './goPattern';
import { foldOrbit } from './goPatternClasses';

/**
 * Hand-written cases with the result Go's regexp.MatchString gives (from the regexp/syntax
 * documentation and parser), which is what the API server checks a `pattern` with. Each row is
 * [Go pattern, input, Go matches].
 */
const GO_CASES: Array<[string, string, boolean]> = [
  // Scoped and unscoped case-insensitivity.
  ['a(?i:b)c', 'aBc', true],
  ['a(?i:b)c', 'Abc', false],
  ['a(?i:b)c', 'abC', false],
  ['^(?i)abc$', 'AbC', true],
  // A flag set mid-group lasts to the end of the group, across alternatives.
  ['^(?:a(?i)b|c)$', 'C', true],
  ['^(?:a(?i)b|c)$', 'AB', false],
  ['^(a(?i)b)c$', 'aBc', true],
  ['^(a(?i)b)c$', 'aBC', false],
  ['^(?i)a(?-i)b$', 'Ab', true],
  ['^(?i)a(?-i)b$', 'AB', false],
  // Go folds by Unicode orbits: k also matches the Kelvin sign, s the long s, σ the final sigma...
  ['^(?i)k$', '\u212a', true],
  ['^(?i)s$', '\u017f', true],
  ['^(?i)σ$', 'ς', true],
  ['^(?i)σ$', 'Σ', true],
  ['^(?i)[a-z]+$', 'Hello\u212a', true],
  // ...but the Turkish dotless and dotted i fold only to themselves.
  ['^(?i)i$', 'ı', false],
  ['^(?i)i$', 'İ', false],
  // Go folds a negated class before negating it, so (?i)\W excludes the Kelvin sign.
  ['^(?i)\\W$', '\u212a', false],
  ['^(?i)\\W$', '-', true],
  ['^(?i)\\p{Lu}+$', 'ΛΘΓΔα', true],
  ['^\\p{Lu}+$', 'ΛΘΓΔα', false],
  // POSIX classes inside brackets, ASCII only.
  ['^[[:alpha:]]+$', '123', false],
  ['^[[:alpha:]]+$', 'abc', true],
  ['^[[:alpha:]]+$', 'é', false],
  ['^[[:^digit:]]+$', 'abc', true],
  ['^[[:^digit:]]+$', 'a1', false],
  ['^[[:word:]-]+$', 'a_1-b', true],
  ['^(?i)[[:upper:]]+$', 'abc', true],
  // Outside brackets [:alpha:] is just a class of the characters :, a, l, p, h.
  ['^[:alpha:]$', 'p', true],
  // Unicode classes.
  ['^\\pL+$', '123', false],
  ['^\\pL+$', 'héllo日本', true],
  ['^\\p{Greek}+$', 'αβγ', true],
  ['^\\p{Greek}+$', 'abc', false],
  ['^\\PL+$', '123', true],
  ['^\\PL+$', 'a', false],
  ['^\\p{^L}$', '1', true],
  ['^\\P{^L}$', 'a', true],
  ['^[\\p{Lu}\\d]+$', 'AB12', true],
  ['^[\\p{Lu}\\d]+$', 'ab', false],
  ['^[^\\pL]+$', '12', true],
  ['^[^\\pL]+$', '1a', false],
  ['^\\pN$', 'Ⅱ', true],
  ['^\\p{Any}$', '\n', true],
  // Quoted text.
  ['^\\Qa.b\\E$', 'a.b', true],
  ['^\\Qa.b\\E$', 'axb', false],
  ['^\\Qa+', 'a+', true],
  // A repetition after \Q...\E repeats only its last character.
  ['^\\Qab\\E+$', 'abbb', true],
  ['^\\Qab\\E+$', 'abab', false],
  ['^(?i)\\Qab\\E$', 'AB', true],
  // Anchors: \A and \z are the text's ends; $ without (?m) is the end of the text, not before a final newline.
  ['\\Aabc\\z', 'abc', true],
  ['^abc\\z', 'abc\n', false],
  ['^abc$', 'abc\n', false],
  ['(?m)^b$', 'a\nb\nc', true],
  ['^b$', 'a\nb\nc', false],
  // (?m) lines end only at \n; JavaScript's m flag would also end them at \r.
  ['(?m)a$', 'a\r\nb', false],
  ['(?m)a$', 'a\nb', true],
  // . excludes only \n (JavaScript's also excludes \r, U+2028 and U+2029).
  ['^a.c$', 'a\nc', false],
  ['^a.c$', 'a\rc', true],
  ['^a.c$', 'a\u2028c', true],
  ['(?s)^a.c$', 'a\nc', true],
  ['^(?s:.).$', '\n\n', false],
  // \s is [\t\n\f\r ]: no vertical tab and no Unicode spaces, unlike JavaScript's \s.
  ['^\\s$', '\t', true],
  ['^\\s$', '\v', false],
  ['^\\s$', '\u00a0', false],
  ['^\\w+$', 'é', false],
  ['^[^a]$', '\n', true],
  // Repetitions; {,2} is not a repetition in Go but literal text.
  ['^a{2}$', 'aa', true],
  ['^a{2,}$', 'aaa', true],
  ['^a{,2}$', 'a{,2}', true],
  ['^a{,2}$', 'aa', false],
  ['^a{2$', 'a{2', true],
  // Greediness changes which match is found, never whether there is one.
  ['(?U)^a+$', 'aaa', true],
  ['^a+?b$', 'aaab', true],
  // Escapes JavaScript's u flag does not accept.
  ['^x\\x{41}\\x42$', 'xAB', true],
  ['^\\101$', 'A', true],
  ['^\\0$', '\u0000', true],
  ['^\\a$', '\u0007', true],
  ['^a\\-b\\:c\\ d$', 'a-b:c d', true],
  ['^[\\x{1F600}-\\x{1F64F}]$', '😀', true],
  // Captures, named either way.
  ['^(?P<year>\\d{4})-(?<m>\\d\\d)$', '2024-01', true],
  // Brackets: a leading ] and a trailing - are characters.
  ['^[]a]+$', ']a', true],
  ['^[^]a]$', 'b', true],
  ['^[a-]+$', 'a-', true],
  ['^[\\d-z]+$', '1-z', true],
  // What Kubernetes schemas usually say.
  ['^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', 'my-app', true],
  ['^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', 'My-app', false],
  ['^(\\d+(\\.\\d+)?)(Mi|Gi)$', '1.5Gi', true],
  ['(?i)^(true|false)$', 'TRUE', true],
  ['(?i)^(true|false)$', 'yes', false],
];

describe('translateGoPattern', () => {
  it.each(GO_CASES)('%j on %j matches as Go does (%s)', (pattern, input, go) => {
    const js = javascriptPattern(pattern);
    expect(js).toBeDefined();
    expect(new RegExp(js!, 'u').test(input)).toBe(go);
  });

  const REFUSED: Array<[string, string]> = [
    ['(?=a)b', 'lookahead'],
    ['a(?!b)', 'lookahead'],
    ['(?<=a)b', 'lookbehind'],
    ['(?<!a)b', 'lookbehind'],
    ['(a)\\1', 'backreference'],
    ['a\\Z', '\\Z'],
    ['a\\C', 'any byte'],
    ['a**', 'stacks repetitions'],
    ['a{2}{3}', 'stacks repetitions'],
    ['*a', 'nothing to repeat'],
    ['a|*', 'nothing to repeat'],
    ['a{1001}', 'limit of 1000'],
    ['a{3,2}', 'backwards'],
    ['[[:foo:]]', '[:foo:]'],
    ['\\p{Foo}', '\\p{Foo}'],
    ['(?i-)a', 'minus sign'],
    ['(?P=name)', 'not a group'],
    ['(?#note)a', 'not a group'],
    ['[\\b]', '\\b is not an escape'],
    ['\\q', '\\q is not an escape'],
    ['(a', 'unclosed ('],
    ['a)', 'unmatched )'],
    ['[a', 'unclosed ['],
    ['[z-a]', 'backwards'],
    ['[[:alpha:]', 'unclosed ['],
    ['\\x{110000}', '\\x{...}'],
  ];

  it.each(REFUSED)('refuses %j, saying why (%s)', (pattern, reason) => {
    expect(translateGoPattern(pattern)).toEqual({ ok: false, reason: expect.stringContaining(reason) });
    expect(javascriptPattern(pattern)).toBeUndefined();
  });

  it('keeps patterns JavaScript reads the same way close to their text', () => {
    expect(javascriptPattern('^[a-z0-9]([-a-z0-9]*[a-z0-9])?$')).toBe('^[0-9a-z](?:[\\-0-9a-z]*[0-9a-z])?$');
    expect(javascriptPattern('^\\d+%$')).toBe('^[0-9]+%$');
  });

  it('writes case-insensitive letters as their folding orbit', () => {
    expect(javascriptPattern('(?i)^ok$')).toBe('^[Oo][Kk\u212a]$');
  });

  it("computes the same folding orbits as JavaScript's own case-insensitive matching", () => {
    for (const letter of ['k', 's', 'σ', 'i', 'ß', 'ǅ']) {
      const re = new RegExp(`^${letter}$`, 'iu');
      const matched: number[] = [];
      for (let c = 0; c < 0x10000; c++) if (re.test(String.fromCodePoint(c))) matched.push(c);
      expect(foldOrbit(letter.codePointAt(0)!)).toEqual(matched);
    }
  });
});
