import type { KubeObject } from '../types';
import { InvalidXrdError, crdsForXrd } from './xrdToCrds';
import { props, renderCrds, rootSchema } from './testUtils';

const XRD_V1 = 'apiextensions.crossplane.io/v1';
const XRD_V2 = 'apiextensions.crossplane.io/v2';

function userSchema(): Record<string, unknown> {
  return {
    type: 'object',
    description: 'A PostgreSQL instance.',
    required: ['status'],
    'x-kubernetes-validations': [{ rule: 'has(self.spec)', message: 'spec is required' }],
    properties: {
      metadata: {
        type: 'object',
        properties: { name: { type: 'string', maxLength: 40 }, labels: { type: 'object' } },
      },
      spec: {
        type: 'object',
        description: 'Desired state.',
        required: ['parameters'],
        'x-kubernetes-validations': [{ rule: 'self.parameters.storageGB >= 1' }],
        properties: {
          parameters: {
            type: 'object',
            required: ['storageGB'],
            properties: {
              storageGB: { type: 'integer', minimum: 1, madeUpKeyword: true },
              tier: { type: 'string', enum: ['small', 'large'], default: 'small' },
            },
          },
          // Crossplane's own fields win over a user's definition of the same name.
          compositionRef: { type: 'string' },
        },
      },
      status: {
        type: 'object',
        'x-kubernetes-preserve-unknown-fields': true,
        properties: { address: { type: 'string' }, conditions: { type: 'string' } },
      },
    },
  };
}

function v1WithClaim(): KubeObject {
  return {
    apiVersion: XRD_V1,
    kind: 'CompositeResourceDefinition',
    metadata: { name: 'xpostgresqlinstances.example.org', uid: 'uid-1', labels: { team: 'db' } },
    spec: {
      group: 'example.org',
      names: { kind: 'XPostgreSQLInstance', plural: 'xpostgresqlinstances', categories: ['db'] },
      claimNames: { kind: 'PostgreSQLInstance', plural: 'postgresqlinstances', shortNames: ['pg'] },
      metadata: { labels: { extra: 'yes' }, annotations: { 'example.org/note': 'hi' } },
      defaultCompositeDeletePolicy: 'Foreground',
      versions: [
        {
          name: 'v1alpha1',
          served: true,
          referenceable: false,
          deprecated: true,
          deprecationWarning: 'use v1beta1',
          schema: { openAPIV3Schema: userSchema() },
        },
        {
          name: 'v1beta1',
          served: true,
          referenceable: true,
          schema: { openAPIV3Schema: userSchema() },
          additionalPrinterColumns: [{ name: 'STORAGE', type: 'integer', jsonPath: '.spec.parameters.storageGB' }],
        },
      ],
    },
  };
}

function simpleXrd(apiVersion: string, spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion,
    kind: 'CompositeResourceDefinition',
    metadata: { name: 'xbuckets.example.org' },
    spec: {
      group: 'example.org',
      names: { kind: 'XBucket', plural: 'xbuckets' },
      versions: [
        {
          name: 'v1',
          served: true,
          referenceable: true,
          schema: {
            openAPIV3Schema: {
              type: 'object',
              properties: { spec: { type: 'object', properties: { region: { type: 'string' } } } },
            },
          },
        },
      ],
      ...spec,
    },
  };
}

const LEGACY_XR_SPEC = [
  'compositionRef',
  'compositionSelector',
  'compositionRevisionRef',
  'compositionRevisionSelector',
  'compositionUpdatePolicy',
  'resourceRefs',
  'claimRef',
  'writeConnectionSecretToRef',
];
const MODERN_XR_SPEC = LEGACY_XR_SPEC.slice(0, 6);

