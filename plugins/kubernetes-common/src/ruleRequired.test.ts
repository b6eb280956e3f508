import { upjetRequiredField, withRuleRequiredFields } from './ruleRequired';

const rule = (field: string) =>
  `!('*' in self.managementPolicies || 'Create' in self.managementPolicies || 'Update' in self.managementPolicies)
   || has(self.forProvider.${field}) || (has(self.initProvider) && has(self.initProvider.${field}))`;

describe('upjetRequiredField', () => {
  it('reads the field of an Upjet "required parameter" rule, however it is wrapped', () => {
    expect(upjetRequiredField(rule('instanceClass'))).toBe('instanceClass');
  });

  it.each([
    ['a different field in initProvider', rule('location').replace('initProvider.location', 'initProvider.name')],
    ['no policy guard', 'has(self.forProvider.location) || (has(self.initProvider) && has(self.initProvider.location))'],
    ['a guard with fewer policies', rule('location').replace(" || 'Update' in self.managementPolicies", '')],
    ['another rule entirely', 'self.size > 0'],
  ])('ignores %s', (_what, text) => {
    expect(upjetRequiredField(text)).toBeUndefined();
  });
});

describe('withRuleRequiredFields', () => {
  const spec = {
    type: 'object',
    properties: {
      forProvider: { type: 'object', required: ['region'], properties: { region: { type: 'string' }, location: { type: 'string' }, name: { type: 'string' } } },
      initProvider: { type: 'object', properties: { location: { type: 'string' }, name: { type: 'string' } } },
    },
    'x-kubernetes-validations': [{ rule: rule('location') }, { rule: rule('name') }, { rule: rule('location') }, { rule: rule('missing') }],
  };

  it('adds each rule-required field once, after the schema\'s own, and leaves the source untouched', () => {
    const out = withRuleRequiredFields(spec);
    expect(out.properties?.forProvider.required).toEqual(['region', 'location', 'name']);
    expect(spec.properties.forProvider.required).toEqual(['region']);
  });

  it('returns the same schema when no rule applies', () => {
    const plain = { ...spec, 'x-kubernetes-validations': [{ rule: 'self.size > 0' }] };
    expect(withRuleRequiredFields(plain)).toBe(plain);
  });
});
