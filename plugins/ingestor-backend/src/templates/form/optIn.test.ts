import { formAjv, withoutUiKeys } from '../__testUtils__/ajv';
import { crd, options, versionOf } from '../__testUtils__/fixtures';
import { renderInput } from '../__testUtils__/render';
import type { Schema } from '../schema/types';
import { specInput } from '../steps';
import { buildForm } from './parameters';
import type { FormSchema } from './types';

function plan(spec: Schema) {
  const o = options();
  return buildForm({ version: versionOf(crd(spec)), compositions: [], clusters: [], form: o.form, publish: o.publish });
}

function pageWith(pages: FormSchema[], key: string): FormSchema {
  const page = pages.find(p => p.properties?.[key]);
  if (!page) throw new Error(`no page has ${key}`);
  return page;
}

function renderedSpec(spec: Schema, parameters: Record<string, unknown>): unknown {
  // The render step's spec input, rendered as the scaffolder renders it.
  return renderInput(specInput(plan(spec).bindings), parameters);
}

// Argo CD Application: an optional sourceHydrator whose children are required.
const application: Schema = {
  type: 'object',
  required: ['destination'],
  properties: {
    destination: { type: 'object', properties: { namespace: { type: 'string' }, server: { type: 'string' } } },
    sourceHydrator: {
      type: 'object',
      required: ['drySource', 'syncSource'],
      properties: {
        drySource: { type: 'object', required: ['repoURL', 'targetRevision'], properties: { repoURL: { type: 'string' }, targetRevision: { type: 'string' } } },
        syncSource: { type: 'object', required: ['targetBranch'], properties: { targetBranch: { type: 'string' } } },
      },
    },
  },
};

// Argo CD AppProject: the required policies list sits two optional objects down.
const appProject: Schema = {
  type: 'object',
  properties: {
    description: { type: 'string' },
    sourceIntegrity: {
      type: 'object',
      properties: {
        git: {
          type: 'object',
          required: ['policies'],
          properties: { policies: { type: 'array', items: { type: 'object', required: ['repos'], properties: { repos: { type: 'array', items: { type: 'string' } } } } } },
        },
      },
    },
  },
};

