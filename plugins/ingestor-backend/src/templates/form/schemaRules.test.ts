import { crd, options, versionOf } from '../__testUtils__/fixtures';
import { convertDefinitions } from '../convert';
import type { Schema } from '../schema/types';
import { buildForm } from './parameters';
import type { FormSchema } from './types';

function plan(spec: Schema, root: Schema = {}) {
  const o = options();
  const object = crd(spec);
  const versions = (object.spec as { versions: Array<{ schema: { openAPIV3Schema: Schema } }> }).versions;
  Object.assign(versions[0].schema.openAPIV3Schema, root);
  return buildForm({ version: versionOf(object), compositions: [], clusters: [], form: o.form, publish: o.publish });
}

function fields(p: ReturnType<typeof plan>): Record<string, FormSchema> {
  return Object.assign({}, ...p.pages.map(page => page.properties));
}

describe('enums whose values do not all have the declared type', () => {
  it('keeps only values of the declared type, and warns naming the field and the values', () => {
    const p = plan({
      type: 'object',
      properties: {
        mode: { type: 'string', enum: ['fast', 1, true, null, 'slow'] },
        size: { type: 'integer', enum: [1, '2', 2.5, 3] },
        port: { 'x-kubernetes-int-or-string': true, enum: [80, 'http', false] },
        flag: { type: 'boolean', enum: ['yes'] },
      },
    });
    const f = fields(p);
    expect(f.mode.enum).toEqual(['fast', 'slow']);
    expect(f.size.enum).toEqual([1, 3]);
    expect(f.port.enum).toEqual(['80', 'http']);
    expect(f.flag.enum).toBeUndefined();
    expect(p.warnings).toEqual([
      'spec.mode: enum values 1, true are not of its type string and can never be valid; left out of the choices',
      'spec.size: enum values "2", 2.5 are not of its type integer and can never be valid; left out of the choices',
      'spec.port: enum values false are not of its type int-or-string and can never be valid; left out of the choices',
      'spec.flag: enum values "yes" are not of its type boolean and can never be valid; no choice is left, so any value can be entered',
    ]);
  });

  it('reports the warning in the conversion result, naming the definition', async () => {
    const result = await convertDefinitions([crd({ type: 'object', properties: { mode: { type: 'string', enum: ['a', 2] } } })], options(), { typesGenerator: null });
    expect(result.warnings).toEqual([{ source: 'CustomResourceDefinition widgets.widgets.example.com', message: expect.stringContaining('v1: spec.mode: enum values 2') }]);
  });
});

describe('CEL rules and unions without a field of their own', () => {
  it('shows a rule by its message, else by its rule text, never a messageExpression as words', () => {
    const f = fields(plan({ type: 'object', properties: { replicas: { type: 'integer', 'x-kubernetes-validations': [{ rule: 'self >= 1', message: 'Must be positive.' }, { rule: 'self < 5', messageExpression: '"too many: " + string(self)' }] } } }));
    // Escaped for the Markdown renderer (see text.ts), so `<` shows as itself.
    expect(f.replicas.description).toBe('Rules: Must be positive; must satisfy self \\< 5.');
  });

  it("puts the spec's own rules on its first page and the object's on the metadata page", () => {
    const p = plan(
      { type: 'object', properties: { size: { type: 'integer' } }, 'x-kubernetes-validations': [{ rule: 'self.size == oldSelf.size', message: 'Scaling after creation is not supported' }] },
      { 'x-kubernetes-validations': [{ rule: "self.metadata.name.startsWith('w-')", message: 'names start with w-' }] },
    );
    expect(p.pages[0].description).toBe('Rules: names start with w-.');
    expect(p.pages[1].description).toBe('Rules: Scaling after creation is not supported.');
  });

  it('keeps the rules of a spec whose fields all moved to split pages', () => {
    const many = Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`f${i}`, { type: 'string' }]));
    const p = plan({ type: 'object', required: ['parameters'], properties: { parameters: { type: 'object', properties: many } }, 'x-kubernetes-validations': [{ rule: 'has(self.parameters)' }] });
    expect(p.pages.map(page => page.title)).toEqual(['Metadata', 'Parameters', 'GitOps']);
    expect(p.pages[1].description).toContain('Rules: must satisfy has(self.parameters).');
  });

  it('turns a spec-level "set one of" union into choices over the page keys', () => {
    const p = plan({ type: 'object', oneOf: [{ required: ['git'] }, { required: ['name'] }], properties: { git: { type: 'string' }, name: { type: 'string' } } });
    // `name` belongs to the metadata page, so the spec field's key is its path.
    expect(p.pages[1].oneOf).toEqual([
      { title: 'Set only git', required: ['git'] },
      { title: 'Set only name', required: ['spec_name'] },
    ]);
  });

  it('describes other spec-level unions in words instead of dropping them', () => {
    const p = plan({
      type: 'object',
      anyOf: [{ required: ['acme'] }, { required: ['ca'] }],
      not: { required: ['acme', 'ca'] },
      oneOf: [{ properties: { mode: { enum: ['a'] } } }, { required: ['extra'] }],
      properties: { acme: { type: 'string' }, ca: { type: 'string' }, mode: { type: 'string' } },
    });
    expect(p.pages[1].oneOf).toBeUndefined();
    expect(p.pages[1].description).toBe(
      [
        'Exactly one of these must hold (checked when the manifest is rendered): match {"properties":{"mode":{"enum":\\["a"\\]}}}; set extra.',
        'At least one of these must hold (checked when the manifest is rendered): set acme; set ca.',
        'This must not hold (checked when the manifest is rendered): set acme and ca.',
      ].join('\n\n'),
    );
  });
});

describe('Go patterns in forms', () => {
  it('checks a scoped case-insensitive group exactly as Go does', () => {
    const f = fields(plan({ type: 'object', properties: { code: { type: 'string', pattern: '^a(?i:b)c$' } } }));
    const re = new RegExp(String(f.code.pattern), 'u');
    expect([re.test('aBc'), re.test('Abc')]).toEqual([true, false]);
  });

  it('names a pattern it cannot translate in the help, with the reason, and does not check it', () => {
    const f = fields(plan({ type: 'object', properties: { code: { type: 'string', pattern: '^(?=a)b' } } }));
    expect(f.code.pattern).toBeUndefined();
    expect(f.code.description).toBe('Must match the pattern ^(?=a)b (checked when the manifest is applied: lookahead is not RE2 syntax).');
  });
});

describe('form text that looks like scaffolder templating', () => {
  it('stays literal in titles, descriptions, enums, defaults and patterns', () => {
    const token = '${{ secrets.USER_OAUTH_TOKEN }}';
    const raw = '{% raw %}x{% endraw %}';
    const p = plan({
      type: 'object',
      properties: { mode: { type: 'string', title: token, description: raw, enum: [token, raw], default: token, pattern: '^\\$\\{\\{ .* \\}\\}$|^\\{%' } },
    });
    const mode = fields(p).mode;
    expect(mode).toMatchObject({ title: token, description: raw, enum: [token, raw], default: token });
    const re = new RegExp(String(mode.pattern), 'u');
    expect([re.test(token), re.test(raw), re.test('other')]).toEqual([true, true, false]);
  });
});
