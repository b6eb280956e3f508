import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { encodeSchema } from '@kube-platform/plugin-kubernetes-common';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { KubeSim } from '@internal/kube-sim';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createConfigCrdSchemaSource } from '../cluster/crdSchemaSource';
import { captureLogger } from '../testing/captureLogger';
import { EXAMPLES_CLUSTER_DIR, demoXrdSchema } from '../testing/fixtures';
import { createRenderManifestAction } from './renderManifest';

const mockDir = createMockDirectory();
const schema = demoXrdSchema();
const validSpec = {
  parameters: {
    region: 'eu-west-1',
    size: 'medium',
    networkRef: { id: 'net-eu' },
    storageGB: 20,
    highAvailability: '',
  },
};
const baseInput = {
  apiVersion: 'database.example.org/v1alpha1',
  kind: 'PostgreSQLInstance',
  name: 'orders-db',
  namespace: 'team-a',
  spec: validSpec,
  schema,
};

type Context = Parameters<ReturnType<typeof createRenderManifestAction>['handler']>[0];

function context(input: Record<string, unknown>): Context {
  // The action's input type has `unknown` values (spec, schema), which the mock's JsonObject bound rejects.
  return createMockActionContext({ input: input as JsonObject, workspacePath: mockDir.path }) as unknown as Context;
}

async function workspaceFiles(): Promise<string[]> {
  const entries = await fs.readdir(mockDir.path, { recursive: true, withFileTypes: true });
  return entries
    .filter(e => e.isFile())
    .map(e => join(e.parentPath, e.name).slice(mockDir.path.length + 1))
    .sort();
}

