/**
 * Labels for the Review page. Backstage lists the submitted values in a table keyed by label (the
 * field's title, or `ui:backstage.review.name`), exploding objects into one row per child; two rows
 * with one label overwrite each other. Every nested field is labelled with its parent's label, a
 * top-level title used on an earlier page gets its page's title, and maps stay one row (their
 * entries would all be called "Value").
 */
import { dependentFields } from './optIn';
import type { FormSchema } from './types';

const SEPARATOR = ' › ';

function setReviewName(field: FormSchema, name: string): void {
  const backstage = (field['ui:backstage'] ?? {}) as { review?: Record<string, unknown> };
  field['ui:backstage'] = { ...backstage, review: { ...backstage.review, name } };
}

function keepWhole(field: FormSchema): void {
  const backstage = (field['ui:backstage'] ?? {}) as { review?: Record<string, unknown> };
  field['ui:backstage'] = { ...backstage, review: { ...backstage.review, explode: false } };
}

function labelChildren(field: FormSchema, label: string): void {
  if (field.type !== 'object') return;
  if (!field.properties || Object.keys(field.properties).length === 0) {
    if (field.additionalProperties) keepWhole(field);
    return;
  }
  for (const [key, child] of [...Object.entries(field.properties), ...dependentFields(field)]) {
    const childLabel = `${label}${SEPARATOR}${child.title ?? key}`;
    setReviewName(child, childLabel);
    labelChildren(child, childLabel);
  }
}

/** Gives every field of `pages` a review label no other field has (mutates the pages). */
export function labelForReview(pages: FormSchema[]): void {
  const used = new Set<string>();
  for (const page of pages) {
    for (const [key, field] of [...Object.entries(page.properties ?? {}), ...dependentFields(page)]) {
      const title = field.title ?? key;
      let label = title;
      if (used.has(label.toLowerCase()) && page.title) label = `${page.title}${SEPARATOR}${title}`;
      if (used.has(label.toLowerCase())) label = `${label} (${key})`;
      used.add(label.toLowerCase());
      if (label !== title) setReviewName(field, label);
      labelChildren(field, label);
    }
  }
}
