/**
 * A list answer (`{"kind": ..., "metadata": {...}, "items": [...]}`) parsed one item at a time.
 *
 * A page of whole objects parsed in one `JSON.parse` is alive all at once, long enough for the young
 * generation's collections to find it alive and move it to the old generation, where it then dies as
 * garbage that only a full collection frees. Parsing each item on its own and handing it to `item`
 * straight away (a caller that keeps a few fields) lets the whole item die young.
 *
 * Only the top-level object and the `items` array are scanned here, to find where each member's value
 * begins and ends; every value is then parsed by `JSON.parse`, which does all the validation. Structural
 * bytes are ASCII and never occur inside a multi-byte UTF-8 sequence, so scanning bytes is exact.
 */

/** The parts of a list answer that a lister reads: its metadata and its items (each passed through `item`). */
export interface ParsedList<T> {
  metadata?: unknown;
  items: T[];
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** Thrown for a body that is not a JSON object, or not valid JSON. */
export class ListBodyError extends Error {}

/**
 * Parses a list answer's bytes. Members other than `metadata` and `items` are checked as JSON and
 * dropped; an `items` that is not an array is an error, as it would be for any lister.
 */
export function parseListBody<T>(body: Buffer, item: (raw: unknown) => T): ParsedList<T> {
  const out: ParsedList<T> = { items: [] };
  let i = skipSpace(body, 0);
  expect(body, i, OPEN_BRACE);
  i = skipSpace(body, i + 1);
  if (body[i] === CLOSE_BRACE) return finish(body, i + 1, out);
  for (;;) {
    expect(body, i, QUOTE);
    const keyEnd = endOfString(body, i);
    const key = parseSlice(body, i, keyEnd);
    i = skipSpace(body, keyEnd);
    expect(body, i, COLON);
    i = skipSpace(body, i + 1);
    if (key === 'items' && body[i] === OPEN_BRACKET) {
      out.items = [];
      i = readItems(body, i, raw => out.items.push(item(raw)));
    } else {
      const end = endOfValue(body, i);
      const value = parseSlice(body, i, end);
      if (key === 'metadata') out.metadata = value;
      // Go encodes an empty slice as null; anything else is not a list.
      if (key === 'items' && value !== null) throw new ListBodyError(`"items" is not an array`);
      if (key === 'items') out.items = [];
      i = end;
    }
    i = skipSpace(body, i);
    if (body[i] === CLOSE_BRACE) return finish(body, i + 1, out);
    expect(body, i, COMMA);
    i = skipSpace(body, i + 1);
  }
}

/** Parses the array that starts at `start`, passing each element on; returns the index after `]`. */
function readItems(body: Buffer, start: number, onItem: (raw: unknown) => void): number {
  let i = skipSpace(body, start + 1);
  if (body[i] === CLOSE_BRACKET) return i + 1;
  for (;;) {
    const end = endOfValue(body, i);
    onItem(parseSlice(body, i, end));
    i = skipSpace(body, end);
    if (body[i] === CLOSE_BRACKET) return i + 1;
    expect(body, i, COMMA);
    i = skipSpace(body, i + 1);
  }
}

/** JSON.parse of one slice; its message would quote the text, so only the offset is kept. */
function parseSlice(body: Buffer, start: number, end: number): unknown {
  try {
    return JSON.parse(body.toString('utf8', start, end));
  } catch {
    throw new ListBodyError(`invalid JSON value at offset ${start}`);
  }
}

function finish<T>(body: Buffer, end: number, out: ParsedList<T>): ParsedList<T> {
  if (skipSpace(body, end) !== body.length) throw new ListBodyError('unexpected data after the JSON object');
  return out;
}

function expect(body: Buffer, i: number, byte: number): void {
  if (body[i] !== byte) {
    const found = i < body.length ? `byte ${body[i]}` : 'the end';
    throw new ListBodyError(`expected '${String.fromCharCode(byte)}' at offset ${i}, found ${found}`);
  }
}

function skipSpace(body: Buffer, start: number): number {
  let i = start;
  for (;;) {
    const c = body[i];
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return i;
    i++;
  }
}

/** Index just after the string whose opening quote is at `start`. */
function endOfString(body: Buffer, start: number): number {
  let from = start + 1;
  for (;;) {
    const quote = body.indexOf(QUOTE, from);
    if (quote < 0) throw new ListBodyError(`unterminated string at offset ${start}`);
    // A quote is escaped when an odd number of backslashes precede it.
    let slashes = 0;
    while (body[quote - 1 - slashes] === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

/**
 * Index just after the value that starts at `start`. Objects and arrays are matched by depth (strings
 * skipped whole); a literal or number runs to the next delimiter. `JSON.parse` validates what is found.
 */
function endOfValue(body: Buffer, start: number): number {
  const first = body[start];
  if (first === QUOTE) return endOfString(body, start);
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
    let i = start;
    while (i < body.length && !isDelimiter(body[i])) i++;
    if (i === start) throw new ListBodyError(`expected a value at offset ${start}`);
    return i;
  }
  let depth = 0;
  for (let i = start; i < body.length; i++) {
    const c = body[i];
    if (c === QUOTE) i = endOfString(body, i) - 1;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth === 0) return i + 1;
  }
  throw new ListBodyError(`unterminated value at offset ${start}`);
}

function isDelimiter(c: number): boolean {
  return c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
