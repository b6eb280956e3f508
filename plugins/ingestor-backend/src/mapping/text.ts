/**
 * Control characters (C0 except tab and newline, DEL, C1) and bidirectional controls (embeddings,
 * overrides, isolates, marks). In an entity they can hide or reorder text a reader sees (the "Trojan
 * Source" trick) or break log lines and terminals; annotation values never need them.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** `value` without control and bidi characters, and whether any were removed. */
// Without the global flag: `test` keeps no position between calls.
const UNSAFE_ANY = new RegExp(UNSAFE.source);

export function stripUnsafeCharacters(value: string): { text: string; changed: boolean } {
  // Nearly every value is clean: tested first, without building a copy.
  if (!UNSAFE_ANY.test(value)) return { text: value, changed: false };
  const text = value.replace(UNSAFE, '');
  return { text, changed: text.length !== value.length };
}
