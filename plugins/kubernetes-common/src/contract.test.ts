import { decodeSchema, encodeSchema, isInertText } from './contract';

describe('the Template ↔ action contract', () => {
  const hostile = {
    type: 'object',
    description: '${{ secrets.USER_OAUTH_TOKEN }} {% raw %} {# note #} ünïcödé ✓',
    properties: { size: { type: 'string', enum: ['${{ secrets.USER_OAUTH_TOKEN }}', '{% raw %}'] } },
  };

  it('carries a schema as base64 of its JSON, which no template syntax can survive in', () => {
    const encoded = encodeSchema(hostile);
    expect(encoded).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(isInertText(encoded)).toBe(true);
    expect(decodeSchema(encoded)).toEqual(hostile);
  });

  it('encodes the same in a browser, without Node\'s Buffer', () => {
    const big = { ...hostile, properties: { ...hostile.properties, text: { type: 'string', description: 'ü✓'.repeat(40_000) } } };
    const inNode = encodeSchema(big);
    const { Buffer: saved } = globalThis;
    try {
      delete (globalThis as { Buffer?: unknown }).Buffer;
      expect((globalThis as { Buffer?: unknown }).Buffer).toBeUndefined();
      expect(encodeSchema(big)).toBe(inNode);
    } finally {
      globalThis.Buffer = saved;
    }
  });

  it.each([
    ['not base64', '${{ x }}'],
    ['base64 of text', btoa('not json')],
    ['base64 of a list', btoa('[1]')],
  ])('refuses %s', (_what, text) => {
    expect(() => decodeSchema(text)).toThrow(/schemaBase64/);
  });

  it.each(['${{ x }}', 'a {% raw %}', '{# c #}', 'end #}'])('finds template syntax in %p', text => {
    expect(isInertText(text)).toBe(false);
  });

  it.each(['plain', '{{ cookiecutter }}', '$ {{', '{ % }', 'PostgreSQLInstance'])('finds none in %p', text => {
    expect(isInertText(text)).toBe(true);
  });
});
