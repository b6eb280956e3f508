/** The Review page as the user reads it, and what makes it untruthful. */
import type { Page } from 'playwright-core';
import type { FilledField } from '../formWalker';

export interface ReviewRow {
  label: string;
  value: string;
}

/** The rows of the Review table (the last table on the page: the form's own tables come before it). */
export async function reviewRows(page: Page): Promise<ReviewRow[]> {
  return page.locator('table').last().evaluate(table =>
    Array.from(table.querySelectorAll(':scope > tbody > tr')).map(tr => {
      const cells = Array.from(tr.children);
      return { label: (cells[0]?.textContent ?? '').trim(), value: (cells[1]?.textContent ?? '').trim() };
    }),
  );
}

/**
 * What is wrong with the rows: a label shown twice (one row hid another's value), an empty row, or a
 * typed value the Review does not show.
 */
export function reviewProblems(rows: ReviewRow[], filled: FilledField[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.label)) problems.push(`label "${row.label}" appears twice`);
    seen.add(row.label);
    if (row.value === '') problems.push(`row "${row.label}" is empty`);
  }
  const words = (text: string) => text.replace(/\s+/g, ' ').trim();
  const shown = words(rows.map(r => r.value).join(' '));
  for (const field of filled) {
    // Pickers show a title, the Review the ref; selects a title, the Review the value: typed text only.
    if (!field.typed || shown.includes(words(field.value))) continue;
    problems.push(`${field.id}: typed "${field.value}" is not on the Review page`);
  }
  return problems;
}
