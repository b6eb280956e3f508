import { parse } from 'yaml';
import { convertDefinitions } from './convert';
import { crd, options, xrd } from './__testUtils__/fixtures';
import { readYamlDocuments } from './yamlDocuments';

const spec = { type: 'object', properties: { size: { type: 'string', description: 'How big.' } } };

describe('convertDefinitions', () => {
  it('reports a bad definition and converts the rest', async () => {
    const bad = xrd(spec, { name: 'Bad' });
    const { entities, errors } = await convertDefinitions([bad, crd(spec), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } }], options(), { typesGenerator: null });
    expect(errors).toEqual([{ source: 'CompositeResourceDefinition Bad.example.org', message: expect.stringContaining('spec.names.plural') }]);
    expect(entities.map(e => `${e.kind}:${e.metadata.name}`)).toEqual(['API:widgets.widgets.example.com-v1', 'Template:widgets.widgets.example.com-v1']);
  });

  it('reports a definition whose Template would hold keys differing only in case, which the catalog refuses', async () => {
    const twins = crd({ type: 'object', properties: { tlsCA: { type: 'string' }, tlsCa: { type: 'string' } } });
    const result = await convertDefinitions([twins], options(), { typesGenerator: null });
    expect(result.entities.filter(e => e.kind === 'Template')).toEqual([]);
    expect(result.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/differ only in letter case.*spec\.steps\.input\.spec\.tlsCa/) })]);
  });

  it('builds an openapi API entity with the schema minus status and the generated types', async () => {
    const generator = jest.fn(async (_schema: object, name: string) => `export interface ${name} {}\n`);
    const { entities } = await convertDefinitions([crd(spec)], options({ owner: 'group:platform', lifecycle: 'experimental' }), { typesGenerator: generator });
    const api = entities.find(e => e.kind === 'API');
    expect(api?.spec).toMatchObject({ type: 'openapi', owner: 'group:platform', lifecycle: 'experimental' });
    const doc = parse(String(api?.spec?.definition));
    expect(doc.components.schemas.Widget.properties).not.toHaveProperty('status');
    expect(doc.paths).toHaveProperty(['/apis/widgets.example.com/v1/namespaces/{namespace}/widgets']);
    expect(doc.info.description).toContain('```ts\nexport interface WidgetV1 {}\n```');
    expect(generator).toHaveBeenCalledWith(expect.objectContaining({ type: 'object' }), 'WidgetV1');
  });

  it('writes each definition from its own document, even when JSON could not tell two apart (.inf, null)', async () => {
    const definitionWith = async (value: unknown) => {
      const obj = crd({ type: 'object', properties: { size: { type: 'number', default: value } } });
      const { entities } = await convertDefinitions([obj], options(), { typesGenerator: null });
      return parse(String(entities.find(e => e.kind === 'API')?.spec?.definition)).components.schemas.Widget.properties.spec.properties.size.default;
    };
    // Converted again and again, as a provider does every cycle: each answer is its own document's.
    expect(await definitionWith(Infinity)).toBe(Infinity);
    expect(await definitionWith(null)).toBeNull();
    expect(await definitionWith(Infinity)).toBe(Infinity);
    expect(await definitionWith(-0)).toBe(-0);
    expect(await definitionWith(0)).toBe(0);
  });

  it('keeps the entities and warns when types cannot be generated', async () => {
    const { entities, warnings } = await convertDefinitions([crd(spec)], options(), { typesGenerator: async () => Promise.reject(new Error('boom')) });
    expect(entities).toHaveLength(2);
    expect(warnings[0].message).toContain('boom');
  });

  it('takes owner and lifecycle from annotations, and marks deprecated versions', async () => {
    const obj = crd(spec);
    obj.metadata.annotations = { 'kube-platform.io/owner': 'group:db' };
    (obj.spec as { versions: Array<Record<string, unknown>> }).versions[0].deprecated = true;
    const { entities } = await convertDefinitions([obj], options(), { typesGenerator: null });
    for (const e of entities) expect(e.spec).toMatchObject({ owner: 'group:db', lifecycle: 'deprecated' });
    expect(entities[0].metadata.tags).toContain('deprecated');
  });

  it('counts the fields entered as YAML in the Template description, once', async () => {
    const { entities } = await convertDefinitions([crd({ type: 'object', properties: { values: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } })], options(), { typesGenerator: null });
    const template = entities.find(e => e.kind === 'Template')!;
    expect(template.metadata.description).toContain('One field is entered as YAML.');
    expect(template.metadata.description).not.toContain('spec.values');
    const pages = template.spec?.parameters as Array<{ properties?: Record<string, { description?: string }> }>;
    expect(pages.map(p => p.properties?.values?.description).filter(Boolean)).toEqual(['Enter as YAML: a free-form object.']);
  });
});

describe('readYamlDocuments', () => {
  it('reads every document, naming the ones that fail', () => {
    const r = readYamlDocuments('a: [\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n---\n- 1\n');
    expect(r.objects.map(o => o.metadata.name)).toEqual(['x']);
    expect(r.errors).toEqual([expect.stringMatching(/^document 1: /), 'document 3: not a Kubernetes object (no metadata)']);
  });

  it('reads a quoted string continued at its key indent as kubectl does, with a warning', () => {
    const text = 'metadata:\n  name: x\nspec:\n  description: "a long\n  text"\n  other: 1\n';
    const r = readYamlDocuments(text);
    expect(r.errors).toEqual([]);
    expect(r.objects[0].spec).toEqual({ description: 'a long text', other: 1 });
    expect(r.warnings).toEqual([expect.stringContaining('line 5')]);
  });
});
