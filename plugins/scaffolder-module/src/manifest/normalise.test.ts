import { normaliseForAjv } from './normalise';
import { KubeSchema } from './types';
import { validateAgainstSchema } from './validate';

const paths = (value: unknown, schema: KubeSchema) =>
  validateAgainstSchema(value as never, schema).map(e => `${e.path}: ${e.message}`);

describe('boolean exclusiveMinimum / exclusiveMaximum (OpenAPI 3.0)', () => {
  const schema: KubeSchema = {
    type: 'object',
    properties: {
      ratio: { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 1, exclusiveMaximum: true },
      replicas: { type: 'integer', minimum: 1, exclusiveMinimum: false, maximum: 5, exclusiveMaximum: false },
      loose: { type: 'integer', exclusiveMinimum: true },
    },
  };

  it('become draft-07 numeric bounds', () => {
    expect(normaliseForAjv(schema).properties).toEqual({
      ratio: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
      replicas: { type: 'integer', minimum: 1, maximum: 5 },
      loose: { type: 'integer' },
    });
  });

  it('exclude the bound when true and include it when false', () => {
    expect(paths({ ratio: 0.5, replicas: 1, loose: -3 }, schema)).toEqual([]);
    expect(paths({ replicas: 5 }, schema)).toEqual([]);
    expect(paths({ ratio: 0 }, schema)).toEqual(['ratio: must be > 0']);
    expect(paths({ ratio: 1 }, schema)).toEqual(['ratio: must be < 1']);
    expect(paths({ replicas: 0 }, schema)).toEqual(['replicas: must be >= 1']);
  });
});

describe('nullable: true', () => {
  const schema: KubeSchema = {
    type: 'object',
    properties: {
      note: { type: 'string', nullable: true },
      mode: { type: 'string', enum: ['a', 'b'], nullable: true },
      anything: { nullable: true, 'x-kubernetes-preserve-unknown-fields': true },
      strict: { type: 'string', nullable: false },
      items: { type: 'array', items: { type: 'integer', nullable: true } },
      map: { type: 'object', additionalProperties: { type: 'object', nullable: true } },
      both: { allOf: [{ type: 'string', nullable: true }] },
    },
  };

  it('allows null, also in an enum, at any depth', () => {
    expect(
      paths({ note: null, mode: null, anything: null, items: [1, null], map: { k: null }, both: null }, schema),
    ).toEqual([]);
    expect(paths({ mode: 'c' }, schema)).toEqual(['mode: must be one of: a, b, null']);
  });

  it('compiles without a type (ajv refuses nullable without type) and leaves null refused elsewhere', () => {
    expect(paths({ anything: { x: 1 } }, schema)).toEqual([]);
    expect(paths({ strict: null }, schema)).toEqual(['strict: must be string']);
    expect(paths({ note: 3 }, schema)).toEqual(['note: must be string,null']);
  });

  it('does not change the schema it is given', () => {
    const before = JSON.stringify(schema);
    normaliseForAjv(schema);
    expect(JSON.stringify(schema)).toBe(before);
  });

  it('leaves defaults, enums and examples that merely contain the keyword names alone', () => {
    const withData: KubeSchema = {
      type: 'object',
      default: { nullable: true, exclusiveMinimum: true },
      properties: { nullable: { type: 'boolean', nullable: true } },
    };
    const normalised = normaliseForAjv(withData);
    expect(normalised.default).toEqual({ nullable: true, exclusiveMinimum: true });
    expect(normalised.properties?.nullable).toEqual({ type: ['boolean', 'null'] });
  });
});