describe('crdsForXrd, v1 XRD with claimNames', () => {
  const [xr, claim, ...rest] = renderCrds(v1WithClaim());

  it('renders the XR CRD and the claim CRD', () => {
    expect(rest).toEqual([]);
    expect(xr.metadata.name).toBe('xpostgresqlinstances.example.org');
    expect(claim.metadata.name).toBe('postgresqlinstances.example.org');
    expect(xr.apiVersion).toBe('apiextensions.k8s.io/v1');
    expect(xr.kind).toBe('CustomResourceDefinition');
  });

  it('names the XR after spec.names, adds the composite category and the server-defaulted names', () => {
    expect(xr.spec.group).toBe('example.org');
    expect(xr.spec.names).toEqual({
      plural: 'xpostgresqlinstances',
      singular: 'xpostgresqlinstance',
      kind: 'XPostgreSQLInstance',
      listKind: 'XPostgreSQLInstanceList',
      categories: ['db', 'composite'],
    });
    expect(xr.spec.scope).toBe('Cluster');
  });

  it('names the claim after spec.claimNames, in category claim, namespaced', () => {
    expect(claim.spec.names).toEqual({
      plural: 'postgresqlinstances',
      singular: 'postgresqlinstance',
      shortNames: ['pg'],
      kind: 'PostgreSQLInstance',
      listKind: 'PostgreSQLInstanceList',
      categories: ['claim'],
    });
    expect(claim.spec.scope).toBe('Namespaced');
  });

  it('maps versions: served, referenceable to storage, deprecation, status subresource', () => {
    for (const crd of [xr, claim]) {
      expect(crd.spec.versions.map(v => [v.name, v.served, v.storage, v.deprecated ?? false])).toEqual([
        ['v1alpha1', true, false, true],
        ['v1beta1', true, true, false],
      ]);
      expect(crd.spec.versions[0].deprecationWarning).toBe('use v1beta1');
      expect(crd.spec.versions.map(v => v.subresources)).toEqual([{ status: {} }, { status: {} }]);
    }
  });

  it('keeps only what Crossplane copies from the root and metadata of the schema', () => {
    const root = rootSchema(xr);
    expect(root.type).toBe('object');
    expect(root.required).toEqual(['spec']);
    expect(root.description).toBe('A PostgreSQL instance.');
    expect(root['x-kubernetes-validations']).toEqual([{ rule: 'has(self.spec)', message: 'spec is required' }]);
    expect(root.properties?.metadata).toEqual({ type: 'object', properties: { name: { type: 'string', maxLength: 40 } } });
    expect(root.properties?.apiVersion).toEqual({ type: 'string' });
  });

  it('keeps the XRD spec schema, minus keywords a CRD schema does not have', () => {
    const spec = rootSchema(xr).properties?.spec;
    expect(spec?.description).toBe('Desired state.');
    expect(spec?.required).toEqual(['parameters']);
    expect(spec?.['x-kubernetes-validations']).toEqual([{ rule: 'self.parameters.storageGB >= 1' }]);
    expect(props(xr, 'spec').parameters).toEqual({
      type: 'object',
      required: ['storageGB'],
      properties: {
        storageGB: { type: 'integer', minimum: 1 },
        tier: { type: 'string', enum: ['small', 'large'], default: 'small' },
      },
    });
  });

  it('adds the v1 (LegacyCluster) XR fields flat under spec, overriding same-named user fields', () => {
    const spec = props(xr, 'spec');
    expect(Object.keys(spec).sort()).toEqual(['parameters', ...LEGACY_XR_SPEC].sort());
    expect(spec.compositionRef).toEqual({ type: 'object', required: ['name'], properties: { name: { type: 'string' } } });
    expect(spec.compositionUpdatePolicy).toEqual({ type: 'string', enum: ['Automatic', 'Manual'], default: 'Automatic' });
    expect(spec.claimRef?.required).toEqual(['apiVersion', 'kind', 'namespace', 'name']);
    expect(spec.writeConnectionSecretToRef?.required).toEqual(['name', 'namespace']);
    expect(spec.resourceRefs).toMatchObject({ type: 'array', 'x-kubernetes-list-type': 'atomic' });
    expect(spec.resourceRefs?.items).toMatchObject({ required: ['apiVersion', 'kind'], properties: { namespace: { type: 'string' } } });
    expect(spec.compositionSelector?.properties?.matchLabels).toEqual({ type: 'object', additionalProperties: { type: 'string' } });
  });

  it('merges status: user fields, then conditions, connectionDetails and claimConditionTypes', () => {
    const status = rootSchema(xr).properties?.status;
    expect(status?.['x-kubernetes-preserve-unknown-fields']).toBeUndefined();
    expect(Object.keys(props(xr, 'status')).sort()).toEqual(['address', 'claimConditionTypes', 'conditions', 'connectionDetails']);
    expect(props(xr, 'status').conditions).toMatchObject({
      type: 'array',
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['type'],
      items: { required: ['lastTransitionTime', 'reason', 'status', 'type'] },
    });
  });

  it('adds the claim fields to the claim, with the XRD default delete policy', () => {
    const spec = props(claim, 'spec');
    expect(Object.keys(spec).sort()).toEqual(
      [
        'parameters',
        'compositionRef',
        'compositionSelector',
        'compositionRevisionRef',
        'compositionRevisionSelector',
        'compositionUpdatePolicy',
        'compositeDeletePolicy',
        'resourceRef',
        'writeConnectionSecretToRef',
      ].sort(),
    );
    expect(spec.compositeDeletePolicy).toEqual({ type: 'string', enum: ['Background', 'Foreground'], default: 'Foreground' });
    expect(spec.compositionUpdatePolicy).toEqual({ type: 'string', enum: ['Automatic', 'Manual'] });
    expect(spec.resourceRef?.required).toEqual(['apiVersion', 'kind', 'name']);
    expect(spec.writeConnectionSecretToRef?.required).toEqual(['name']);
    expect(Object.keys(props(claim, 'status')).sort()).toEqual(['address', 'claimConditionTypes', 'conditions', 'connectionDetails']);
  });

  it("appends Crossplane's printer columns after the XRD's", () => {
    const byVersion = (crd: typeof xr) =>
      crd.spec.versions.map(v => (v.additionalPrinterColumns ?? []).map(c => `${c.name}=${c.jsonPath}${c.priority ? `@${c.priority}` : ''}`));
    expect(byVersion(xr)[1]).toEqual([
      'STORAGE=.spec.parameters.storageGB',
      "SYNCED=.status.conditions[?(@.type=='Synced')].status",
      "READY=.status.conditions[?(@.type=='Ready')].status",
      'COMPOSITION=.spec.compositionRef.name',
      'COMPOSITIONREVISION=.spec.compositionRevisionRef.name@1',
      'AGE=.metadata.creationTimestamp',
    ]);
    expect(byVersion(xr)[0]).toHaveLength(5);
    expect(byVersion(claim)[1]).toEqual([
      'STORAGE=.spec.parameters.storageGB',
      "SYNCED=.status.conditions[?(@.type=='Synced')].status",
      "READY=.status.conditions[?(@.type=='Ready')].status",
      'CONNECTION-SECRET=.spec.writeConnectionSecretToRef.name',
      'AGE=.metadata.creationTimestamp',
    ]);
  });

  it('is owned by the XRD and carries its labels and spec.metadata', () => {
    for (const crd of [xr, claim]) {
      expect(crd.metadata.ownerReferences).toEqual([
        {
          apiVersion: 'apiextensions.crossplane.io/v1',
          kind: 'CompositeResourceDefinition',
          name: 'xpostgresqlinstances.example.org',
          uid: 'uid-1',
          controller: true,
          blockOwnerDeletion: true,
        },
      ]);
      expect(crd.metadata.labels).toEqual({ team: 'db', extra: 'yes' });
      expect(crd.metadata.annotations).toEqual({ 'example.org/note': 'hi' });
    }
  });

  it('shares no structure with its input or between the CRDs', () => {
    const input = v1WithClaim();
    const [a, b] = renderCrds(input);
    props(a, 'spec').parameters.type = 'mutated';
    (a.spec.versions[1].additionalPrinterColumns ?? [])[0].name = 'mutated';
    expect(props(b, 'spec').parameters.type).toBe('object');
    expect(renderCrds(input)[0]).toEqual(xr);
  });
});

