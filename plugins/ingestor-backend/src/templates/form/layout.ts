/**
 * The spec's fields placed on pages. A small spec is one page; a large one is split along its
 * plain child objects (at most two levels down, the largest first), whose fields then become
 * parameters of their own and are put back at their path when the render step assembles the spec.
 */
import type { FormOptions } from '../options';
import type { Schema } from '../schema/types';
import { attachChoices, hasUnions, unionFieldNames, unionsAreChoices, unionSentences } from './choice';
import { propertyTitle } from './collections';
import { formField, yamlReason } from './field';
import { helpText, rulesSentence } from './help';
import type { KeyAllocator } from './keys';
import { isAdvanced, isHidden, orderedProperties, type PropertyEntry } from './order';
import type { FieldRecord, FormSchema } from './types';

/** A form field bound to a spec path. */
export interface PlacedField {
  key: string;
  /** Below `spec`; `[]` means the whole spec. */
  path: string[];
  form: FormSchema;
  required: boolean;
}

export interface Section {
  title: string;
  description?: string;
  fields: PlacedField[];
  /** Union keywords for the page itself (the spec's own, as choices over its keys). */
  unions?: FormSchema;
  /** The object whose fields this page shows, and its path below `spec`. */
  source?: { schema: Schema; path: string[] };
}

export interface SpecLayout {
  sections: Section[];
  /** Fields marked `x-ui-advanced`, for the advanced page. */
  advanced: PlacedField[];
  records: FieldRecord[];
  warnings: string[];
}

const MAX_SPLIT_SECTIONS = 8;
const MIN_SECTION_LEAVES = 4;
const MAX_SPLIT_LEVEL = 2;

/** Leaf values a user could fill, counted to a bounded depth (recursive schemas do not exist, but huge ones do). */
export function leafCount(schema: Schema, depth = 0): number {
  if (depth > 8) return 1;
  if (schema.properties) return Object.values(schema.properties).reduce((n, s) => n + leafCount(s, depth + 1), 0) || 1;
  if (schema.items) return leafCount(schema.items, depth + 1);
  return 1;
}

const HELPER_FIELDS = ['name', 'policy', 'matchLabels', 'matchControllerRef'];

/**
 * Crossplane's reference and selector helpers (`kmsKeyArnRef`, `kmsKeyArnSelector`): a few fields that
 * belong beside the value they resolve, never a wizard page of their own.
 */
function isReferenceHelper(entry: PropertyEntry): boolean {
  const keys = Object.keys(entry.schema.properties ?? {});
  return /(Ref|Refs|Selector)$/.test(entry.key) && keys.length > 0 && keys.every(k => HELPER_FIELDS.includes(k));
}

/** A plain object whose fields can stand on their own without changing what the manifest may say. */
function splittable(entry: PropertyEntry, requiredChain: boolean): boolean {
  const s = entry.schema;
  if (isReferenceHelper(entry)) return false;
  const plain =
    (s.type === 'object' || (!s.type && !!s.properties)) &&
    !!s.properties &&
    Object.keys(s.properties).length > 0 &&
    s.additionalProperties === undefined &&
    s['x-kubernetes-preserve-unknown-fields'] !== true &&
    s['x-kubernetes-embedded-resource'] !== true &&
    !hasUnions(s) &&
    s.default === undefined &&
    s.minProperties === undefined &&
    s.maxProperties === undefined &&
    s.nullable !== true;
  // An optional object with required fields may be left out entirely, which split fields cannot say.
  const safe = (requiredChain && entry.required) || !(s.required?.length);
  return plain && safe && !isAdvanced(entry) && leafCount(s) >= MIN_SECTION_LEAVES;
}

/**
 * What the spec itself says beyond its fields: its CEL rules, and its unions, which become choices
 * on the main page when every field they name is one of that page's own, and sentences otherwise.
 */
function specNotes(spec: Schema, main: Section): string[] {
  const notes: string[] = [];
  const rules = rulesSentence(spec);
  if (rules) notes.push(rules);
  if (!hasUnions(spec)) return notes;
  const keyOf = new Map(main.fields.filter(f => f.path.length === 1).map(f => [f.path[0], f.key]));
  if (unionsAreChoices(spec) && unionFieldNames(spec).every(n => keyOf.has(n))) {
    const unions: FormSchema = {};
    attachChoices(spec, unions, name => keyOf.get(name)!);
    main.unions = unions;
  } else {
    notes.push(...unionSentences(spec));
  }
  return notes;
}

export function layoutSpec(spec: Schema, keys: KeyAllocator, options: FormOptions, title: string): SpecLayout {
  const records: FieldRecord[] = [];
  const warnings: string[] = [];
  const advanced: PlacedField[] = [];
  const main: Section = { title, fields: [], source: { schema: spec, path: [] } };
  const sections: Section[] = [main];
  const ctxFor = (path: string[]) => ({ options, depth: 0, path, records, warnings });

  if (!spec.properties || Object.keys(spec.properties).length === 0) {
    const form = formField(spec, title, ctxFor([]));
    main.fields.push({ key: keys.allocate(['spec']), path: [], form, required: !!spec.required?.length });
    return { sections, advanced, records, warnings };
  }

  let splitsLeft = leafCount(spec) > options.pageSize ? MAX_SPLIT_SECTIONS : 0;
  const place = (obj: Schema, path: string[], section: Section, requiredChain: boolean, level: number) => {
    const entries = orderedProperties(obj);
    const candidates = level < MAX_SPLIT_LEVEL ? entries.filter(e => splittable(e, requiredChain)) : [];
    const chosen = new Set(
      [...candidates]
        .sort((a, b) => leafCount(b.schema) - leafCount(a.schema))
        .slice(0, Math.max(0, splitsLeft))
        .map(e => e.key),
    );
    splitsLeft -= chosen.size;
    for (const entry of entries) {
      const childPath = [...path, entry.key];
      const required = requiredChain && entry.required;
      if (isHidden(entry)) {
        records.push({ path: childPath, mode: 'hidden', reason: 'x-ui-hidden, left to its default' });
      } else if (chosen.has(entry.key)) {
        records.push({ path: childPath, mode: 'split' });
        const child: Section = { title: propertyTitle(entry.key, entry.schema), fields: [], source: { schema: entry.schema, path: childPath } };
        const help = helpText(entry.schema);
        if (help) child.description = help;
        sections.push(child);
        place(entry.schema, childPath, child, required, level + 1);
      } else {
        const form = formField(entry.schema, propertyTitle(entry.key, entry.schema), ctxFor(childPath));
        (isAdvanced(entry) ? advanced : section.fields).push({ key: keys.allocate(childPath), path: childPath, form, required });
      }
    }
  };
  place(spec, [], main, true, 0);
  const notes = specNotes(spec, main);
  if (spec['x-kubernetes-preserve-unknown-fields'] === true && yamlReason(spec, ctxFor([]))) {
    notes.push('The spec also accepts fields its schema does not list; add them by editing the manifest in the pull request.');
  }
  const shown = sections.filter(s => s.fields.length > 0);
  // The spec's own rules go on its first page, even when all its fields moved to split pages.
  if (notes.length && shown.length) shown[0].description = [...notes, shown[0].description].filter(Boolean).join('\n\n');
  return { sections: shown, advanced, records, warnings };
}
