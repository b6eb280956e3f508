/**
 * Kubernetes patterns are Go RE2; the form library compiles them as JavaScript regular expressions
 * with the `u` flag. Most are valid in both. RE2's inline case-insensitivity `(?i)` is not, and a
 * pattern that fails to compile breaks the whole form, so `(?i)` is rewritten as letter classes
 * (`[aA]`) over the whole pattern: a little more permissive than RE2 when the flag was scoped to a
 * group, never stricter. A pattern that still does not compile becomes help text.
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

/** Every ASCII letter outside escapes and group syntax matches either case. */
function caseInsensitive(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      out += c + (pattern[i + 1] ?? '');
      i++;
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
    } else if (inClass && LETTER.test(c) && pattern[i + 1] === '-' && LETTER.test(pattern[i + 2] ?? '')) {
      const to = pattern[i + 2];
      out += `${c.toLowerCase()}-${to.toLowerCase()}${c.toUpperCase()}-${to.toUpperCase()}`;
      i += 2;
    } else if (LETTER.test(c)) {
      out += inClass ? bothCases(c) : `[${bothCases(c)}]`;
    } else {
      out += c;
    }
  }
  return out;
}

/** The pattern as the form can check it, or undefined when it cannot (the caller then shows it as help). */
export function formPattern(pattern: string): string | undefined {
  if (compiles(pattern)) return pattern;
  if (pattern.includes('(?i)')) {
    const translated = caseInsensitive(pattern.split('(?i)').join(''));
    if (compiles(translated)) return translated;
  }
  return undefined;
}
