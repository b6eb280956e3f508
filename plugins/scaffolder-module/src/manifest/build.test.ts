import { demoXrdSchema } from '../testing/fixtures';
import { assembleManifest, prepareManifest } from './build';
import { ManifestRequest } from './types';
import { manifestToYaml } from './yaml';

const schema = demoXrdSchema();

function request(spec: Record<string, unknown>, extra: Partial<ManifestRequest> = {}): ManifestRequest {
  return {
    apiVersion: 'database.example.org/v1alpha1',
    kind: 'PostgreSQLInstance',
    name: 'orders-db',
    namespace: 'team-a',
    scope: 'Namespaced',
    spec: spec as ManifestRequest['spec'],
    schema,
    keepDefaults: false,
    ...extra,
  };
}

function render(spec: Record<string, unknown>, extra: Partial<ManifestRequest> = {}): string {
  const result = prepareManifest(request(spec, extra));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return manifestToYaml(assembleManifest(result.prepared));
}

describe('prepareManifest', () => {
  it('writes only what matters, in schema order, with required defaults kept', () => {
    const yaml = render({
      parameters: {
        // Submitted out of schema order, with empties and defaults a form would send.
        storageGB: 20,
        networkRef: { id: 'net-eu' },
        engineVersion: '16.4',
        size: 'small',
        region: 'eu-west-1',
        highAvailability: false,
        allowedCidrBlocks: [],
        backup: { retentionDays: 7, window: '' },
        extensions: ['pgcrypto', ''],
        storageAutoscaling: { enabled: true, maxStorage: '500' },
        deletionProtection: undefined,
      },
    });
    expect(yaml).toBe(
      [
        'apiVersion: database.example.org/v1alpha1',
        'kind: PostgreSQLInstance',
        'metadata:',
        '  name: orders-db',
        '  namespace: team-a',
        'spec:',
        '  parameters:',
        '    region: eu-west-1',
        '    size: small',
        '    storageAutoscaling:',
        '      maxStorage: 500',
        '    backup: {}',
        '    networkRef:',
        '      id: net-eu',
        '    extensions:',
        '      - pgcrypto',
        '',
      ].join('\n'),
    );
  });

  it('keeps defaults when asked to', () => {
    const yaml = render(
      {
        parameters: {
          region: 'eu-west-1',
          size: 'small',
          networkRef: { id: 'n' },
          storageGB: 20,
          highAvailability: false,
        },
      },
      { keepDefaults: true },
    );
    expect(yaml).toContain('storageGB: 20');
    expect(yaml).toContain('highAvailability: false');
  });

  it('converts int-or-string only when the string is an integer', () => {
    const base = { region: 'eu-west-1', size: 'small', networkRef: { id: 'n' } };
    expect(render({ parameters: { ...base, storageAutoscaling: { maxStorage: '300%' } } })).toContain(
      'maxStorage: 300%',
    );
    expect(render({ parameters: { ...base, storageAutoscaling: { maxStorage: '42' } } })).toContain('maxStorage: 42\n');
  });

  it('lists every problem with its field path', () => {
    const result = prepareManifest(
      request(
        { parameters: { region: 'mars-1', size: 'small', storageGB: 5, networkRef: {}, allowedCidrBlocks: ['nope'] } },
        { name: 'Orders_DB' },
      ),
    );
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors.map(e => `${e.path}: ${e.message}`);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^metadata\.name: "Orders_DB" must be a DNS-1123 subdomain/),
        'spec.parameters.region: must be one of: eu-west-1, eu-central-1, us-east-1, us-west-2',
        'spec.parameters.storageGB: must be >= 20',
        'spec.parameters.networkRef.id: is required',
        expect.stringMatching(/^spec\.parameters\.allowedCidrBlocks\[0\]: must match pattern/),
      ]),
    );
    expect(errors).toHaveLength(5);
  });

  it('requires a namespace for namespaced resources and refuses one for cluster-scoped ones', () => {
    const spec = { parameters: { region: 'eu-west-1', size: 'small', networkRef: { id: 'n' } } };
    const missing = prepareManifest(request(spec, { namespace: undefined }));
    expect(missing.ok ? [] : missing.errors.map(e => e.path)).toEqual(['metadata.namespace']);
    const clusterScoped = prepareManifest(request(spec, { scope: 'Cluster' }));
    expect(clusterScoped.ok ? [] : clusterScoped.errors.map(e => e.path)).toEqual(['metadata.namespace']);
  });
});

describe('a schema that requires spec', () => {
  it('gets spec: {} when every value was empty or defaulted', () => {
    const required = { type: 'object', required: ['spec'], properties: { spec: { type: 'object', properties: { size: { type: 'string', default: 's' } } } } };
    const result = prepareManifest(request({ size: '' }, { schema: required, apiVersion: 'x.example.org/v1', kind: 'Thing' }));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(manifestToYaml(assembleManifest(result.prepared))).toContain('spec: {}');
  });
});

describe('YAML-editor fields and key order', () => {
  const editorSchema = {
    type: 'object',
    properties: {
      spec: {
        type: 'object',
        'x-ui-order': ['b', '*', 'a'],
        properties: {
          a: { type: 'string' },
          values: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
          b: { type: 'string' },
        },
      },
    },
  };
  const editorRequest = (spec: Record<string, unknown>): ManifestRequest =>
    request(spec, { schema: editorSchema, apiVersion: 'x.example.org/v1', kind: 'Thing' });

  it('parses YAML text into an object and orders keys by x-ui-order, unknown keys by name', () => {
    const result = prepareManifest(editorRequest({ a: 'A', values: 'zeta: 1\nalpha:\n  nested: true\n', b: 'B' }));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(Object.keys(result.prepared.spec!)).toEqual(['b', 'values', 'a']);
    expect(result.prepared.spec!.values).toEqual({ alpha: { nested: true }, zeta: 1 });
    expect(Object.keys(result.prepared.spec!.values as object)).toEqual(['alpha', 'zeta']);
  });

  it('rejects invalid YAML naming the field', () => {
    const result = prepareManifest(editorRequest({ values: 'key: [unclosed\n  other: {' }));
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map(e => e.path)).toEqual(['spec.values']);
    expect(result.ok ? '' : result.errors[0].message).toMatch(/^is not valid YAML/);
  });
});