describe('optional sections are opt-in', () => {
  it('puts an optional object with required children behind a checkbox, shown (and required) only when ticked', () => {
    const { pages, bindings } = plan(application);
    const page = pageWith(pages, 'configureSourceHydrator');
    expect(page.properties?.sourceHydrator).toBeUndefined();
    expect(page.properties?.configureSourceHydrator).toMatchObject({ type: 'boolean', title: 'Configure Source Hydrator' });
    const [on, off] = (page.dependencies as Record<string, FormSchema>).configureSourceHydrator.oneOf ?? [];
    expect(on.properties?.sourceHydrator?.required).toEqual(['drySource', 'syncSource']);
    expect(on.required).toEqual(['sourceHydrator']);
    expect(off.properties?.sourceHydrator).toBeUndefined();
    expect(bindings).toContainEqual({ path: ['sourceHydrator'], key: 'sourceHydrator', conditions: [{ key: 'configureSourceHydrator' }] });
    expect(page['ui:order']).toEqual(['destination', 'configureSourceHydrator', 'sourceHydrator', '*']);

    const validate = formAjv().compile(withoutUiKeys(page) as object);
    const destination = { namespace: 'apps' };
    expect(validate({ destination })).toBe(true);
    // Values left behind by a section switched off do not count (the Stepper keeps them).
    expect(validate({ destination, configureSourceHydrator: false, sourceHydrator: { drySource: {} } })).toBe(true);
    expect(validate({ destination, configureSourceHydrator: true, sourceHydrator: { drySource: {}, syncSource: {} } })).toBe(false);
    const filled = { drySource: { repoURL: 'https://git.example/a', targetRevision: 'HEAD' }, syncSource: { targetBranch: 'env' } };
    expect(validate({ destination, configureSourceHydrator: true, sourceHydrator: filled })).toBe(true);
  });

  it('leaves a section switched off out of the manifest, and puts a ticked one in', () => {
    const stale = { drySource: { repoURL: 'https://git.example/a' } };
    expect(renderedSpec(application, { destination: { namespace: 'apps' }, sourceHydrator: stale })).toEqual({ destination: { namespace: 'apps' } });
    expect(renderedSpec(application, { destination: { namespace: 'apps' }, configureSourceHydrator: false, sourceHydrator: stale })).toEqual({
      destination: { namespace: 'apps' },
    });
    expect(renderedSpec(application, { destination: {}, configureSourceHydrator: true, sourceHydrator: stale })).toEqual({ destination: {}, sourceHydrator: stale });
  });

  it('gates an optional object nested in an object field, and binds that field by field (AppProject sourceIntegrity.git)', () => {
    const { pages, bindings } = plan(appProject);
    const page = pageWith(pages, 'sourceIntegrity');
    const integrity = page.properties?.sourceIntegrity as FormSchema;
    expect(Object.keys(integrity.properties ?? {})).toEqual(['configureGit']);
    expect(bindings).toContainEqual({
      path: ['sourceIntegrity'],
      key: 'sourceIntegrity',
      node: { fields: { git: { at: ['git'], conditions: [{ key: 'sourceIntegrity', at: ['configureGit'] }] } } },
    });
    const validate = formAjv().compile(withoutUiKeys(page) as object);
    // What the form creates for the untouched section (an empty policies list) is not submitted, nor the checkbox.
    expect(validate({ sourceIntegrity: { git: {} } })).toBe(true);
    expect(renderedSpec(appProject, { sourceIntegrity: { git: { policies: [] } } })).toEqual({ sourceIntegrity: {} });
    expect(renderedSpec(appProject, { sourceIntegrity: { configureGit: false, git: { policies: [] } } })).toEqual({ sourceIntegrity: {} });
    expect(renderedSpec(appProject, {})).toEqual({ sourceIntegrity: {} });
    expect(validate({ sourceIntegrity: { configureGit: true, git: {} } })).toBe(false);
    expect(validate({ sourceIntegrity: { configureGit: true, git: { policies: [] } } })).toBe(true);
    expect(renderedSpec(appProject, { description: 'd', sourceIntegrity: { configureGit: true, git: { policies: [] } } })).toEqual({
      description: 'd',
      sourceIntegrity: { git: { policies: [] } },
    });
  });

  it('gates every optional list (minItems or not) and map (the form would create them empty), but not required ones or objects without required fields', () => {
    const item: Schema = { type: 'object', required: ['name'], properties: { name: { type: 'string' } } };
    const { pages, bindings } = plan({
      type: 'object',
      required: ['ports'],
      properties: {
        ports: { type: 'array', items: item },
        volumes: { type: 'array', items: item },
        hosts: { type: 'array', items: { type: 'string' } },
        annotations: { type: 'object', additionalProperties: { type: 'string' } },
        atLeastOne: { type: 'array', minItems: 1, items: { type: 'string' } },
        backup: { type: 'object', properties: { schedule: { type: 'string' } } },
      },
    });
    const page = pageWith(pages, 'ports');
    expect(Object.keys(page.properties ?? {})).toEqual(['ports', 'configureVolumes', 'configureHosts', 'configureAnnotations', 'configureAtLeastOne', 'backup']);
    expect(page.properties?.configureHosts.title).toBe('Add Hosts');
    expect(page.properties?.configureVolumes.title).toBe('Add Volumes');
    expect(bindings.filter(b => 'conditions' in b && b.conditions).map(b => b.path.join('.'))).toEqual(['volumes', 'hosts', 'annotations', 'atLeastOne']);
  });

  it('labels and escapes the fields of a gated section like any other', () => {
    const { pages } = plan({
      type: 'object',
      properties: {
        vault: { type: 'object', required: ['server'], properties: { server: { type: 'string', description: 'The <host>:<port> of Vault.' } } },
      },
    });
    const page = pageWith(pages, 'configureVault');
    const vault = (page.dependencies as Record<string, FormSchema>).configureVault.oneOf?.[0].properties?.vault as FormSchema;
    const server = vault.properties?.server as FormSchema;
    expect(server.description).toBe('The \\<host\\>:\\<port\\> of Vault.');
    expect(server['ui:backstage']).toEqual({ review: { name: 'Vault › Server' } });
  });

  it('leaves out a section switched off as a whole even when conditions lie inside it (ApplicationSet sourceHydrator)', () => {
    const hydrator: Schema = {
      type: 'object',
      properties: {
        sourceHydrator: {
          type: 'object',
          required: ['drySource'],
          properties: {
            drySource: {
              type: 'object',
              required: ['repoURL'],
              properties: { repoURL: { type: 'string' }, jsonnet: { type: 'object', required: ['libs'], properties: { libs: { type: 'string' } } } },
            },
          },
        },
      },
    };
    const stale = { drySource: { repoURL: 'r', configureJsonnet: true, jsonnet: { libs: 'l' } } };
    expect(renderedSpec(hydrator, { sourceHydrator: stale })).toEqual({});
    expect(renderedSpec(hydrator, { configureSourceHydrator: true, sourceHydrator: stale })).toEqual({ sourceHydrator: { drySource: { repoURL: 'r', jsonnet: { libs: 'l' } } } });
    expect(renderedSpec(hydrator, { configureSourceHydrator: true, sourceHydrator: { drySource: { repoURL: 'r', jsonnet: { libs: 'l' } } } })).toEqual({
      sourceHydrator: { drySource: { repoURL: 'r' } },
    });
  });
});
