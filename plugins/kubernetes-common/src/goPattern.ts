/**
 * Kubernetes `pattern`s are Go RE2 expressions; ajv compiles them as JavaScript regular expressions
 * with the `u` flag. Most patterns mean the same in both. The RE2 syntax JavaScript lacks is
 * translated:
 *
 * - inline case-insensitivity, `(?i)` for the rest of the pattern and `(?i:...)` for a group, becomes
 *   letter classes (`[aA]`) over the whole pattern: a little more permissive than RE2 when the flag
 *   was scoped, never stricter (the generated forms and the render action share this translation, so
 *   a value the form accepts is one the action accepts);
 * - named groups `(?P<name>...)` become `(?<name>...)`;
 * - `\A` and `\z` become `^` and `$`.
 *
 * A pattern that still does not compile is not checked at all (it matches every value, and no error
 * is reported for it): the API server checks it when the manifest is applied, whereas throwing here
 * would make every value of every field unrenderable.
 */

function compiles(pattern: string): boolean {
  try {
    return RegExp(pattern, 'u') instanceof RegExp;
  } catch {
    return false;
  }
}

const LETTER = /[A-Za-z]/;

function bothCases(c: string): string {
  return `${c.toLowerCase()}${c.toUpperCase()}`;
}

/** RE2-only syntax, case-insensitivity aside, rewritten; `ignoreCase` makes every letter match both cases. */
function translate(pattern: string, ignoreCase: boolean): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if (!inClass && next === 'A') out += '^';
      else if (!inClass && next === 'z') out += '$';
      else if ('pPu'.includes(next) && pattern[i + 2] === '{') {
        // \p{L}, \u{...}: copy the braces untouched.
        const end = pattern.indexOf('}', i);
        out += pattern.slice(i, end + 1);
        i = end;
        continue;
      } else out += c + next;
      i++;
    } else if (!inClass && pattern.startsWith('(?i)', i)) {
      i += 3;
    } else if (!inClass && pattern.startsWith('(?i:', i)) {
      out += '(?:';
      i += 3;
    } else if (!inClass && pattern.startsWith('(?P<', i)) {
      const end = pattern.indexOf('>', i);
      out += `(?<${pattern.slice(i + 4, end + 1)}`;
      i = end;
    } else if (!inClass && pattern.startsWith('(?<', i)) {
      const end = pattern.indexOf('>', i);
      out += pattern.slice(i, end + 1);
      i = end;
    } else if (c === '[' && !inClass) {
      inClass = true;
      out += c;
    } else if (c === ']' && inClass) {
      inClass = false;
      out += c;
    } else if (ignoreCase && inClass && LETTER.test(c) && pattern[i + 1] === '-' && LETTER.test(pattern[i + 2] ?? '')) {
      const to = pattern[i + 2];
      out += `${c.toLowerCase()}-${to.toLowerCase()}${c.toUpperCase()}-${to.toUpperCase()}`;
      i += 2;
    } else if (ignoreCase && LETTER.test(c)) {
      out += inClass ? bothCases(c) : `[${bothCases(c)}]`;
    } else {
      out += c;
    }
  }
  return out;
}

/** The pattern as JavaScript can check it, or undefined when it cannot be checked. */
export function javascriptPattern(pattern: string): string | undefined {
  if (compiles(pattern)) return pattern;
  const ignoreCase = /\(\?i[):]/.test(pattern);
  const translated = translate(pattern, ignoreCase);
  return compiles(translated) ? translated : undefined;
}
