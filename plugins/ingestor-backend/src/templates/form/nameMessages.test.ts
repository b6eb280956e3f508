import { crd, options, versionOf, xrd } from '../__testUtils__/fixtures';
import { formAjv, withoutUiKeys } from '../__testUtils__/ajv';
import { buildForm } from './parameters';

function messages(page: object, values: object): string[] {
  const validate = formAjv().compile(withoutUiKeys(page) as object);
  validate(values);
  return (validate.errors ?? []).map(e => `${e.instancePath} ${e.message}`);
}

describe('name validation messages', () => {
  const o = options();
  const plan = buildForm({ version: versionOf(crd({ type: 'object', properties: {} })), compositions: [], clusters: [], form: o.form, publish: o.publish });
  const metadata = plan.pages[0];

  it('say what a valid name and namespace look like instead of showing the pattern', () => {
    expect(messages(metadata, { name: 'Bad_Name', namespace: '-ns', owner: 'group:a' })).toEqual([
      "/name Use lowercase letters, digits, '-' and '.', and start and end with a lowercase letter or digit (for example my-name or my.name).",
      "/namespace Use lowercase letters, digits and '-', and start and end with a lowercase letter or digit (for example team-a).",
    ]);
  });

  it('say how long a name may be', () => {
    expect(messages(metadata, { name: 'a'.repeat(254), namespace: 'ns', owner: 'group:a' })).toEqual(['/name Use at most 253 characters.']);
  });

  it('accept valid values', () => {
    expect(messages(metadata, { name: 'orders-db.v1', namespace: 'team-a', owner: 'group:a' })).toEqual([]);
  });

  it('quote the schema\'s own pattern, not its JavaScript translation', () => {
    const plan2 = buildForm({
      version: versionOf(crd({ type: 'object', properties: { code: { type: 'string', pattern: '(?i)^ok$' }, port: { 'x-kubernetes-int-or-string': true, pattern: '^\\d+%$' } } })),
      compositions: [],
      clusters: [],
      form: o.form,
      publish: o.publish,
    });
    const page = plan2.pages[1];
    expect(page.properties?.code.pattern).toBe('^[Oo][Kk\u212a]$');
    expect(messages(page, { code: 'no', port: 'x' })).toEqual(['/code Must match the pattern (?i)^ok$.', '/port Must be a whole number or match the pattern ^\\d+%$.']);
  });

  it('cover the connection secret on the advanced page', () => {
    const claim = buildForm({ version: versionOf(xrd({ type: 'object', properties: { size: { type: 'string' } } })), compositions: [], clusters: [], form: o.form, publish: o.publish });
    const advanced = claim.pages.find(p => p.title === 'Advanced')!;
    expect(messages(advanced, { connectionSecretName: 'Bad' })).toEqual([
      "/connectionSecretName Use lowercase letters, digits, '-' and '.', and start and end with a lowercase letter or digit (for example my-name or my.name).",
    ]);
  });
});
