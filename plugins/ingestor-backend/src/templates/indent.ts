/**
 * Indents the unformatted TypeScript json-schema-to-typescript writes with `format: false`.
 *
 * Its formatter is prettier, which took three quarters of the time types cost over the corpus (and
 * seconds for one large CRD); the unformatted output is already one member per line with balanced
 * brackets, so indenting by bracket depth is all a reader needs.
 */

const OPENERS = new Set(['{', '(', '[']);
const CLOSERS = new Set(['}', ')', ']']);

/** JSDoc lines (`/**`, ` * text`, ` *\/`): indented with the code around them, never counted. */
function isCommentLine(trimmed: string): boolean {
  return trimmed.startsWith('/*') || trimmed.startsWith('*');
}

/**
 * Indents as TypeScript's own formatter does: a line sits one level inside the line that opened its
 * innermost open bracket, however many brackets that line opened (`u?: ({`); a line that starts by
 * closing one (`}`, `} | {`, `})[]`) sits at the level of the line that opened it.
 */
export function indentTypeScript(code: string, unit = '  '): string {
  // For each open bracket, the level of the line it was opened on.
  const open: number[] = [];
  const inside = () => (open.length ? open[open.length - 1] + 1 : 0);
  const out: string[] = [];
  for (const raw of code.split('\n')) {
    const trimmed = raw.trim();
    if (!trimmed) {
      out.push('');
      continue;
    }
    if (isCommentLine(trimmed)) {
      // Continuation lines keep the one space that aligns their `*` under the opening `/**`.
      out.push(unit.repeat(inside()) + (trimmed.startsWith('*') ? ` ${trimmed}` : trimmed));
      continue;
    }
    const level = CLOSERS.has(trimmed[0]) && open.length ? open[open.length - 1] : inside();
    out.push(unit.repeat(level) + trimmed);
    let quote: string | undefined;
    for (let i = 0; i < trimmed.length; i++) {
      const c = trimmed[i];
      if (quote) {
        if (c === '\\') i++;
        else if (c === quote) quote = undefined;
      } else if (c === '"' || c === "'" || c === '`') {
        quote = c;
      } else if (OPENERS.has(c)) {
        open.push(level);
      } else if (CLOSERS.has(c)) {
        open.pop();
      }
    }
  }
  return out.join('\n');
}
