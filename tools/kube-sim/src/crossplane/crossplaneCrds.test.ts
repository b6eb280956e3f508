import { isCrd, type CustomResourceDefinition } from './crdTypes';
import { crossplaneApiCrds } from './crossplaneCrds';

function crds(): CustomResourceDefinition[] {
  return crossplaneApiCrds().map(obj => {
    if (!isCrd(obj)) throw new Error('not a CRD');
    return obj;
  });
}

function byName(name: string): CustomResourceDefinition {
  const crd = crds().find(c => c.metadata.name === name);
  if (!crd) throw new Error(`no CRD ${name}`);
  return crd;
}

describe('crossplaneApiCrds', () => {
  it('serves XRDs, Compositions and CompositionRevisions, cluster scoped, in category crossplane', () => {
    expect(
      crds().map(c => [c.metadata.name, c.spec.group, c.spec.scope, c.spec.names.kind, c.spec.names.listKind, c.spec.names.singular, c.spec.names.shortNames, c.spec.names.categories]),
    ).toEqual([
      [
        'compositeresourcedefinitions.apiextensions.crossplane.io',
        'apiextensions.crossplane.io',
        'Cluster',
        'CompositeResourceDefinition',
        'CompositeResourceDefinitionList',
        'compositeresourcedefinition',
        ['xrd', 'xrds'],
        ['crossplane'],
      ],
      ['compositions.apiextensions.crossplane.io', 'apiextensions.crossplane.io', 'Cluster', 'Composition', 'CompositionList', 'composition', ['comp'], ['crossplane']],
      [
        'compositionrevisions.apiextensions.crossplane.io',
        'apiextensions.crossplane.io',
        'Cluster',
        'CompositionRevision',
        'CompositionRevisionList',
        'compositionrevision',
        ['comprev'],
        ['crossplane'],
      ],
    ]);
    for (const crd of crds()) expect(crd.metadata.name).toBe(`${crd.spec.names.plural}.${crd.spec.group}`);
  });

  it('serves XRDs at v1 (storage, deprecated) and v2, with a status subresource', () => {
    const xrd = byName('compositeresourcedefinitions.apiextensions.crossplane.io');
    expect(xrd.spec.versions.map(v => [v.name, v.served, v.storage, v.deprecated ?? false, v.subresources])).toEqual([
      ['v1', true, true, true, { status: {} }],
      ['v2', true, false, false, { status: {} }],
    ]);
    expect(xrd.spec.versions[0].deprecationWarning).toContain('consider migrating to v2');
    expect(xrd.spec.versions[0].additionalPrinterColumns?.map(c => c.name)).toEqual(['ESTABLISHED', 'OFFERED', 'AGE']);
  });

  it('defaults and limits XRD scope per version', () => {
    const xrd = byName('compositeresourcedefinitions.apiextensions.crossplane.io');
    const scope = (version: string) =>
      xrd.spec.versions.find(v => v.name === version)?.schema.openAPIV3Schema.properties?.spec?.properties?.scope;
    expect(scope('v1')).toEqual({ type: 'string', enum: ['LegacyCluster', 'Namespaced', 'Cluster'], default: 'LegacyCluster' });
    expect(scope('v2')).toEqual({ type: 'string', enum: ['Namespaced', 'Cluster'], default: 'Namespaced' });
  });

  it('serves Compositions at v1 without status, and CompositionRevisions at v1 with status', () => {
    const composition = byName('compositions.apiextensions.crossplane.io');
    expect(composition.spec.versions.map(v => [v.name, v.served, v.storage, v.subresources])).toEqual([['v1', true, true, undefined]]);
    expect(composition.spec.versions[0].additionalPrinterColumns?.map(c => c.name)).toEqual(['XR-KIND', 'XR-APIVERSION', 'AGE']);
    const revision = byName('compositionrevisions.apiextensions.crossplane.io');
    expect(revision.spec.versions.map(v => [v.name, v.served, v.storage, v.subresources])).toEqual([['v1', true, true, { status: {} }]]);
    expect(revision.spec.versions[0].additionalPrinterColumns?.map(c => c.name)).toEqual(['REVISION', 'XR-KIND', 'XR-APIVERSION', 'AGE']);
  });

  it('keeps spec and status open to unknown fields', () => {
    for (const crd of crds()) {
      for (const v of crd.spec.versions) {
        const root = v.schema.openAPIV3Schema;
        expect(root.type).toBe('object');
        expect(root.properties?.spec?.['x-kubernetes-preserve-unknown-fields']).toBe(true);
        expect(root.properties?.status?.['x-kubernetes-preserve-unknown-fields']).toBe(true);
      }
    }
  });

  it('returns fresh objects on every call', () => {
    const first = crds();
    first[0].spec.versions[0].name = 'mutated';
    (first[1].spec.versions[0].additionalPrinterColumns ?? [])[0].name = 'mutated';
    expect(crds()[0].spec.versions[0].name).toBe('v1');
    expect(crds()[1].spec.versions[0].additionalPrinterColumns?.[0].name).toBe('XR-KIND');
  });
});