describe('crdsForXrd, other shapes', () => {
  it('v1 without claimNames: only a cluster-scoped XR CRD with the flat layout, no uid when the XRD has none', () => {
    const crds = renderCrds(simpleXrd(XRD_V1));
    expect(crds).toHaveLength(1);
    const [xr] = crds;
    expect(xr.spec.scope).toBe('Cluster');
    expect(Object.keys(props(xr, 'spec')).sort()).toEqual(['region', ...LEGACY_XR_SPEC].sort());
    expect(props(xr, 'spec').resourceRefs?.items).toMatchObject({ properties: { namespace: { type: 'string' } } });
    expect(xr.metadata.ownerReferences).toEqual([
      { apiVersion: XRD_V1, kind: 'CompositeResourceDefinition', name: 'xbuckets.example.org', controller: true, blockOwnerDeletion: true },
    ]);
    expect(xr.metadata.labels).toBeUndefined();
    expect(rootSchema(xr).properties?.metadata?.properties?.name?.maxLength).toBe(63);
  });

  it('v2 defaults to Namespaced and nests the XR fields under spec.crossplane', () => {
    const [xr, ...rest] = renderCrds(simpleXrd(XRD_V2, { defaultCompositionUpdatePolicy: 'Manual' }));
    expect(rest).toEqual([]);
    expect(xr.spec.scope).toBe('Namespaced');
    const spec = props(xr, 'spec');
    expect(Object.keys(spec).sort()).toEqual(['crossplane', 'region']);
    expect(spec.crossplane?.description).toBe('Configures how Crossplane will reconcile this composite resource');
    const crossplane = spec.crossplane?.properties ?? {};
    expect(Object.keys(crossplane).sort()).toEqual([...MODERN_XR_SPEC].sort());
    expect(crossplane.compositionUpdatePolicy?.default).toBe('Manual');
    // Namespaced XRs cannot reference composed resources in other namespaces.
    expect(Object.keys(crossplane.resourceRefs?.items && !Array.isArray(crossplane.resourceRefs.items) ? crossplane.resourceRefs.items.properties ?? {} : {}).sort()).toEqual([
      'apiVersion',
      'kind',
      'name',
    ]);
    expect(Object.keys(props(xr, 'status'))).toEqual(['conditions']);
    const columns = xr.spec.versions[0].additionalPrinterColumns ?? [];
    expect(columns.find(c => c.name === 'COMPOSITION')?.jsonPath).toBe('.spec.crossplane.compositionRef.name');
    expect(columns.find(c => c.name === 'COMPOSITIONREVISION')?.jsonPath).toBe('.spec.crossplane.compositionRevisionRef.name');
  });

  it('v2 Cluster: cluster scoped, spec.crossplane, resourceRefs may name a namespace', () => {
    const [xr] = renderCrds(simpleXrd(XRD_V2, { scope: 'Cluster' }));
    expect(xr.spec.scope).toBe('Cluster');
    const crossplane = props(xr, 'spec').crossplane?.properties ?? {};
    expect(Object.keys(crossplane).sort()).toEqual([...MODERN_XR_SPEC].sort());
    expect(crossplane.resourceRefs?.items).toMatchObject({ properties: { namespace: { type: 'string' } } });
    expect(props(xr, 'spec').claimRef).toBeUndefined();
    expect(Object.keys(props(xr, 'status'))).toEqual(['conditions']);
  });

  it('v2 LegacyCluster with claimNames: the v1 layout and a claim CRD', () => {
    const crds = renderCrds(
      simpleXrd(XRD_V2, { scope: 'LegacyCluster', claimNames: { kind: 'Bucket', plural: 'buckets' } }),
    );
    expect(crds.map(c => [c.metadata.name, c.spec.scope, c.spec.names.kind])).toEqual([
      ['xbuckets.example.org', 'Cluster', 'XBucket'],
      ['buckets.example.org', 'Namespaced', 'Bucket'],
    ]);
    expect(Object.keys(props(crds[0], 'spec')).sort()).toEqual(['region', ...LEGACY_XR_SPEC].sort());
    expect(props(crds[1], 'spec').compositeDeletePolicy?.default).toBe('Background');
  });

  it('v1 with an explicit modern scope renders the modern layout (Crossplane 2.x v1 XRDs may set spec.scope)', () => {
    const [xr] = renderCrds(simpleXrd(XRD_V1, { scope: 'Namespaced' }));
    expect(xr.spec.scope).toBe('Namespaced');
    expect(props(xr, 'spec').crossplane).toBeDefined();
  });

  it('copies the scale subresource and conversion', () => {
    const xrd = simpleXrd(XRD_V2, {
      conversion: { strategy: 'None' },
    });
    const spec = xrd.spec as { versions: Array<Record<string, unknown>> };
    spec.versions[0].subresources = { scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas' } };
    const [xr] = renderCrds(xrd);
    expect(xr.spec.versions[0].subresources).toEqual({
      status: {},
      scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas' },
    });
    expect(xr.spec.conversion).toEqual({ strategy: 'None' });
  });
});

describe('crdsForXrd, bad input', () => {
  type Edit = (spec: Record<string, unknown>, xrd: KubeObject) => void;
  const versions = (spec: Record<string, unknown>) => spec.versions as Array<Record<string, unknown>>;
  const names = (spec: Record<string, unknown>) => spec.names as Record<string, unknown>;
  const bad = (edit: Edit): KubeObject => {
    const xrd = v1WithClaim();
    edit(xrd.spec as Record<string, unknown>, xrd);
    return xrd;
  };
  const prefix = 'CompositeResourceDefinition "xpostgresqlinstances.example.org": ';

  it.each<[string, Edit, string]>([
    ['missing spec.group', s => delete s.group, 'spec.group is required'],
    ['missing spec.names.plural', s => delete names(s).plural, 'spec.names.plural is required'],
    ['missing spec.names.kind', s => delete names(s).kind, 'spec.names.kind is required'],
    ['missing spec.names', s => delete s.names, 'spec.names is required'],
    ['missing spec.versions', s => delete s.versions, 'spec.versions is required'],
    ['empty spec.versions', s => (s.versions = []), 'spec.versions must list at least one version'],
    ['missing spec', (_s, x) => delete x.spec, 'spec is required'],
    ['a group without a dot', s => (s.group = 'example'), 'spec.group "example" is invalid: should be a domain with at least one dot'],
    ['an uppercase plural', s => (names(s).plural = 'XPostgreSQLInstances'), 'spec.names.plural "XPostgreSQLInstances" is invalid'],
    ['an uppercase claim plural', s => ((s.claimNames as Record<string, unknown>).plural = 'PostgreSQLInstances'), 'spec.claimNames.plural "PostgreSQLInstances" is invalid'],
    ['a claim kind equal to the XR kind', s => ((s.claimNames as Record<string, unknown>).kind = 'XPostgreSQLInstance'), 'spec.claimNames.kind "XPostgreSQLInstance" conflicts'],
    ['claims on a namespaced XR', s => (s.scope = 'Namespaced'), 'spec.claimNames is only supported by LegacyCluster composite resources'],
    ['an unknown scope', s => (s.scope = 'Global'), 'spec.scope must be one of Namespaced, Cluster, LegacyCluster, not "Global"'],
    ['two referenceable versions', s => (versions(s)[0].referenceable = true), 'spec.versions must have exactly one referenceable version'],
    ['no referenceable version', s => (versions(s)[1].referenceable = false), 'spec.versions must have exactly one referenceable version'],
    ['a version without a schema', s => delete versions(s)[1].schema, 'spec.versions[1].schema.openAPIV3Schema is required'],
    ['a version without served', s => delete versions(s)[0].served, 'spec.versions[0].served is required'],
    ['duplicate version names', s => (versions(s)[1].name = 'v1alpha1'), 'spec.versions[1].name "v1alpha1" is duplicated'],
    ['an invalid version name', s => (versions(s)[0].name = 'V1'), 'spec.versions[0].name "V1" is invalid'],
    ['a bad printer column type', s => (versions(s)[1].additionalPrinterColumns = [{ name: 'X', type: 'object', jsonPath: '.x' }]), 'spec.versions[1].additionalPrinterColumns[0].type must be one of'],
    ['properties that are not a map', s => ((versions(s)[1].schema as { openAPIV3Schema: Record<string, unknown> }).openAPIV3Schema.properties = []), 'spec.versions[1].schema.openAPIV3Schema.properties must be a map of schemas'],
    ['a name that is not <plural>.<group>', (_s, x) => (x.metadata.name = 'postgres.example.org'), 'metadata.name must be spec.names.plural+"."+spec.group'],
  ])('rejects %s', (_label, edit, message) => {
    const xrd = bad(edit);
    const name = String(xrd.metadata.name);
    const expected = message.startsWith('metadata.name') ? `CompositeResourceDefinition "${name}": ${message}` : `${prefix}${message}`;
    expect(() => crdsForXrd(xrd)).toThrow(InvalidXrdError);
    expect(() => crdsForXrd(xrd)).toThrow(expected);
  });

  it('names the field on the error', () => {
    let thrown: unknown;
    try {
      crdsForXrd(bad(s => delete names(s).plural));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(InvalidXrdError);
    expect(thrown).toMatchObject({ field: 'spec.names.plural', xrdName: 'xpostgresqlinstances.example.org' });
  });

  it('rejects objects that are not XRDs', () => {
    expect(() => crdsForXrd({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } })).toThrow(
      'CompositeResourceDefinition "x": apiVersion must be apiextensions.crossplane.io/v1 or apiextensions.crossplane.io/v2',
    );
    expect(() => crdsForXrd({ ...simpleXrd(XRD_V1), metadata: {} })).toThrow('CompositeResourceDefinition "": metadata.name is required');
  });
});
