import { SchemaShapeError, toSchemaProps } from './jsonSchema';

describe('toSchemaProps (an XRD schema as Crossplane unmarshals it)', () => {
  it('drops keywords JSONSchemaProps does not model, at every depth', () => {
    expect(
      toSchemaProps({
        type: 'object',
        deprecated: true,
        properties: {
          a: { type: 'array', madeUp: 1, items: { type: 'string', 'x-custom': 'y' } },
          b: { oneOf: [{ required: ['x'], bogus: true }] },
        },
      }),
    ).toEqual({
      type: 'object',
      properties: {
        a: { type: 'array', items: { type: 'string' } },
        b: { oneOf: [{ required: ['x'] }] },
      },
    });
  });

  it("drops omitempty zero values but keeps pointers' false and zero", () => {
    expect(
      toSchemaProps({
        type: 'object',
        description: '',
        required: [],
        properties: {},
        nullable: false,
        uniqueItems: false,
        'x-kubernetes-preserve-unknown-fields': false,
        minLength: 0,
        default: {},
      }),
    ).toEqual({ type: 'object', 'x-kubernetes-preserve-unknown-fields': false, minLength: 0, default: {} });
  });

  it('keeps boolean and schema forms of additionalProperties, and list-form items', () => {
    expect(toSchemaProps({ additionalProperties: false }).additionalProperties).toBe(false);
    expect(toSchemaProps({ additionalProperties: { type: 'string', z: 1 } }).additionalProperties).toEqual({ type: 'string' });
    expect(toSchemaProps({ items: [{ type: 'string' }, { type: 'integer' }] }).items).toEqual([{ type: 'string' }, { type: 'integer' }]);
  });

  it('keeps validation rules with their known fields only', () => {
    expect(
      toSchemaProps({ 'x-kubernetes-validations': [{ rule: 'self.a > 0', message: 'm', reason: 'FieldValueInvalid', extra: 1 }] }),
    ).toEqual({ 'x-kubernetes-validations': [{ rule: 'self.a > 0', message: 'm', reason: 'FieldValueInvalid' }] });
  });

  it('reports where a schema cannot be read', () => {
    expect(() => toSchemaProps({ properties: { a: { properties: ['x'] } } })).toThrow(SchemaShapeError);
    expect(() => toSchemaProps({ properties: { a: { properties: ['x'] } } })).toThrow('.properties.a.properties: must be a map of schemas');
    expect(() => toSchemaProps({ required: 'spec' })).toThrow('.required: must be a list of strings');
  });

  it('does not share structure with its input', () => {
    const input = { properties: { a: { enum: [{ x: 1 }], default: { y: [1] } } } };
    const out = toSchemaProps(input);
    (out.properties?.a.default as { y: number[] }).y.push(2);
    expect(input.properties.a.default.y).toEqual([1]);
  });
});
