import type { Entity } from '@backstage/catalog-model';
import { GIT_PUSH_ACTION_ID, PULL_REQUEST_ACTION_ID, RENDER_MANIFEST_ACTION_ID, decodeSchema, isInertText } from '@kube-platform/plugin-kubernetes-common';
import { convertDefinitions, convertLocatedDefinitions } from './convert';
import { crd, options, xrd } from './__testUtils__/fixtures';
import { renderInput } from './__testUtils__/render';
import type { TemplateOptionsInput } from './options';

const spec = {
  type: 'object',
  required: ['size'],
  properties: { size: { type: 'string', default: 'small' }, port: { 'x-kubernetes-int-or-string': true }, values: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
};

async function templateOf(obj = xrd(spec), input: TemplateOptionsInput = {}) {
  const { entities } = await convertDefinitions([obj], options(input), { typesGenerator: null });
  return entities.find(e => e.kind === 'Template') as Entity & { spec: { parameters: Array<{ title: string; properties: Record<string, Record<string, unknown>> }>; steps: Array<{ id: string; action: string; input: Record<string, unknown> }>; output: Record<string, unknown> } };
}

describe('steps', () => {
  it('render, then open a pull request, per docs/scaffolder-actions.md', async () => {
    const t = await templateOf(xrd(spec), { publish: { repoUrl: 'github.com?owner=acme&repo=gitops', targetBranch: 'main' } });
    expect(t.spec.steps.map(s => [s.id, s.action])).toEqual([['render', 'kubernetes:manifest:render'], ['publish', 'kubernetes:gitops:pull-request']]);
    expect(t.spec.steps[0].input).toMatchObject({ apiVersion: 'example.org/v1alpha1', kind: 'Database', scope: 'Namespaced', owner: '${{ parameters.owner }}', templateRef: `template:default/${t.metadata.name}` });
    expect(t.spec.steps[1].input).toMatchObject({ repoUrl: 'github.com?owner=acme&repo=gitops', targetBranch: 'main', paths: '${{ steps.render.output.paths }}' });
    expect(t.spec.output).toMatchObject({
      links: [
        { title: 'Pull request', url: '${{ steps.publish.output.pullRequestUrl }}' },
        { title: 'Download manifest', url: '${{ steps.publish.output.fileUrls[0] }}' },
      ],
    });
    const links = renderInput(t.spec.output.links, {}, {
      publish: { output: { pullRequestUrl: 'https://github.com/acme/gitops/pull/7', fileUrls: ['https://github.com/acme/gitops/blob/b/x.yaml?raw=true'] } },
    });
    expect(links).toEqual([
      { title: 'Pull request', url: 'https://github.com/acme/gitops/pull/7' },
      { title: 'Download manifest', url: 'https://github.com/acme/gitops/blob/b/x.yaml?raw=true' },
    ]);
    expect(t.spec.parameters.find(p => p.title === 'GitOps')?.properties ?? {}).not.toHaveProperty('repoUrl');
  });

  it('asks for the repository with a RepoUrlPicker when none is configured, and never emits undefined', async () => {
    const t = await templateOf();
    const gitops = t.spec.parameters.find(p => p.title === 'GitOps');
    expect(gitops?.properties.repoUrl).toMatchObject({ 'ui:field': 'RepoUrlPicker', 'ui:options': { allowedHosts: ['github.com'] } });
    expect(t.spec.steps[1].input.repoUrl).toBe('${{ parameters.repoUrl }}');
    const rendered = renderInput(t.spec.steps[1].input, { repoUrl: 'github.com?owner=a&repo=b', name: 'db', namespace: 'team' }) as Record<string, unknown>;
    expect(rendered.targetBranch).toBeUndefined();
    expect(rendered.title).toBe('Create Database db in team');
  });

  it('assembles the spec from parameter keys, so pages never overwrite each other', async () => {
    const t = await templateOf(xrd(spec), { publish: { repoUrl: 'github.com?owner=a&repo=b' } });
    expect(t.spec.steps[0].input.spec).toEqual({
      size: '${{ parameters.size }}',
      port: '${{ parameters.port }}',
      values: '${{ parameters.values }}',
      compositionRef: '${{ {"name": parameters.compositionName} if parameters.compositionName else undefined }}',
      compositionSelector: '${{ {"matchLabels": parameters.compositionSelector} if parameters.compositionSelector else undefined }}',
      compositionUpdatePolicy: '${{ parameters.compositionUpdatePolicy }}',
      writeConnectionSecretToRef: '${{ {"name": parameters.connectionSecretName} if parameters.connectionSecretName else undefined }}',
    });
    const rendered = renderInput(t.spec.steps[0].input.spec, { size: 'large', port: '8080', values: 'a: 1', compositionName: 'aws' });
    expect(rendered).toEqual({ size: 'large', port: '8080', values: 'a: 1', compositionRef: { name: 'aws' } });
  });

  it('puts modern XR plumbing under spec.crossplane', async () => {
    const t = await templateOf(xrd(spec, { claim: false, apiVersion: 'apiextensions.crossplane.io/v2' }));
    expect(t.spec.steps[0].input.spec).toHaveProperty('crossplane.compositionRef');
    expect(t.spec.steps[0].input.spec).not.toHaveProperty('writeConnectionSecretToRef');
  });

  it('pushes a branch for git-push, and only renders for none', async () => {
    const push = await templateOf(crd(spec), { publish: { target: 'git-push', repoUrl: 'file:///tmp/gitops.git' } });
    expect(push.spec.steps[1]).toMatchObject({ action: 'kubernetes:gitops:push', input: { remoteUrl: 'file:///tmp/gitops.git', branchName: 'backstage/widget-${{ parameters.namespace }}-${{ parameters.name }}' } });
    const none = await templateOf(crd(spec), { publish: { target: 'none', layout: 'namespace-kind' } });
    expect(none.spec.steps.map(s => s.id)).toEqual(['render']);
    expect(none.spec.steps[0].input.layout).toBe('namespace-kind');
    expect(none.spec.parameters.map(p => p.title)).not.toContain('GitOps');
  });

  it('embeds the manifest schema without status, with Crossplane fields', async () => {
    const t = await templateOf();
    expect(t.spec.steps[0].input).not.toHaveProperty('schema');
    const schema = decodeSchema(String(t.spec.steps[0].input.schemaBase64)) as { properties: Record<string, { properties?: Record<string, unknown> }> };
    expect(Object.keys(schema.properties)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(schema.properties.spec.properties).toHaveProperty('compositionRef');
  });
});

describe('cluster text is data, never code', () => {
  const SECRET = '${{ secrets.USER_OAUTH_TOKEN }}';
  const hostile = {
    type: 'object',
    description: `Described by ${SECRET} and {% raw %}`,
    required: ['size'],
    properties: {
      size: { type: 'string', description: SECRET, enum: [SECRET, '{% raw %}x{% endraw %}', 'small'], default: SECRET },
      note: { type: 'string', pattern: '^[a-z]*$|{#', default: '{# comment #}' },
    },
  };

  it('embeds the schema as base64 of its JSON and leaves no template syntax from the cluster in steps or output', async () => {
    const t = await templateOf(xrd(hostile), { publish: { repoUrl: 'github.com?owner=a&repo=b' } });
    expect(t.spec.steps.map(s => s.action)).toEqual([RENDER_MANIFEST_ACTION_ID, PULL_REQUEST_ACTION_ID]);
    const decoded = decodeSchema(String(t.spec.steps[0].input.schemaBase64));
    expect(JSON.stringify(decoded)).toContain(SECRET);
    expect(JSON.stringify(decoded)).toContain('{% raw %}');
    // Every string of the steps and output is either inert or one of our own expressions.
    const strings: string[] = [];
    JSON.stringify([t.spec.steps, t.spec.output], (_key, value) => {
      if (typeof value === 'string') strings.push(value);
      return value;
    });
    for (const text of strings) {
      expect(text).not.toContain('secrets.');
      expect(text).not.toContain('{%');
      expect(text).not.toContain('{#');
    }
    // Rendered by the scaffolder's engine, the step input gives the schema back untouched.
    const rendered = renderInput(t.spec.steps[0].input, { name: 'db', namespace: 'team', size: SECRET }) as Record<string, unknown>;
    expect(rendered.schemaBase64).toBe(t.spec.steps[0].input.schemaBase64);
    expect(rendered.spec).toMatchObject({ size: SECRET });
  });

  it('reads a parameter whose name came from the cluster as data, whatever the name holds', async () => {
    const names = ['x }} ${{ secrets.X', 'a"] + secrets.X + parameters["b', "q' ~ secrets.X ~ '"];
    const t = await templateOf(xrd({ type: 'object', properties: Object.fromEntries(names.map(n => [n, { type: 'string' }])) }), { publish: { repoUrl: 'github.com?owner=a&repo=b' } });
    const parameters = Object.fromEntries(names.map((n, i) => [n, `value ${i}`]));
    const rendered = renderInput(t.spec.steps[0].input.spec, parameters) as Record<string, unknown>;
    expect(names.map(n => rendered[n])).toEqual(['value 0', 'value 1', 'value 2']);
  });

  type Crd = { spec: { group: string; names: { kind: string } } };
  it.each([
    ['a kind', (o: Crd) => { o.spec.names.kind = 'W${{ secrets.X }}'; }],
    ['a group', (o: Crd) => { o.spec.group = '{%raw%}.example.org'; }],
  ])('gives no Template for %s holding template syntax, and says why', async (_what, change) => {
    const object = crd(spec);
    change(object as unknown as Crd);
    const { entities, errors } = await convertDefinitions([object], options({ publish: { target: 'git-push', repoUrl: 'file:///g.git' } }), { typesGenerator: null });
    expect(entities.filter(e => e.kind === 'Template')).toEqual([]);
    expect(errors.map(e => e.message).join('\n')).toMatch(/template syntax|must|invalid|not/i);
  });

  it('refuses a cluster name holding template syntax', async () => {
    const located = [{ object: crd(spec), cluster: '${{ secrets.X }}' }];
    const { entities, errors } = await convertLocatedDefinitions(located, options(), { typesGenerator: null });
    expect(entities.filter(e => e.kind === 'Template')).toEqual([]);
    expect(errors.map(e => e.message).join('\n')).toMatch(/cluster name .* holds template syntax/);
  });

  it('calls the actions by the ids of the shared contract', async () => {
    const push = await templateOf(crd(spec), { publish: { target: 'git-push', repoUrl: 'file:///tmp/gitops.git' } });
    expect(push.spec.steps.map(s => s.action)).toEqual([RENDER_MANIFEST_ACTION_ID, GIT_PUSH_ACTION_ID]);
    expect(isInertText(String(push.spec.steps[0].input.schemaBase64))).toBe(true);
  });
});

describe('clusters', () => {
  it('gives one Template offering every cluster when the schemas agree, and keeps them apart when not', async () => {
    const same = await convertLocatedDefinitions([{ object: xrd(spec), cluster: 'b' }, { object: xrd(spec), cluster: 'a' }], options(), { typesGenerator: null });
    const templates = same.entities.filter(e => e.kind === 'Template') as Array<Entity & { spec: { parameters: Array<{ title: string; properties: Record<string, { items?: { enum?: string[] } }> }> } }>;
    expect(templates).toHaveLength(1);
    expect(templates[0].spec.parameters.find(p => p.title === 'GitOps')?.properties.clusters.items?.enum).toEqual(['a', 'b']);
    const other = xrd({ type: 'object', properties: { size: { type: 'integer' } } });
    const differ = await convertLocatedDefinitions([{ object: xrd(spec), cluster: 'a' }, { object: other, cluster: 'b' }], options(), { typesGenerator: null });
    const names = differ.entities.filter(e => e.kind === 'Template').map(e => e.metadata.name);
    expect(new Set(names).size).toBe(2);
    expect(differ.entities.find(e => e.kind === 'Template')?.metadata.description).toContain('a different schema for the same kind and version');
  });
});
