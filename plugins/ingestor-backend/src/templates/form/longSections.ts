/**
 * A page with very many fields (Prometheus' spec has over a hundred scalar fields left after its objects
 * got pages of their own) is split into continuation pages of at most `MAX_FIELDS_PER_PAGE` fields, in
 * the section's order (required fields first). Fields that form one choice (alternatives.ts) stay on one
 * page, since a choice is made among one page's fields; a section with page-level unions is left whole.
 */
import { alternativeGroups } from './alternatives';
import type { PlacedField, Section } from './layout';

export const MAX_FIELDS_PER_PAGE = 25;

/** Units that must share a page: a choice's fields together, every other field alone. */
function units(section: Section): PlacedField[][] {
  const sourcePath = section.source?.path ?? [];
  const groupOf = new Map<string, number>();
  if (section.source) alternativeGroups(section.source.schema).forEach((g, i) => g.names.forEach(n => groupOf.set(n, i)));
  const byGroup = new Map<number, PlacedField[]>();
  const out: PlacedField[][] = [];
  for (const field of section.fields) {
    const direct = field.path.length === sourcePath.length + 1;
    const group = direct ? groupOf.get(field.path[field.path.length - 1]) : undefined;
    if (group === undefined) {
      out.push([field]);
      continue;
    }
    const unit = byGroup.get(group);
    if (unit) unit.push(field);
    else {
      const created = [field];
      byGroup.set(group, created);
      out.push(created);
    }
  }
  return out;
}

/** `section` as one or more pages, titled "<title> (1 of 3)" and so on when split. */
export function splitLongSection(section: Section): Section[] {
  if (section.fields.length <= MAX_FIELDS_PER_PAGE || section.unions) return [section];
  const chunks: PlacedField[][] = [];
  for (const unit of units(section)) {
    const last = chunks[chunks.length - 1];
    if (last && last.length + unit.length <= MAX_FIELDS_PER_PAGE) last.push(...unit);
    else chunks.push([...unit]);
  }
  if (chunks.length === 1) return [section];
  return chunks.map((fields, i) => ({
    ...section,
    title: `${section.title} (${i + 1} of ${chunks.length})`,
    // The section's description (its help, the spec's rules) belongs with its first part.
    description: i === 0 ? section.description : undefined,
    fields,
  }));
}
