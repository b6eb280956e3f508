import { convertValues } from './convert';
import { KubeSchema } from './types';

const schema: KubeSchema = {
  type: 'object',
  required: ['network'],
  properties: {
    name: { type: 'string' },
    count: { type: 'integer' },
    enabled: { type: 'boolean' },
    network: { type: 'object', properties: { id: { type: 'string', default: 'default' } } },
    tags: { type: 'object', additionalProperties: { type: 'string' } },
    nested: {
      type: 'object',
      properties: {
        config: { type: 'object', properties: { a: { type: 'integer' }, b: { type: 'string' } } },
        list: { type: 'array', items: { type: 'object', properties: { x: { type: 'integer' } } } },
        rules: { type: 'array', items: { type: 'object', properties: { ports: { type: 'array', items: { type: 'integer' } } } } },
        labels: { type: 'object', additionalProperties: { type: 'object', properties: { v: { type: 'integer' } } } },
        text: { type: 'string' },
        free: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
      },
    },
  },
};

function convert(value: unknown) {
  return convertValues(value, schema, 'spec');
}

describe('convertValues: empty values', () => {
  it("drops '', undefined, null, {} and [] at every depth but keeps 0 and false", () => {
    const result = convert({
      name: '',
      count: 0,
      enabled: false,
      tags: {},
      nested: { config: { a: undefined, b: '' }, list: [{}, { x: null }], text: undefined, free: {} },
    });
    expect(result.errors).toEqual([]);
    expect(result.value).toEqual({ count: 0, enabled: false });
  });

  it('drops empty list items but keeps the others in order', () => {
    const result = convert({ nested: { list: [{ x: 1 }, {}, '', { x: 2 }] } });
    expect(result.value).toEqual({ nested: { list: [{ x: 1 }, { x: 2 }] } });
  });

  it('keeps a required object that is empty, as {}', () => {
    expect(convert({ network: { id: '' } }).value).toEqual({ network: {} });
    expect(convert({ network: {} }).value).toEqual({ network: {} });
  });

  it('keeps a required list left empty, and a required object given as YAML text that is empty', () => {
    const withRequired: KubeSchema = {
      type: 'object',
      required: ['rules', 'manifest'],
      properties: {
        rules: { type: 'array', items: { type: 'string' } },
        manifest: { type: 'object', 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true },
        optional: { type: 'array', items: { type: 'string' } },
      },
    };
    expect(convertValues({ rules: [], manifest: '{}', optional: [] }, withRequired, 'spec').value).toEqual({ rules: [], manifest: {} });
    expect(convertValues({ rules: [''], manifest: '' }, withRequired, 'spec').value).toEqual({ rules: [] });
  });

  it('gives undefined, not {}, when nothing is set', () => {
    expect(convert({ name: '', nested: { config: {} } }).value).toBeUndefined();
    expect(convertValues(undefined, schema, 'spec').value).toBeUndefined();
  });

  it('drops YAML text that holds nothing (blank, a comment, null)', () => {
    const result = convert({ nested: { config: '  \n', free: '# nothing here\n', list: 'null' } });
    expect(result).toEqual({ value: undefined, errors: [] });
  });
});

describe('convertValues: int-or-string', () => {
  const intOrString: KubeSchema = { type: 'object', properties: { port: { 'x-kubernetes-int-or-string': true } } };
  it.each([
    ['42', 42],
    ['0', 0],
    ['-7', -7],
    [String(Number.MAX_SAFE_INTEGER), Number.MAX_SAFE_INTEGER],
    ['08', '08'],
    ['-0', '-0'],
    [' 8', ' 8'],
    ['8 ', '8 '],
    ['+8', '+8'],
    ['1e3', '1e3'],
    ['99999999999999999999', '99999999999999999999'],
    [String(Number.MAX_SAFE_INTEGER + 1), String(Number.MAX_SAFE_INTEGER + 1)],
    ['50%', '50%'],
  ])('turns %p into %p', (text, expected) => {
    expect(convertValues({ port: text }, intOrString, 'spec').value).toEqual({ port: expected });
  });
});

describe('convertValues: YAML text wherever the schema wants an object or list', () => {
  it('parses YAML text for a nested object and a nested list', () => {
    const result = convert({ nested: { config: 'a: 1\nb: two\n', list: '- x: 1\n- x: 2\n' } });
    expect(result.errors).toEqual([]);
    expect(result.value).toEqual({ nested: { config: { a: 1, b: 'two' }, list: [{ x: 1 }, { x: 2 }] } });
  });

  it('parses YAML text inside list items and inside map values', () => {
    const result = convert({
      nested: {
        rules: [{ ports: '[80, 443]' }, { ports: '- 8080\n' }],
        labels: { first: 'v: 1', second: { v: 2 } },
      },
    });
    expect(result.errors).toEqual([]);
    expect(result.value).toEqual({
      nested: { rules: [{ ports: [80, 443] }, { ports: [8080] }], labels: { first: { v: 1 }, second: { v: 2 } } },
    });
  });

  it('drops empty values inside parsed YAML', () => {
    const result = convert({ nested: { config: "a: 1\nb: ''\n", list: '- {}\n- x: 3\n' } });
    expect(result.value).toEqual({ nested: { config: { a: 1 }, list: [{ x: 3 }] } });
  });

  it('leaves YAML-looking text alone where the schema wants a string', () => {
    expect(convert({ name: 'a: b', nested: { text: '- item' } }).value).toEqual({
      name: 'a: b',
      nested: { text: '- item' },
    });
  });

  it('keeps a YAML scalar as the text typed, for ajv to report', () => {
    expect(convert({ nested: { config: 'just words' } }).value).toEqual({ nested: { config: 'just words' } });
  });

  it('reports invalid YAML with the full path of the field, however deep', () => {
    const result = convert({ nested: { rules: [{ ports: '[80' }], labels: { bad: 'v: [1' } } });
    expect(result.errors.map(e => e.path)).toEqual(['spec.nested.rules[0].ports', 'spec.nested.labels.bad']);
    expect(result.errors.every(e => e.message.startsWith('is not valid YAML'))).toBe(true);
  });
});
