import { crd, options, versionOf } from '../__testUtils__/fixtures';
import { buildForm } from './parameters';
import type { Schema } from '../schema/types';
import type { FormSchema } from './types';

function pages(spec: Schema): FormSchema[] {
  const o = options();
  return buildForm({ version: versionOf(crd(spec)), compositions: [], clusters: [], form: o.form, publish: o.publish }).pages;
}

const reviewName = (field: FormSchema | undefined) => (field?.['ui:backstage'] as { review?: { name?: string } } | undefined)?.review?.name;

/** The labels Backstage's Review page would show for every top-level and nested field. */
function labels(all: FormSchema[]): string[] {
  const out: string[] = [];
  const visit = (field: FormSchema, key: string) => {
    out.push(reviewName(field) ?? field.title ?? key);
    if (field.type === 'object' && field.properties) for (const [k, child] of Object.entries(field.properties)) visit(child, k);
  };
  for (const page of all) for (const [key, field] of Object.entries(page.properties ?? {})) visit(field, key);
  return out;
}

describe('review labels', () => {
  const spec: Schema = {
    type: 'object',
    properties: {
      name: { type: 'string' },
      destination: { type: 'object', properties: { namespace: { type: 'string' }, server: { type: 'object', properties: { name: { type: 'string' } } } } },
      labels: { type: 'object', additionalProperties: { type: 'string' } },
    },
    // Required, so the map is a plain field rather than behind an "Add Labels" checkbox.
    required: ['labels'],
  };

  it('gives every field, nested ones included, a label no other field has', () => {
    const all = labels(pages(spec));
    expect(new Set(all.map(l => l.toLowerCase())).size).toBe(all.length);
    expect(all).toEqual(
      expect.arrayContaining(['Name', 'Namespace', 'Widget settings › Name', 'Destination › Namespace', 'Destination › Server', 'Destination › Server › Name']),
    );
  });

  it('leaves a unique top-level title alone and keeps a map as one row', () => {
    const [metadata, settings] = pages(spec);
    expect(reviewName(metadata.properties?.name)).toBeUndefined();
    expect(settings.properties?.labels['ui:backstage']).toEqual({ review: { explode: false } });
  });
});
