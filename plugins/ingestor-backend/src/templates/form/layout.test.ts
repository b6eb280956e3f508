import { crd, options, versionOf } from '../__testUtils__/fixtures';
import type { Schema } from '../schema/types';
import { buildForm } from './parameters';

const selector: Schema = {
  type: 'object',
  properties: {
    matchControllerRef: { type: 'boolean' },
    matchLabels: { type: 'object', additionalProperties: { type: 'string' } },
    policy: { type: 'object', properties: { resolution: { type: 'string' }, resolve: { type: 'string' } } },
  },
};

describe('page splitting', () => {
  it("never gives a Crossplane reference selector a wizard page of its own", () => {
    const many = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}`, { type: 'string' }]));
    const spec: Schema = {
      type: 'object',
      properties: { forProvider: { type: 'object', properties: { kmsKeyArn: { type: 'string' }, kmsKeyArnSelector: selector, ...many } }, tags: { type: 'object', properties: many } },
    };
    const o = options();
    const plan = buildForm({ version: versionOf(crd(spec)), compositions: [], clusters: [], form: o.form, publish: o.publish });
    const titles = plan.pages.map(p => p.title);
    // The spec is large enough to split, and does, along its plain objects.
    expect(titles).toEqual(expect.arrayContaining(['For Provider', 'Tags']));
    expect(titles).not.toContain('Kms Key Arn Selector');
    const forProvider = plan.pages.find(p => p.title === 'For Provider');
    expect(Object.keys(forProvider?.properties ?? {})).toEqual(expect.arrayContaining(['kmsKeyArn', 'kmsKeyArnSelector']));
  });
});
