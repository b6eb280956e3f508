/**
 * The whole shared corpus (xrd/ and crd/, the 1.4 MB Argo CD ApplicationSet CRD included): every
 * definition a real API server accepts becomes Templates that Backstage accepts, whose forms compile,
 * keep the source's constraints field by field, and, filled with defaults plus valid required values,
 * render a manifest the source schema accepts; every API carries TypeScript types that TypeScript
 * parses and would indent the same way.
 */
import { EntityPolicies, DefaultNamespaceEntityPolicy, FieldFormatEntityPolicy, NoForeignRootFieldsEntityPolicy, SchemaValidEntityPolicy, apiEntityV1alpha1Validator, type Entity } from '@backstage/catalog-model';
import { templateEntityV1beta3Validator } from '@backstage/plugin-scaffolder-common';
import { parse } from 'yaml';
import { convertLocatedDefinitions, planTemplates, type ConversionResult } from './convert';
import { resolveTemplateOptions } from './options';
import { userSpecSchema } from './schema/normalise';
import { formAjv, kubeAjv, withoutUiKeys } from './__testUtils__/ajv';
import { readCorpus } from './__testUtils__/corpus';
import { convertValue, fillForm } from './__testUtils__/fill';
import { renderInput } from './__testUtils__/render';
import { expectConstraintsKept } from './__testUtils__/constraints';
import { indentationDifferences, syntaxErrors } from './__testUtils__/typescriptCheck';
import { cachedTypesGenerator, typeNameFor } from './typescript';
import { readableSchema } from './schema/normalise';

const corpus = readCorpus();
// Composites of claimable XRDs too, so both kinds of Template every such XRD can give are checked.
const options = resolveTemplateOptions({ selection: { crds: { ingestAll: true }, xrds: { composites: true } } });
const { planned } = planTemplates(corpus.inputs, options);
const policy = EntityPolicies.allOf([new DefaultNamespaceEntityPolicy(), new FieldFormatEntityPolicy(), new NoForeignRootFieldsEntityPolicy(), new SchemaValidEntityPolicy()]);

// Cached, so a test can ask for the very text the conversion put into an API.
const typesGenerator = cachedTypesGenerator();
let result: ConversionResult;
beforeAll(async () => {
  const started = performance.now();
  result = await convertLocatedDefinitions(corpus.inputs, options, { typesGenerator });
  // Figures for the README; no assertion on time (machines differ).
  console.log(`corpus: read ${corpus.files.length} files in ${corpus.ms.toFixed(0)} ms; converted ${planned.length} definition versions into ${result.entities.length} entities in ${(performance.now() - started).toFixed(0)} ms (with TypeScript types)`);
});

const byName = (kind: string, name: string) => result.entities.find(e => e.kind === kind && e.metadata.name === name);

/** The API definition's description; large definitions are JSON, which JSON.parse reads far faster. */
function apiDescription(name: string): string {
  const text = String(byName('API', name)?.spec?.definition);
  const document = (text.startsWith('{') ? JSON.parse(text) : parse(text)) as { info: { description: string } };
  return document.info.description;
}