describe('kubernetes:manifest:render', () => {
  const action = createRenderManifestAction({});
  beforeEach(() => mockDir.clear());

  it('writes one minimal, annotated manifest per cluster and reports paths and text', async () => {
    const ctx = context({
      ...baseInput,
      clusters: ['prod-eu', 'prod-us'],
      owner: 'group:default/team-a',
      templateRef: 'template:default/postgresql',
    });
    await action.handler(ctx);
    const paths = [
      'prod-eu/team-a/PostgreSQLInstance/orders-db.yaml',
      'prod-us/team-a/PostgreSQLInstance/orders-db.yaml',
    ];
    expect(await workspaceFiles()).toEqual(paths);
    expect(ctx.output).toHaveBeenCalledWith('paths', paths);
    const text = await fs.readFile(join(mockDir.path, paths[0]), 'utf8');
    expect(ctx.output).toHaveBeenCalledWith('manifest', text);
    expect(parse(text)).toEqual({
      apiVersion: 'database.example.org/v1alpha1',
      kind: 'PostgreSQLInstance',
      metadata: {
        name: 'orders-db',
        namespace: 'team-a',
        annotations: {
          'kube-platform.io/gitops-path': paths[0],
          'kube-platform.io/owner': 'group:default/team-a',
          'kube-platform.io/template': 'template:default/postgresql',
        },
      },
      spec: { parameters: { region: 'eu-west-1', size: 'medium', networkRef: { id: 'net-eu' } } },
    });
    const manifests = (ctx.output as jest.Mock).mock.calls.find(c => c[0] === 'manifests')[1];
    expect(manifests.map((m: { cluster: string }) => m.cluster)).toEqual(['prod-eu', 'prod-us']);
  });

  it('lists every invalid value in one InputError and writes nothing', async () => {
    const ctx = context({ ...baseInput, spec: { parameters: { region: 'mars', storageGB: 1, networkRef: {} } } });
    const failure = action.handler(ctx);
    await expect(failure).rejects.toMatchObject({ name: 'InputError' });
    await expect(failure).rejects.toThrow(/spec\.parameters\.region: must be one of/);
    await expect(failure).rejects.toThrow(/spec\.parameters\.storageGB: must be >= 20/);
    await expect(failure).rejects.toThrow(/spec\.parameters\.size: is required/);
    await expect(failure).rejects.toThrow(/spec\.parameters\.networkRef\.id: is required/);
    expect(await workspaceFiles()).toEqual([]);
  });

  it('rejects path traversal in a template or targetPath and writes nothing', async () => {
    await expect(
      action.handler(
        context({ ...baseInput, clusters: ['a', 'b'], layout: 'custom', pathTemplate: '{cluster}/../../{name}.yaml' }),
      ),
    ).rejects.toMatchObject({ name: 'InputError', message: expect.stringMatching(/must not contain "\.\."/) });
    await expect(action.handler(context({ ...baseInput, targetPath: '../elsewhere' }))).rejects.toMatchObject({
      name: 'InputError',
    });
    expect(await workspaceFiles()).toEqual([]);
  });

  it('refuses to write through a symlink that leaves the workspace', async () => {
    const outside = await fs.mkdtemp(join(tmpdir(), 'render-outside-'));
    await fs.symlink(outside, join(mockDir.path, 'team-a'));
    await expect(action.handler(context(baseInput))).rejects.toThrow(/outside its parent/);
    expect(await fs.readdir(outside)).toEqual([]);
    await fs.rm(outside, { recursive: true, force: true });
  });

  it('rejects a YAML-editor field with invalid YAML, naming the field', async () => {
    const editorSchema = {
      type: 'object',
      properties: {
        spec: {
          type: 'object',
          properties: { values: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
        },
      },
    };
    const ctx = context({ ...baseInput, schema: editorSchema, spec: { values: 'a: [1, 2\nb: {' } });
    await expect(action.handler(ctx)).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(/spec\.values: is not valid YAML/),
    });
    expect(await workspaceFiles()).toEqual([]);
  });

  it.each([
    ['a cluster named .git', { clusters: ['prod', '.git'] }],
    ['a cluster named .GIT', { clusters: ['.GIT'] }],
    ['a targetPath inside .git', { targetPath: '.git' }],
    ['a targetPath with a nested .Git', { targetPath: 'gitops/.Git/hooks' }],
    ['a pathTemplate into .git', { layout: 'custom', pathTemplate: '.git/hooks/{name}' }],
    [
      'a pathTemplate whose parameter is .git',
      {
        layout: 'custom',
        pathTemplate: '{parameters.parameters.networkRef.id}/{name}.yaml',
        spec: { parameters: { ...validSpec.parameters, networkRef: { id: '.Git' } } },
      },
    ],
  ])('refuses %s with an InputError and writes nothing', async (_what, input) => {
    await expect(action.handler(context({ ...baseInput, ...input }))).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(/git/i),
    });
    expect(await workspaceFiles()).toEqual([]);
  });

  it('refuses a core v1 Secret, naming the alternatives, and writes nothing', async () => {
    const secretSchema = {
      type: 'object',
      properties: { data: { type: 'object', additionalProperties: { type: 'string' } }, stringData: { type: 'object' } },
    };
    const ctx = context({
      apiVersion: 'v1',
      kind: 'Secret',
      name: 'db-password',
      namespace: 'team-a',
      schema: secretSchema,
      spec: undefined,
      clusters: ['prod'],
    });
    const error = await action.handler(ctx).then(
      () => undefined,
      e => e as Error,
    );
    expect(error?.name).toBe('InputError');
    expect(error?.message).toMatch(/v1 Secret/);
    expect(error?.message).toMatch(/ExternalSecret/);
    expect(error?.message).toMatch(/SealedSecret/);
    expect(error?.message).toMatch(/connection secret/);
    expect(await workspaceFiles()).toEqual([]);
    // Other kinds named Secret (a CRD's own) are ordinary resources.
    await action.handler(
      context({ apiVersion: 'bitnami.com/v1alpha1', kind: 'SealedSecret', name: 'db', namespace: 'team-a', schema: { type: 'object' } }),
    );
    expect(await workspaceFiles()).toEqual(['team-a/SealedSecret/db.yaml']);
  });

  it.each([
    ['a newline in the kind', { kind: 'Postgres\nInstance' }, /kind: "Postgres\\nInstance"/],
    ['a kind that climbs', { kind: '..' }, /kind: "\.\."/],
    ['an apiVersion without a group', { apiVersion: 'v1alpha1' }, /apiVersion: "v1alpha1" must be/],
  ])('refuses %s before building any path', async (_what, input, message) => {
    const ctx = context({ ...baseInput, ...input, layout: 'custom', pathTemplate: '{kind}/{name}.yaml' });
    await expect(action.handler(ctx)).rejects.toMatchObject({ name: 'InputError', message: expect.stringMatching(message) });
    expect(await workspaceFiles()).toEqual([]);
  });

  it('refuses fields the schema does not declare, listing each', async () => {
    const spec = { parameters: { ...validSpec.parameters, colour: 'blue', networkRef: { id: 'n', vpc: 'x' } }, extra: 1 };
    const error = await action.handler(context({ ...baseInput, spec })).then(
      () => undefined,
      e => e as Error,
    );
    expect(error?.name).toBe('InputError');
    expect(error?.message).toContain('spec.parameters.colour: is not a field of the schema');
    expect(error?.message).toContain('spec.parameters.networkRef.vpc: is not a field of the schema');
    expect(error?.message).toContain('spec.extra: is not a field of the schema');
    expect(await workspaceFiles()).toEqual([]);
  });

  it('logs a warning for an enum mixing types and validates against the declared type only', async () => {
    const mixed = {
      type: 'object',
      properties: { spec: { type: 'object', properties: { size: { type: 'string', enum: ['small', 2] } } } },
    };
    const logger = captureLogger();
    const ctx = { ...context({ ...baseInput, schema: mixed, spec: { size: 'small' } }), logger };
    await action.handler(ctx);
    expect(logger.lines).toContainEqual(expect.stringMatching(/^warn .*spec\.size: the enum mixes types; .*\(2\)/));
    await expect(action.handler(context({ ...baseInput, schema: mixed, spec: { size: 2 } }))).rejects.toThrow(
      /spec\.size: must be string/,
    );
  });

  it('reads the schema from schemaBase64, as generated Templates send it, and refuses a broken or doubled one', async () => {
    await action.handler(context({ ...baseInput, schema: undefined, schemaBase64: encodeSchema(schema) }));
    expect(await workspaceFiles()).toEqual(['team-a/PostgreSQLInstance/orders-db.yaml']);
    await expect(
      action.handler(context({ ...baseInput, schema: undefined, schemaBase64: '${{ nope }}' })),
    ).rejects.toMatchObject({ name: 'InputError', message: expect.stringMatching(/schemaBase64 is not base64/) });
    await expect(
      action.handler(context({ ...baseInput, schemaBase64: encodeSchema(schema) })),
    ).rejects.toMatchObject({ name: 'InputError', message: expect.stringMatching(/either "schemaBase64" or "schema"/) });
  });

  it('evaluates x-kubernetes-validations before writing: a failing rule is an error with its message and path, a rule it cannot judge a logged note', async () => {
    const celSchema = {
      type: 'object',
      properties: {
        spec: {
          type: 'object',
          properties: { min: { type: 'integer' }, max: { type: 'integer' }, url: { type: 'string' } },
          'x-kubernetes-validations': [
            { rule: 'self.min <= self.max', message: 'min must not exceed max', fieldPath: '.min' },
            { rule: 'isURL(self.url)', message: 'url must be a URL' },
            { rule: 'self.max == oldSelf.max', message: 'max is immutable' },
          ],
        },
      },
    };
    await expect(
      action.handler(context({ ...baseInput, schema: celSchema, spec: { min: 5, max: 3, url: 'x' } })),
    ).rejects.toMatchObject({ name: 'InputError', message: expect.stringContaining('spec.min: min must not exceed max') });
    expect(await workspaceFiles()).toEqual([]);
    const logger = captureLogger();
    await action.handler({ ...context({ ...baseInput, schema: celSchema, spec: { min: 1, max: 3, url: 'x' } }), logger });
    expect(await workspaceFiles()).toEqual(['team-a/PostgreSQLInstance/orders-db.yaml']);
    expect(logger.lines).toContainEqual(expect.stringMatching(/^info spec: validation rule "isURL\(self.url\)" not checked .*isURL\(\)/));
  });

  it('refuses a single-file layout for several clusters', async () => {
    await expect(
      action.handler(context({ ...baseInput, clusters: ['a', 'b'], layout: 'namespace-kind' })),
    ).rejects.toMatchObject({ name: 'InputError' });
  });

  it('reads the schema and scope from a configured cluster with schemaRef', async () => {
    // Plain HTTP and only the XRDs: generating a CA and loading every demo object is slow under Jest.
    const sim = await KubeSim.start({ tls: false, manifests: [join(EXAMPLES_CLUSTER_DIR, '20-xrds.yaml')] });
    try {
      const config = new ConfigReader({
        kubernetes: {
          clusterLocatorMethods: [
            {
              type: 'config',
              clusters: [{ name: 'sim', url: sim.url, serviceAccountToken: sim.adminToken, skipTLSVerify: true }],
            },
          ],
        },
      });
      const fromCluster = createRenderManifestAction({ schemaSource: createConfigCrdSchemaSource(config) });
      const ctx = context({
        ...baseInput,
        schema: undefined,
        schemaRef: { group: 'database.example.org', version: 'v1alpha1', kind: 'PostgreSQLInstance' },
        clusters: ['sim'],
      });
      await fromCluster.handler(ctx);
      expect(await workspaceFiles()).toEqual(['sim/team-a/PostgreSQLInstance/orders-db.yaml']);
      // The default (20) was recognised from the served schema and dropped.
      expect(
        await fs.readFile(join(mockDir.path, 'sim/team-a/PostgreSQLInstance/orders-db.yaml'), 'utf8'),
      ).not.toContain('storageGB');
      const invalid = context({
        ...baseInput,
        spec: { parameters: { region: 'mars' } },
        schema: undefined,
        schemaRef: { group: 'database.example.org', version: 'v1alpha1', kind: 'PostgreSQLInstance' },
      });
      await expect(fromCluster.handler(invalid)).rejects.toThrow(/spec\.parameters\.region: must be one of/);
    } finally {
      await sim.stop();
    }
  }, 30_000);
});
