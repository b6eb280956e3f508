/**
 * The schema properties and printer columns Crossplane adds to the CRDs it generates from an XRD.
 *
 * Follows Crossplane v2 (`pkg/xcrd/schemas.go` in crossplane/crossplane-runtime v2, which Crossplane 2.x
 * and its CLI share): modern (Namespaced, Cluster) XRs get their machinery under `spec.crossplane`,
 * LegacyCluster XRs (every v1 XRD by default) keep it flat under `spec` plus `claimRef` and
 * `writeConnectionSecretToRef`. Crossplane 1.x fields that 2.x dropped (publishConnectionDetailsTo,
 * environmentConfigRefs) are not added.
 */
import type { CrdColumn } from './crdTypes';
import type { JSONSchemaProps } from './jsonSchema';
import type { XrScope } from './xrdSpec';

/** Fresh objects on every call: the generated CRDs must not share structure. */
const str = (): JSONSchemaProps => ({ type: 'string' });
const dateTime = (): JSONSchemaProps => ({ type: 'string', format: 'date-time' });

function nameRef(): JSONSchemaProps {
  return { type: 'object', required: ['name'], properties: { name: str() } };
}

function matchLabelsSelector(): JSONSchemaProps {
  return {
    type: 'object',
    required: ['matchLabels'],
    properties: { matchLabels: { type: 'object', additionalProperties: str() } },
  };
}

function stringEnum(values: string[], defaultValue?: string): JSONSchemaProps {
  return { type: 'string', enum: [...values], ...(defaultValue !== undefined ? { default: defaultValue } : {}) };
}

function objectOf(required: string[], fields: string[]): JSONSchemaProps {
  return { type: 'object', required, properties: Object.fromEntries(fields.map(f => [f, str()])) };
}

/** The composite's machinery fields: under `spec` for LegacyCluster, else under `spec.crossplane`. */
export function compositeSpecProps(scope: XrScope, defaultUpdatePolicy: string): Record<string, JSONSchemaProps> {
  // Namespaced XRs may not reference composed resources in other namespaces.
  const refFields = scope === 'Namespaced' ? ['apiVersion', 'name', 'kind'] : ['apiVersion', 'name', 'namespace', 'kind'];
  const props: Record<string, JSONSchemaProps> = {
    compositionRef: nameRef(),
    compositionSelector: matchLabelsSelector(),
    compositionRevisionRef: nameRef(),
    compositionRevisionSelector: matchLabelsSelector(),
    compositionUpdatePolicy: stringEnum(['Automatic', 'Manual'], defaultUpdatePolicy),
    resourceRefs: {
      type: 'array',
      items: objectOf(['apiVersion', 'kind'], refFields),
      // Controllers replace the whole list.
      'x-kubernetes-list-type': 'atomic',
    },
  };
  if (scope === 'LegacyCluster') {
    props.claimRef = objectOf(['apiVersion', 'kind', 'namespace', 'name'], ['apiVersion', 'kind', 'namespace', 'name']);
    props.writeConnectionSecretToRef = objectOf(['name', 'namespace'], ['name', 'namespace']);
    return props;
  }
  return {
    crossplane: {
      type: 'object',
      description: 'Configures how Crossplane will reconcile this composite resource',
      properties: props,
    },
  };
}

/** The claim's machinery fields, flat under `spec`. */
export function claimSpecProps(defaultDeletePolicy: string): Record<string, JSONSchemaProps> {
  return {
    compositionRef: nameRef(),
    compositionSelector: matchLabelsSelector(),
    compositionRevisionRef: nameRef(),
    compositionRevisionSelector: matchLabelsSelector(),
    compositionUpdatePolicy: stringEnum(['Automatic', 'Manual']),
    compositeDeletePolicy: stringEnum(['Background', 'Foreground'], defaultDeletePolicy),
    resourceRef: objectOf(['apiVersion', 'kind', 'name'], ['apiVersion', 'kind', 'name']),
    writeConnectionSecretToRef: objectOf(['name'], ['name']),
  };
}

/**
 * Status fields. Claims get the LegacyCluster set (Crossplane does the same, noting in a TODO that
 * `claimConditionTypes` on claims is probably a bug).
 */
export function statusProps(scope: XrScope): Record<string, JSONSchemaProps> {
  const props: Record<string, JSONSchemaProps> = {
    conditions: {
      description: 'Conditions of the resource.',
      type: 'array',
      'x-kubernetes-list-map-keys': ['type'],
      'x-kubernetes-list-type': 'map',
      items: {
        type: 'object',
        required: ['lastTransitionTime', 'reason', 'status', 'type'],
        properties: {
          lastTransitionTime: dateTime(),
          message: str(),
          reason: str(),
          status: str(),
          type: str(),
          observedGeneration: { type: 'integer', format: 'int64' },
        },
      },
    },
  };
  if (scope === 'LegacyCluster') {
    props.connectionDetails = { type: 'object', properties: { lastPublishedTime: dateTime() } };
    props.claimConditionTypes = { type: 'array', 'x-kubernetes-list-type': 'set', items: str() };
  }
  return props;
}

const SYNCED: CrdColumn = { name: 'SYNCED', type: 'string', jsonPath: ".status.conditions[?(@.type=='Synced')].status" };
const READY: CrdColumn = { name: 'READY', type: 'string', jsonPath: ".status.conditions[?(@.type=='Ready')].status" };
const AGE: CrdColumn = { name: 'AGE', type: 'date', jsonPath: '.metadata.creationTimestamp' };

/** Appended after the XRD version's own columns on the composite CRD. */
export function compositePrinterColumns(scope: XrScope): CrdColumn[] {
  const machinery = scope === 'LegacyCluster' ? '.spec' : '.spec.crossplane';
  return [
    { ...SYNCED },
    { ...READY },
    { name: 'COMPOSITION', type: 'string', jsonPath: `${machinery}.compositionRef.name` },
    { name: 'COMPOSITIONREVISION', type: 'string', jsonPath: `${machinery}.compositionRevisionRef.name`, priority: 1 },
    { ...AGE },
  ];
}

/** Appended after the XRD version's own columns on the claim CRD. */
export function claimPrinterColumns(): CrdColumn[] {
  return [
    { ...SYNCED },
    { ...READY },
    { name: 'CONNECTION-SECRET', type: 'string', jsonPath: '.spec.writeConnectionSecretToRef.name' },
    { ...AGE },
  ];
}