describe('the corpus', () => {
  it('reads every file', () => {
    expect(corpus.files.length).toBeGreaterThan(80);
    expect(corpus.readErrors).toEqual([]);
  });

  it('converts every definition except the one a real API server rejects (a claim plural with a capital letter)', () => {
    expect(result.errors).toEqual([
      {
        source: 'xrd/crossplane__crossplane/test__e2e__manifests__apiextensions__xrd__validation__xrd-invalid.yaml',
        message: expect.stringContaining('spec.claimNames.plural "Nopresourcestwo" is invalid'),
      },
    ]);
    // Prometheus Operator keeps the deprecated `proxyUrl` beside `proxyURL`: the catalog cannot index both.
    expect(result.warnings).toEqual([
      {
        source: 'crd/prometheus-operator__prometheus-operator/example__prometheus-operator-crd__monitoring.coreos.com_alertmanagerconfigs.yaml',
        message: expect.stringMatching(/^alertmanagerconfigs\.monitoring\.coreos\.com v1alpha1: left out of the form: "proxyUrl" \(in \d+ places\); each name differs/),
      },
    ]);
    expect(result.entities.filter(e => e.kind === 'Template')).toHaveLength(planned.length);
    expect(result.entities.filter(e => e.kind === 'API')).toHaveLength(planned.length);
  });

  it('gives every entity a unique name', () => {
    const refs = result.entities.map(e => `${e.kind}:${e.metadata.name}`);
    expect(new Set(refs).size).toBe(refs.length);
  });

  it('produces Templates and APIs that pass Backstage validation', async () => {
    for (const entity of result.entities) {
      await expect(policy.enforce(entity)).resolves.toBeDefined();
      const validator = entity.kind === 'Template' ? templateEntityV1beta3Validator : apiEntityV1alpha1Validator;
      await expect(validator.check(entity)).resolves.toBe(true);
    }
  });

  it('never writes the text "undefined" into steps or output', () => {
    for (const entity of result.entities.filter(e => e.kind === 'Template')) {
      // The embedded schema is the source's own text, which may say "undefined" in a description.
      const steps = (entity.spec?.steps as Array<{ input: Record<string, unknown> }>).map(({ input: { schema: _schema, ...input } }) => input);
      const text = JSON.stringify([steps, entity.spec?.output]).replace(/ else undefined( \}\}|\))/g, '$1');
      expect(text).not.toContain('undefined');
    }
  });
});

describe.each(planned.map(p => [p.name, p] as const))('%s', (name, item) => {
  const template = () => byName('Template', name) as Entity & { spec: { parameters: object[]; steps: Array<{ input: Record<string, unknown> }> } };

  it('has parameter pages that compile with ajv', () => {
    const ajv = formAjv();
    for (const page of template().spec.parameters) expect(() => ajv.compile(withoutUiKeys(page) as object)).not.toThrow();
  });

  it('keeps required, enum, default and pattern of every form field', () => {
    expect(() => expectConstraintsKept(item.plan, userSpecSchema(item.group.version))).not.toThrow();
  });

  it('renders a manifest the source schema accepts from a form filled with defaults and required values', () => {
    const spec = userSpecSchema(item.group.version);
    const params = fillForm(item.plan.pages, item.plan.records, spec);
    const ajv = formAjv();
    for (const page of item.plan.pages) {
      const validate = ajv.compile(withoutUiKeys(page) as object);
      expect({ page: page.title, valid: validate(params), errors: validate.errors ?? null }).toEqual({ page: page.title, valid: true, errors: null });
    }
    const input = renderInput(template().spec.steps[0].input, params) as Record<string, unknown>;
    const v = item.group.version;
    const manifest = {
      apiVersion: input.apiVersion,
      kind: input.kind,
      metadata: { name: input.name, ...(v.namespaced ? { namespace: input.namespace } : {}) },
      spec: convertValue(input.spec ?? {}, item.schema.properties?.spec ?? {}),
    };
    const validate = kubeAjv().compile(item.schema);
    expect({ valid: validate(manifest), errors: validate.errors ?? null }).toEqual({ valid: true, errors: null });
  });

  it('has TypeScript types in its API that TypeScript parses and indents the same way', async () => {
    const v = item.group.version;
    const types = await typesGenerator(readableSchema(v), typeNameFor(v.kind, v.version));
    expect(types).toMatch(new RegExp(`^export interface ${typeNameFor(v.kind, v.version)} \\{$`, 'm'));
    expect(apiDescription(name)).toContain(`\`\`\`ts\n${types.trimEnd()}\n\`\`\``);
    expect(syntaxErrors(types)).toEqual([]);
    expect(indentationDifferences(types)).toEqual([]);
  });
});
