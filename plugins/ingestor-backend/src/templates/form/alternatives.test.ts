import { getDefaultFormState, type RJSFSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { formAjv, withoutUiKeys } from '../__testUtils__/ajv';
import { crd, options, versionOf } from '../__testUtils__/fixtures';
import { renderInput } from '../__testUtils__/render';
import type { Schema } from '../schema/types';
import { specInput } from '../steps';
import { alternativeGroups, ruleAlternatives } from './alternatives';
import { buildForm } from './parameters';
import type { FormSchema } from './types';

function plan(spec: Schema, pageSize?: number) {
  const o = options(pageSize ? { form: { pageSize } } : {});
  return buildForm({ version: versionOf(crd(spec)), compositions: [], clusters: [], form: o.form, publish: o.publish });
}

function pageWith(pages: FormSchema[], key: string): FormSchema {
  const page = pages.find(p => p.properties?.[key]);
  if (!page) throw new Error(`no page has ${key}`);
  return page;
}

const section = (required: string[]): Schema => ({
  type: 'object',
  required,
  properties: Object.fromEntries([...required, 'extra'].map(k => [k, { type: 'string' }])),
});

// cert-manager Issuer: five issuer types; its schema does not say that only one may be set.
const issuerTypes: Record<string, Schema> = {
  acme: { type: 'object', required: ['server', 'privateKeySecretRef'], properties: { server: { type: 'string' }, privateKeySecretRef: section(['name']) } },
  ca: section(['secretName']),
  selfSigned: { type: 'object', properties: { crlDistributionPoints: { type: 'array', items: { type: 'string' } } } },
  vault: section(['server', 'path']),
  venafi: section(['zone']),
};
const issuer: Schema = { type: 'object', properties: issuerTypes };
// The same shape as External Secrets writes its provider: the description says only one.
const hinted: Schema = { type: 'object', description: 'Only one of the issuer types may be set.', properties: issuerTypes };

describe('alternatives from CEL rules', () => {
  it('reads exactly-one and at-most-one in the shapes CRD authors write', () => {
    expect(ruleAlternatives('has(self.value) != has(self.secretRef)')).toEqual({ names: ['value', 'secretRef'], exactlyOne: true });
    expect(ruleAlternatives('!(has(self.percent) && has(self.fraction))')).toEqual({ names: ['percent', 'fraction'], exactlyOne: false });
    expect(ruleAlternatives('[has(self.appRole),has(self.tokenSecretRef),has(self.userPass)].filter(x,x==true).size() == 1')).toEqual({
      names: ['appRole', 'tokenSecretRef', 'userPass'],
      exactlyOne: true,
    });
    expect(ruleAlternatives('[has(self.acme), has(self.ca)].filter(x, x).size() <= 1')).toEqual({ names: ['acme', 'ca'], exactlyOne: false });
  });

  it('ignores rules that say something else', () => {
    expect(ruleAlternatives('has(self.token) || (has(self.username) && has(self.password))')).toBeUndefined();
    expect(ruleAlternatives('[has(self.a),has(self.b)].filter(x,x).size() >= 1')).toBeUndefined();
    expect(ruleAlternatives('has(self.a) != has(self.b.c)')).toBeUndefined();
    expect(ruleAlternatives('!has(self.externalId) || has(self.roleArn)')).toBeUndefined();
  });

  it('keeps only groups of optional fields the object has, and no plain groups of settings or pod templates', () => {
    const rule = (r: string) => ({ rule: r });
    expect(alternativeGroups({ properties: { a: {}, b: {} }, required: ['a'], 'x-kubernetes-validations': [rule('has(self.a) != has(self.b)')] })).toEqual([]);
    expect(alternativeGroups({ properties: { a: {} }, 'x-kubernetes-validations': [rule('has(self.a) != has(self.b)')] })).toEqual([]);
    expect(alternativeGroups({ properties: { backup: section([]), storage: section([]) } })).toEqual([]);
    expect(alternativeGroups({ properties: { metadata: section(['name']), spec: section(['x']) } })).toEqual([]);
    expect(alternativeGroups({ properties: { username: section(['name']), password: section(['key']) } })).toEqual([]);
    expect(alternativeGroups(issuer)).toEqual([]);
    expect(alternativeGroups(hinted)).toEqual([{ names: ['acme', 'ca', 'selfSigned', 'vault', 'venafi'], exactlyOne: false }]);
  });
});

describe('choose-one sections', () => {
  it('leaves each Issuer type opt-in on its own when the schema does not say only one', () => {
    const { pages } = plan(issuer);
    const page = pageWith(pages, 'configureAcme');
    expect(Object.keys(page.properties ?? {})).toEqual(['configureAcme', 'configureCa', 'selfSigned', 'configureVault', 'configureVenafi']);
  });

  it('offers sections as one choice when the description says only one, and shows only the chosen section', () => {
    const { pages, bindings } = plan(hinted);
    const page = pageWith(pages, 'choice');
    expect(Object.keys(page.properties ?? {})).toEqual(['choice']);
    expect(page.properties?.choice).toMatchObject({ type: 'string', title: 'Configure at most one of' });
    expect(page.properties?.choice.oneOf).toBeUndefined();
    expect(page.properties?.choice.default).toBeUndefined();
    expect(page.properties?.choice.enum).toEqual(['acme', 'ca', 'selfSigned', 'vault', 'venafi']);
    expect(page.properties?.choice['ui:enumNames']).toEqual([
      'ACME',
      'Ca',
      'Self Signed',
      'Vault',
      'Venafi',
    ]);
    expect(page.required).toBeUndefined();
    expect(bindings).toContainEqual({ path: ['vault'], key: 'vault', conditions: [{ key: 'choice', equals: 'vault' }] });

    const validate = formAjv().compile(withoutUiKeys(page) as object);
    expect(validate({})).toBe(true);
    // Another type's leftovers do not count; the chosen one's required fields do.
    expect(validate({ choice: 'ca', ca: { secretName: 'root' }, acme: {} })).toBe(true);
    expect(validate({ choice: 'ca', ca: {}, acme: { server: 'x' } })).toBe(false);
    expect(validate({ choice: 'vault' })).toBe(false);
    expect(validate({ choice: 'nope' })).toBe(false);
  });

  it('puts only the chosen section into the manifest', () => {
    const { bindings } = plan(hinted);
    const spec = renderInput(specInput(bindings), { choice: 'ca', ca: { secretName: 'root' }, acme: { server: 'stale' }, vault: { server: 'stale' } });
    expect(spec).toEqual({ ca: { secretName: 'root' } });
    expect(renderInput(specInput(bindings), { acme: { server: 'stale' } })).toEqual({});
  });

  it('makes a CEL exactly-one pair of fields a required choice (External Secrets value or secretRef)', () => {
    const { pages, bindings } = plan({
      type: 'object',
      required: ['key'],
      properties: { key: { type: 'string' }, value: { type: 'string' }, secretRef: section(['name']) },
      'x-kubernetes-validations': [{ rule: 'has(self.value) != has(self.secretRef)', message: 'set value or secretRef' }],
    });
    const page = pageWith(pages, 'choice');
    expect(page.required).toEqual(['key', 'choice']);
    expect(page['ui:order']).toEqual(['key', 'choice', 'value', 'secretRef', '*']);
    const validate = formAjv().compile(withoutUiKeys(page) as object);
    expect(validate({ key: 'k' })).toBe(false);
    expect(validate({ key: 'k', choice: 'value', value: 'v' })).toBe(true);
    expect(validate({ key: 'k', choice: 'value' })).toBe(false);
    expect(renderInput(specInput(bindings), { key: 'k', choice: 'value', value: 'v', secretRef: { name: 'old' } })).toEqual({ key: 'k', value: 'v' });
  });
});

// An Upbound table: forProvider (split onto its own page with a small page size) sets kmsKeyArn directly, by reference or by selector.
const table: Schema = {
  type: 'object',
  required: ['forProvider'],
  properties: {
    forProvider: {
      type: 'object',
      required: ['region'],
      properties: {
        region: { type: 'string' },
        billingMode: { type: 'string' },
        tableClass: { type: 'string' },
        kmsKeyArn: { type: 'string', description: 'ARN of the CMK.' },
        kmsKeyArnRef: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, policy: section([]) } },
        kmsKeyArnSelector: {
          type: 'object',
          properties: { matchControllerRef: { type: 'boolean' }, matchLabels: { type: 'object', additionalProperties: { type: 'string' } }, policy: section([]) },
        },
      },
    },
  },
};

