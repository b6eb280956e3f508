import { KubeSchema } from './types';
import { unknownFields } from './unknownFields';

const schema: KubeSchema = {
  type: 'object',
  properties: {
    size: { type: 'string' },
    network: { type: 'object', properties: { id: { type: 'string' } } },
    rules: { type: 'array', items: { type: 'object', properties: { port: { type: 'integer' } } } },
    labels: { type: 'object', additionalProperties: { type: 'string' } },
    selectors: { type: 'object', additionalProperties: { type: 'object', properties: { match: { type: 'string' } } } },
    values: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { known: { type: 'object', properties: { a: { type: 'string' } } } } },
    template: { type: 'object', 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true },
    opaque: { description: 'untyped' },
    empty: { type: 'object' },
  },
};

describe('unknownFields', () => {
  it('lists every field the schema does not declare, with its path', () => {
    const errors = unknownFields(
      {
        size: 'small',
        colour: 'blue',
        network: { id: 'n', vpc: 'x' },
        rules: [{ port: 80 }, { port: 443, proto: 'tcp' }],
        selectors: { a: { match: 'x', extra: 1 } },
        empty: { anything: true },
        'odd key': 1,
      },
      schema,
      'spec',
    );
    expect(errors.map(e => e.path)).toEqual([
      'spec.colour',
      'spec.network.vpc',
      'spec.rules[1].proto',
      'spec.selectors.a.extra',
      'spec.empty.anything',
      'spec."odd key"',
    ]);
    expect(errors[0].message).toMatch(/not a field of the schema/);
  });

  it('accepts map keys, preserved unknown fields, embedded resources and anything below an untyped schema', () => {
    expect(
      unknownFields(
        {
          labels: { any: 'x', other: 'y' },
          values: { free: { deep: [1, 2] }, known: { a: 'x' } },
          template: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [] } },
          opaque: { whatever: { you: 'like' } },
        },
        schema,
        'spec',
      ),
    ).toEqual([]);
  });

  it('still checks declared properties below x-kubernetes-preserve-unknown-fields', () => {
    expect(unknownFields({ values: { known: { a: 'x', b: 'y' } } }, schema, 'spec').map(e => e.path)).toEqual([
      'spec.values.known.b',
    ]);
  });

  it('reports nothing without a schema', () => {
    expect(unknownFields({ a: 1 }, undefined, 'spec')).toEqual([]);
  });
});
