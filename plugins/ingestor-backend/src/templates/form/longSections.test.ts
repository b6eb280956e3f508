import type { Schema } from '../schema/types';
import type { PlacedField, Section } from './layout';
import { MAX_FIELDS_PER_PAGE, splitLongSection } from './longSections';

const field = (name: string): PlacedField => ({ key: name, path: [name], form: { type: 'string', title: name }, required: false });

function section(names: string[], schema: Schema = { type: 'object' }): Section {
  return { title: 'Settings', description: 'About the settings.', fields: names.map(field), source: { schema, path: [] } };
}

const names = (n: number, prefix = 'f') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('splitLongSection', () => {
  it('leaves a section of up to the page size whole', () => {
    const whole = section(names(MAX_FIELDS_PER_PAGE));
    expect(splitLongSection(whole)).toEqual([whole]);
  });

  it('splits a long one into numbered pages in order, the description on the first', () => {
    const pages = splitLongSection(section(names(2 * MAX_FIELDS_PER_PAGE + 3)));
    expect(pages.map(p => [p.title, p.fields.length])).toEqual([
      ['Settings (1 of 3)', MAX_FIELDS_PER_PAGE],
      ['Settings (2 of 3)', MAX_FIELDS_PER_PAGE],
      ['Settings (3 of 3)', 3],
    ]);
    expect(pages.map(p => p.description)).toEqual(['About the settings.', undefined, undefined]);
    expect(pages.flatMap(p => p.fields.map(f => f.key))).toEqual(names(2 * MAX_FIELDS_PER_PAGE + 3));
  });

  it("keeps a choice's fields on one page even where the page size would cut between them", () => {
    const before = names(MAX_FIELDS_PER_PAGE - 1);
    const trio = ['kmsKeyArn', 'kmsKeyArnRef', 'kmsKeyArnSelector'];
    const ref = { type: 'object', properties: { name: { type: 'string' } } };
    const schema: Schema = {
      type: 'object',
      properties: {
        ...Object.fromEntries(before.map(n => [n, { type: 'string' }])),
        kmsKeyArn: { type: 'string' },
        kmsKeyArnRef: ref,
        kmsKeyArnSelector: { type: 'object', properties: { matchLabels: { type: 'object', additionalProperties: { type: 'string' } } } },
      },
    };
    const pages = splitLongSection(section([...before, ...trio], schema));
    expect(pages.map(p => p.fields.length)).toEqual([MAX_FIELDS_PER_PAGE - 1, 3]);
    expect(pages[1].fields.map(f => f.key)).toEqual(trio);
  });

  it('leaves a section whose unions name its fields whole', () => {
    const withUnions = { ...section(names(MAX_FIELDS_PER_PAGE + 5)), unions: { oneOf: [{ required: ['f0'] }, { required: ['f1'] }] } };
    expect(splitLongSection(withUnions)).toEqual([withUnions]);
  });
});