describe('reference and selector pairs', () => {
  it("starts with nothing chosen in the form library's own initial state (a oneOf of constants would pick the first)", () => {
    const { pages } = plan(table, 4);
    const page = withoutUiKeys(pageWith(pages, 'kmsKeyArnFrom')) as RJSFSchema;
    const initial = getDefaultFormState(validator, page, {}, page) as Record<string, unknown>;
    expect(initial.kmsKeyArnFrom).toBeUndefined();
    expect(Object.keys(initial).filter(k => k.startsWith('kmsKeyArn'))).toEqual([]);
    // The old shape, for contrast: the library makes the first constant the default.
    const asOneOf = { ...page, properties: { ...page.properties, kmsKeyArnFrom: { type: 'string', oneOf: [{ const: 'kmsKeyArn' }, { const: 'kmsKeyArnRef' }] } } } as RJSFSchema;
    expect((getDefaultFormState(validator, asOneOf, {}, asOneOf) as Record<string, unknown>).kmsKeyArnFrom).toBe('kmsKeyArn');
  });

  it('makes the value, its reference and its selector one choice beside the value', () => {
    const { pages, bindings } = plan(table, 4);
    const page = pageWith(pages, 'kmsKeyArnFrom');
    expect(Object.keys(page.properties ?? {})).toEqual(['region', 'billingMode', 'tableClass', 'kmsKeyArnFrom']);
    expect(page.properties?.kmsKeyArnFrom).toMatchObject({ title: 'KMS Key ARN: how to set it' });
    expect(page.properties?.kmsKeyArnFrom.enum).toEqual(['kmsKeyArn', 'kmsKeyArnRef', 'kmsKeyArnSelector']);
    expect(page.properties?.kmsKeyArnFrom['ui:enumNames']).toEqual([
      'Enter the value',
      'Refer by name',
      'Select by labels',
    ]);
    expect(bindings).toContainEqual({ path: ['forProvider', 'kmsKeyArnSelector'], key: 'kmsKeyArnSelector', conditions: [{ key: 'kmsKeyArnFrom', equals: 'kmsKeyArnSelector' }] });
    expect(renderInput(specInput(bindings), { region: 'eu-west-1', kmsKeyArnFrom: 'kmsKeyArnRef', kmsKeyArnRef: { name: 'key' }, kmsKeyArnSelector: {} })).toEqual({
      forProvider: { region: 'eu-west-1', kmsKeyArnRef: { name: 'key' } },
    });
  });

  it('never accepts a selector without labels, and needs no reference name unless a reference is chosen', () => {
    const { pages } = plan(table, 4);
    const validate = formAjv().compile(withoutUiKeys(pageWith(pages, 'kmsKeyArnFrom')) as object);
    expect(validate({ region: 'r', kmsKeyArnRef: {} })).toBe(true);
    expect(validate({ region: 'r', kmsKeyArnFrom: 'kmsKeyArnRef', kmsKeyArnRef: {} })).toBe(false);
    expect(validate({ region: 'r', kmsKeyArnFrom: 'kmsKeyArnSelector', kmsKeyArnSelector: {} })).toBe(false);
    expect(validate({ region: 'r', kmsKeyArnFrom: 'kmsKeyArnSelector', kmsKeyArnSelector: { matchLabels: {}, matchControllerRef: true } })).toBe(false);
    expect(validate({ region: 'r', kmsKeyArnFrom: 'kmsKeyArnSelector', kmsKeyArnSelector: { matchLabels: { team: 'a' } } })).toBe(true);
  });

  it('makes the choice inside an object field too, binding only the chosen way (forProvider on one page)', () => {
    const { pages, bindings } = plan(table);
    const forProvider = pageWith(pages, 'forProvider').properties?.forProvider as FormSchema;
    expect(Object.keys(forProvider.properties ?? {})).toEqual(['region', 'billingMode', 'tableClass', 'kmsKeyArnFrom']);
    const binding = bindings.find(b => b.path.join('.') === 'forProvider');
    expect(binding && 'node' in binding && 'fields' in binding.node && binding.node.fields.kmsKeyArnRef).toEqual({
      at: ['kmsKeyArnRef'],
      conditions: [{ key: 'forProvider', at: ['kmsKeyArnFrom'], equals: 'kmsKeyArnRef' }],
    });
    const values = { region: 'r', kmsKeyArnFrom: 'kmsKeyArnSelector', kmsKeyArnRef: { name: 'stale' }, kmsKeyArnSelector: { matchLabels: { team: 'a' } } };
    expect(renderInput(specInput(bindings), { forProvider: values })).toEqual({ forProvider: { region: 'r', kmsKeyArnSelector: { matchLabels: { team: 'a' } } } });
    const validate = formAjv().compile(withoutUiKeys(forProvider) as object);
    expect(validate({ region: 'r', kmsKeyArnFrom: 'kmsKeyArnSelector', kmsKeyArnSelector: {} })).toBe(false);
    expect(validate(values)).toBe(true);
  });

  it('leaves the one-provider maximum to the render action once controls sit in the object (External Secrets provider)', () => {
    const { pages } = plan({
      type: 'object',
      required: ['provider'],
      properties: { provider: { type: 'object', description: 'Only one provider may be set.', maxProperties: 1, minProperties: 1, properties: { aws: section(['region']), vault: section(['server']) } } },
    });
    const provider = pageWith(pages, 'provider').properties?.provider as FormSchema;
    expect(provider.maxProperties).toBeUndefined();
    expect(provider.minProperties).toBe(1);
    // minProperties 1: one provider is a must, so the choice is required (an empty provider could never be valid).
    expect(provider.required).toEqual(['choice']);
    expect(provider.properties?.choice.title).toBe('Configure one of');
    const validate = formAjv().compile(withoutUiKeys(provider) as object);
    expect(validate({})).toBe(false);
    expect(validate({ choice: 'vault', vault: { server: 's' }, aws: { region: 'stale' } })).toBe(true);
  });
});
