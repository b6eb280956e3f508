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
