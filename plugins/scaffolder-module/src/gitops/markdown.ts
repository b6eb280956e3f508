/**
 * Inert Markdown for text a form or a cluster chose: inside a code span or a fenced block GitHub shows
 * characters as they are, so backticks, `@team` mentions, links, images and HTML neither render nor
 * notify anyone, provided the text cannot close the span or block early.
 */

/** Control, line-separator and bidi-override characters, shown as `\uXXXX` so nothing hides or reorders text. */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function visible(text: string): string {
  return text.replace(INVISIBLE, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

/**
 * One line of text as a code span: delimited by more backticks than any run inside it (CommonMark's
 * rule), padded with a space when it starts or ends with a backtick or a space, line breaks shown as
 * `\n` (a blank line would end the paragraph and the span with it).
 */
export function codeSpan(text: string): string {
  const line = visible(text.replace(/\r\n|\r|\n/g, '\\n').replace(/\t/g, '\\t'));
  const content = line.length > 0 ? line : ' ';
  const fence = '`'.repeat(longestRun(content, '`') + 1);
  const pad = /^[` ]|[` ]$/.test(content) && content.trim().length > 0 ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

/** Text of any length as a fenced block whose fence is longer than any backtick or tilde run inside it. */
export function codeBlock(text: string): string {
  const body = visible(text.replace(/\r\n|\r/g, '\n').replace(/\t/g, '    '));
  const fence = '`'.repeat(Math.max(3, longestRun(body, '`') + 1));
  return `${fence}text\n${body}\n${fence}`;
}
