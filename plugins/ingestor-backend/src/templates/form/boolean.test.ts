import { crd, options, versionOf } from '../__testUtils__/fixtures';
import type { Schema } from '../schema/types';
import { buildForm } from './parameters';
import type { FormSchema } from './types';

function fields(spec: Schema): Record<string, FormSchema> {
  const o = options();
  const plan = buildForm({ version: versionOf(crd(spec)), compositions: [], clusters: [], form: o.form, publish: o.publish });
  return Object.assign({}, ...plan.pages.map(p => p.properties));
}

describe('boolean fields', () => {
  it('are a Yes/No choice that can be left empty, with the default named rather than prefilled', () => {
    const f = fields({
      type: 'object',
      properties: {
        enabled: { type: 'boolean', default: true, description: 'Disabled when unset.' },
        debug: { type: 'boolean' },
      },
    });
    expect(f.enabled).toEqual({ type: 'boolean', title: 'Enabled', 'ui:widget': 'select', description: 'Disabled when unset.\n\nLeft empty, it is Yes (the default).' });
    expect(f.debug).toEqual({ type: 'boolean', title: 'Debug', 'ui:widget': 'select' });
  });
});
