/**
 * Form text is data from a cluster, shown by Backstage's Create page through a Markdown renderer:
 * `<cluster>/<namespace>` would be dropped as an HTML tag, `*` and `_` would turn into emphasis and
 * `[x](y)` into a link. Every description is escaped so Markdown shows it as the very text it is.
 */
import { dependentFields } from './optIn';
import type { FormSchema } from './types';

/** Characters Markdown gives a meaning anywhere in a line (CommonMark lets any of them be escaped). */
const INLINE = /[\\`*_[\]<>|~&!#]/g;

/** `text` written so that a Markdown renderer shows it literally. Paragraph breaks stay breaks. */
export function markdownText(text: string): string {
  return text
    .split('\n')
    .map(line =>
      line
        // Four leading spaces would make a code block; a list marker or heading at the start would format the line.
        .trimStart()
        .replace(INLINE, c => `\\${c}`)
        .replace(/^([-+=])/, '\\$1')
        .replace(/^(\d+)([.)])/, '$1\\$2'),
    )
    .join('\n');
}

const MAX_DESCRIPTION = 400;

/**
 * Long descriptions (Terraform-generated providers write whole reference pages) cut after the
 * sentence that crosses the limit, so the help stays readable; the API entity keeps the full text.
 */
export function shortDescription(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length <= MAX_DESCRIPTION) return trimmed;
  const end = trimmed.slice(MAX_DESCRIPTION).search(/[.!?](\s|$)/);
  if (end < 0 || end > 200) return `${trimmed.slice(0, MAX_DESCRIPTION).replace(/\s+\S*$/, '')}…`;
  return `${trimmed.slice(0, MAX_DESCRIPTION + end + 1)} …`;
}

/** Escapes every description in `pages`, at any depth (mutates the pages). */
export function descriptionsAsText(pages: FormSchema[]): void {
  const visit = (node: FormSchema) => {
    if (typeof node.description === 'string') node.description = markdownText(node.description);
    for (const child of Object.values(node.properties ?? {})) visit(child);
    for (const [, child] of dependentFields(node)) visit(child);
    if (node.items) visit(node.items);
    if (typeof node.additionalProperties === 'object') visit(node.additionalProperties);
  };
  pages.forEach(visit);
}
