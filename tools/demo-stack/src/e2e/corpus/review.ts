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

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Review labels of the required lists and objects in `pages`: the form library creates them empty and the
 * manifest needs them, empty if the user adds nothing, so Backstage's Review shows a blank row for them.
 */
export function requiredContainerLabels(pages: unknown[]): Set<string> {
  const labels = new Set<string>();
  const visit = (node: unknown) => {
    if (!isNode(node)) return;
    const properties = isNode(node.properties) ? node.properties : {};
    const required = Array.isArray(node.required) ? node.required : [];
    for (const [key, child] of Object.entries(properties)) {
      if (!isNode(child)) continue;
      if (required.includes(key) && (child.type === 'array' || child.type === 'object')) {
        const review = isNode(child['ui:backstage']) && isNode(child['ui:backstage'].review) ? child['ui:backstage'].review : {};
        labels.add(String(review.name ?? child.title ?? key));
      }
      visit(child);
    }
    const dependencies = isNode(node.dependencies) ? Object.values(node.dependencies) : [];
    for (const dep of dependencies) if (isNode(dep) && Array.isArray(dep.oneOf)) dep.oneOf.forEach(visit);
  };
  pages.forEach(visit);
  return labels;
}

/**
 * What is wrong with the rows: a label shown twice (one row hid another's value), an empty row (but for
 * the required lists and objects in `blankAllowed`), or a typed value the Review does not show.
 */
export function reviewProblems(rows: ReviewRow[], filled: FilledField[], blankAllowed: Set<string> = new Set()): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.label)) problems.push(`label "${row.label}" appears twice`);
    seen.add(row.label);
    if (row.value === '' && !blankAllowed.has(row.label)) problems.push(`row "${row.label}" is empty`);
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
