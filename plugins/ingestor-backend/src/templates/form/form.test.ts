import { crd, options, versionOf, xrd } from '../__testUtils__/fixtures';
import { buildForm } from './parameters';
import type { Schema } from '../schema/types';
import type { FormSchema } from './types';

function form(spec: Schema, formOptions = {}) {
  const o = options({ form: formOptions });
  const plan = buildForm({ version: versionOf(crd(spec)), compositions: [], clusters: [], form: o.form, publish: o.publish });
  const fields: Record<string, FormSchema> = Object.assign({}, ...plan.pages.map(p => p.properties));
  return { plan, fields, required: plan.pages.flatMap(p => p.required ?? []) };
}

describe('form fields', () => {
  it('keeps scalar constraints, titles from names and descriptions as help', () => {
    const { fields, required } = form({
      type: 'object',
      required: ['size'],
      properties: {
        size: { type: 'integer', minimum: 1, maximum: 10, exclusiveMaximum: true, multipleOf: 1, default: 2, description: 'How big.' },
        storageClassName: { type: 'string', pattern: '^[a-z]+$', minLength: 1, maxLength: 20, enum: ['fast', 'slow', null], nullable: true },
        created: { type: 'string', format: 'date-time' },
        timeout: { type: 'string', format: 'duration' },
      },
    });
    expect(fields.size).toEqual({ type: 'integer', title: 'Size', minimum: 1, exclusiveMaximum: 10, multipleOf: 1, default: 2, description: 'How big.' });
    expect(fields.storageClassName).toMatchObject({ title: 'Storage Class Name', pattern: '^[a-z]+$', minLength: 1, maxLength: 20, enum: ['fast', 'slow'] });
    expect(fields.storageClassName.nullable).toBeUndefined();
    expect(fields.created.format).toBe('date-time');
    expect(fields.timeout.format).toBeUndefined();
    expect(fields.timeout.description).toContain('Format: duration');
    expect(required).toContain('size');
  });

  it('shows placeholders instead of defaults when configured', () => {
    const { fields } = form({ type: 'object', properties: { size: { type: 'integer', default: 2 } } }, { defaults: 'placeholder' });
    expect(fields.size.default).toBeUndefined();
    expect(fields.size['ui:placeholder']).toBe('2');
  });

  it('makes int-or-string one text input accepting numbers and the source pattern', () => {
    const { fields } = form({ type: 'object', properties: { port: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }], pattern: '^\\d+%$', default: 80 } } });
    expect(fields.port).toMatchObject({ type: 'string', pattern: '(^-?[0-9]+$)|(^[0-9]+%$)', default: '80' });
    expect(fields.port.anyOf).toBeUndefined();
  });

  it('edits free-form and embedded values as YAML, with defaults as YAML text, and names them', () => {
    const { fields, plan } = form({
      type: 'object',
      properties: {
        values: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, default: { a: 1 } },
        template: { type: 'object', 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true },
      },
    });
    expect(fields.values).toMatchObject({ type: 'string', 'ui:widget': 'textarea', default: 'a: 1' });
    expect(fields.template['ui:widget']).toBe('textarea');
    expect(plan.records.filter(r => r.mode === 'yaml').map(r => r.path.join('.'))).toEqual(['values', 'template']);
  });

  it('does not prefill an empty text default, which means unset (it would be a blank Review row)', () => {
    const { fields } = form({ type: 'object', properties: { networkId: { type: 'string', default: '' }, role: { type: 'string', default: 'Admin' } } });
    expect(fields.networkId.default).toBeUndefined();
    expect(fields.role.default).toBe('Admin');
  });

  it('makes additionalProperties maps key/value editors and keeps arrays of objects as forms', () => {
    const { fields } = form({
      type: 'object',
      properties: {
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        ports: { type: 'array', 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name'], minItems: 1, items: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, port: { type: 'integer' } } } },
        tags: { type: 'array', 'x-kubernetes-list-type': 'set', items: { type: 'string' } },
      },
      // Required, so none of them is behind an "Add …" checkbox (optIn.test.ts).
      required: ['labels', 'ports', 'tags'],
    });
    expect(fields.labels).toMatchObject({ type: 'object', additionalProperties: { type: 'string', title: 'Value' } });
    expect(fields.ports).toMatchObject({ type: 'array', minItems: 1, items: { type: 'object', required: ['name'] } });
    expect(fields.ports.description).toContain('unique by name');
    expect(fields.tags.uniqueItems).toBe(true);
  });

  it('renders "set one of" unions as named choices, and other unions as YAML', () => {
    const { fields } = form({
      type: 'object',
      properties: {
        source: { type: 'object', oneOf: [{ required: ['git'] }, { required: ['helm'] }], properties: { git: { type: 'string' }, helm: { type: 'string' } } },
        value: { type: 'object', anyOf: [{ properties: { a: { type: 'string' } } }, { type: 'string' }] },
      },
    });
    expect(fields.source.oneOf).toEqual([{ title: 'Set only git', required: ['git'] }, { title: 'Set only helm', required: ['helm'] }]);
    expect(fields.value['ui:widget']).toBe('textarea');
  });

  it('shows x-kubernetes-validations messages as help', () => {
    const { fields } = form({ type: 'object', properties: { replicas: { type: 'integer', 'x-kubernetes-validations': [{ rule: 'self >= 1', message: 'must be positive' }, { rule: 'self < 5' }] } } });
    expect(fields.replicas.description).toBe('Rules: must be positive; must satisfy self \\< 5.');
  });

  it('orders required fields first, then by x-ui-order, hides x-ui-hidden (unless required without default) and moves x-ui-advanced and deprecated fields', () => {
    const { plan } = form({
      type: 'object',
      required: ['mustShow', 'c'],
      properties: {
        b: { type: 'string' },
        c: { type: 'string', 'x-ui-order': 2 },
        a: { type: 'string', 'x-ui-order': 1 },
        secret: { type: 'string', 'x-ui-hidden': true, default: 'x' },
        mustShow: { type: 'string', 'x-ui-hidden': true },
        tuning: { type: 'string', 'x-ui-advanced': true },
        oldName: { type: 'string', description: 'Deprecated: use b.' },
        keptName: { type: 'string', description: 'Not deprecated.' },
      },
    });
    expect(Object.keys(plan.pages[1].properties ?? {})).toEqual(['c', 'mustShow', 'a', 'b', 'keptName']);
    expect(Object.keys(plan.pages.find(p => p.title === 'Advanced')?.properties ?? {})).toEqual(['tuning', 'oldName']);
    expect(plan.records.find(r => r.mode === 'hidden')?.path).toEqual(['secret']);
  });

  it('splits a large spec into pages along required child objects, keeping spec.required', () => {
    const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}`, { type: 'string' }]));
    const { plan } = form({ type: 'object', required: ['parameters'], properties: { parameters: { type: 'object', required: ['f1'], properties: many(15) }, name: { type: 'string' } } });
    expect(plan.pages.map(p => p.title)).toEqual(['Metadata', 'Widget settings', 'Parameters', 'GitOps']);
    const parameters = plan.pages[2];
    // `name` is reserved by the metadata page, so the spec field gets its path as key.
    expect(plan.pages[1].properties).toHaveProperty('spec_name');
    expect(parameters.required).toEqual(['f1']);
    expect(plan.bindings).toContainEqual({ path: ['parameters', 'f1'], key: 'f1' });
  });

  it('edits values nested deeper than the form depth as YAML', () => {
    const leaf = { type: 'object', properties: { d: { type: 'string' } } };
    const { fields } = form({ type: 'object', properties: { a: { type: 'object', properties: { b: { type: 'object', properties: { c: leaf } } } } } }, { maxDepth: 1 });
    expect(fields.a.properties?.b.type).toBe('object');
    expect(fields.a.properties?.b.properties?.c['ui:widget']).toBe('textarea');
  });

  it('edits a spec without a schema whole, as YAML, without Crossplane fields that would clash', () => {
    const o = options();
    const plan = buildForm({ version: versionOf(xrd(undefined as never)), compositions: ['aws'], clusters: [], form: o.form, publish: o.publish });
    expect(plan.bindings).toEqual([{ path: [], key: 'spec' }]);
    expect(plan.pages.map(p => p.title)).toEqual(['Metadata', 'Database settings', 'GitOps']);
  });

  it('offers the cluster Compositions and Crossplane plumbing on the advanced page of a claim', () => {
    const o = options();
    const plan = buildForm({ version: versionOf(xrd({ type: 'object', properties: { size: { type: 'string' } } })), compositions: ['aws', 'gcp'], clusters: [], form: o.form, publish: o.publish });
    const advanced = plan.pages.find(p => p.title === 'Advanced');
    expect(advanced?.properties?.compositionName.enum).toEqual(['aws', 'gcp']);
    // Prefilling it would override any selector the user fills.
    expect(advanced?.properties?.compositionName.default).toBeUndefined();
    expect(Object.keys(advanced?.properties ?? {})).toEqual(['compositionName', 'compositionSelector', 'compositionUpdatePolicy', 'connectionSecretName']);
    expect(plan.bindings).toContainEqual({ path: ['compositionRef'], fields: { name: 'compositionName' }, when: 'compositionName' });
  });
});
