/**
 * The CRDs for Crossplane's own apiextensions kinds that the simulator serves, as Crossplane 2.x installs
 * them (kubebuilder markers in crossplane/crossplane `apis/apiextensions/{v1,v2}`): names, scope,
 * versions, short names, categories, printer columns and subresources are exact. Schemas are permissive
 * (unknown fields preserved) but carry the enums and defaults the server applies to fields the
 * simulator's Crossplane logic reads, such as an XRD's spec.scope.
 *
 * CompositionRevision is served at v1 only: v1beta1 was last served by Crossplane 1.20.
 */
import type { KubeObject } from '../types';
import { CRD_API_VERSION, type CrdColumn, type CrdNames, type CrdVersion, type CustomResourceDefinition } from './crdTypes';
import { cloneJson, type JSONSchemaProps } from './jsonSchema';
import { XRD_GROUP } from './xrdSpec';

export const CATEGORY_CROSSPLANE = 'crossplane';

export function crossplaneApiCrds(): KubeObject[] {
  return [xrdCrd(), compositionCrd(), compositionRevisionCrd()];
}

const AGE: CrdColumn = { name: 'AGE', type: 'date', jsonPath: '.metadata.creationTimestamp' };
const XR_KIND: CrdColumn = { name: 'XR-KIND', type: 'string', jsonPath: '.spec.compositeTypeRef.kind' };
const XR_APIVERSION: CrdColumn = { name: 'XR-APIVERSION', type: 'string', jsonPath: '.spec.compositeTypeRef.apiVersion' };

function xrdCrd(): CustomResourceDefinition {
  const columns: CrdColumn[] = [
    { name: 'ESTABLISHED', type: 'string', jsonPath: ".status.conditions[?(@.type=='Established')].status" },
    { name: 'OFFERED', type: 'string', jsonPath: ".status.conditions[?(@.type=='Offered')].status" },
    AGE,
  ];
  const description = 'A CompositeResourceDefinition defines the schema for a new custom Kubernetes API.';
  return crd(
    { plural: 'compositeresourcedefinitions', kind: 'CompositeResourceDefinition', shortNames: ['xrd', 'xrds'] },
    [
      {
        name: 'v1',
        served: true,
        // v1 stays the storage version in Crossplane 2.x; v2 objects are stored through it.
        storage: true,
        deprecated: true,
        deprecationWarning:
          'CompositeResourceDefinition v1 is deprecated and will be removed in a future release; consider migrating to v2',
        schema: { openAPIV3Schema: objectSchema(description, xrdSpecSchema('v1')) },
        subresources: { status: {} },
        additionalPrinterColumns: columns,
      },
      {
        name: 'v2',
        served: true,
        storage: false,
        schema: { openAPIV3Schema: objectSchema(description, xrdSpecSchema('v2')) },
        subresources: { status: {} },
        additionalPrinterColumns: columns,
      },
    ],
  );
}

function compositionCrd(): CustomResourceDefinition {
  return crd({ plural: 'compositions', kind: 'Composition', shortNames: ['comp'] }, [
    {
      name: 'v1',
      served: true,
      storage: true,
      // Composition has no status subresource.
      schema: {
        openAPIV3Schema: objectSchema(
          'A Composition defines a collection of managed resources or functions that Crossplane uses to create and manage new composite resources.',
          compositionSpecSchema(),
        ),
      },
      additionalPrinterColumns: [XR_KIND, XR_APIVERSION, AGE],
    },
  ]);
}

function compositionRevisionCrd(): CustomResourceDefinition {
  const spec = compositionSpecSchema();
  spec.required = [...(spec.required ?? []), 'revision'];
  spec.properties = { ...spec.properties, revision: { type: 'integer', format: 'int64' } };
  return crd({ plural: 'compositionrevisions', kind: 'CompositionRevision', shortNames: ['comprev'] }, [
    {
      name: 'v1',
      served: true,
      storage: true,
      schema: {
        openAPIV3Schema: objectSchema(
          'A CompositionRevision represents a revision of a Composition. Crossplane creates new revisions when there are changes to the Composition.',
          spec,
        ),
      },
      subresources: { status: {} },
      additionalPrinterColumns: [{ name: 'REVISION', type: 'string', jsonPath: '.spec.revision' }, XR_KIND, XR_APIVERSION, AGE],
    },
  ]);
}

/** A cluster-scoped CRD in apiextensions.crossplane.io, in category `crossplane`. */
function crd(names: Pick<CrdNames, 'plural' | 'kind' | 'shortNames'>, versions: CrdVersion[]): CustomResourceDefinition {
  return {
    apiVersion: CRD_API_VERSION,
    kind: 'CustomResourceDefinition',
    metadata: { name: `${names.plural}.${XRD_GROUP}` },
    spec: {
      group: XRD_GROUP,
      names: {
        plural: names.plural,
        singular: names.kind.toLowerCase(),
        shortNames: [...(names.shortNames ?? [])],
        kind: names.kind,
        listKind: `${names.kind}List`,
        categories: [CATEGORY_CROSSPLANE],
      },
      scope: 'Cluster',
      // Fresh copies: callers may store and mutate what they get.
      versions: cloneJson(versions),
    },
  };
}

const preserve = (type: string, extra: JSONSchemaProps = {}): JSONSchemaProps => ({
  type,
  'x-kubernetes-preserve-unknown-fields': true,
  ...extra,
});

function objectSchema(description: string, spec: JSONSchemaProps): JSONSchemaProps {
  return {
    description,
    type: 'object',
    properties: {
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      metadata: { type: 'object' },
      spec,
      status: preserve('object'),
    },
  };
}

/** An XRD's spec: the fields Crossplane reads, with the v1 or v2 enums and defaults. */
function xrdSpecSchema(version: 'v1' | 'v2'): JSONSchemaProps {
  const scope: JSONSchemaProps =
    version === 'v1'
      ? { type: 'string', enum: ['LegacyCluster', 'Namespaced', 'Cluster'], default: 'LegacyCluster' }
      : { type: 'string', enum: ['Namespaced', 'Cluster'], default: 'Namespaced' };
  // v2 declares no default for the (claim-only) delete policy; reads through v1 storage still default it.
  const deletePolicy: JSONSchemaProps = {
    type: 'string',
    enum: ['Background', 'Foreground'],
    ...(version === 'v1' ? { default: 'Background' } : {}),
  };
  return preserve('object', {
    required: ['group', 'names', 'versions'],
    properties: {
      group: { type: 'string' },
      names: preserve('object', { required: ['kind', 'plural'] }),
      claimNames: preserve('object', { required: ['kind', 'plural'] }),
      scope,
      defaultCompositionUpdatePolicy: { type: 'string', enum: ['Automatic', 'Manual'], default: 'Automatic' },
      defaultCompositeDeletePolicy: deletePolicy,
      versions: { type: 'array', items: preserve('object', { required: ['name', 'referenceable', 'served'] }) },
    },
  });
}

/** A Composition's (and revision's) spec: Crossplane 2.x only has Pipeline mode. */
function compositionSpecSchema(): JSONSchemaProps {
  return preserve('object', {
    required: ['compositeTypeRef'],
    properties: {
      compositeTypeRef: {
        type: 'object',
        required: ['apiVersion', 'kind'],
        properties: { apiVersion: { type: 'string' }, kind: { type: 'string' } },
      },
      mode: { type: 'string', enum: ['Pipeline'], default: 'Pipeline' },
      pipeline: { type: 'array', items: preserve('object', { required: ['step'] }) },
    },
  });
}
