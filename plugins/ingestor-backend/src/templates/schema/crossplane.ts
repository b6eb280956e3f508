/**
 * The spec fields Crossplane adds to the CRDs it generates from an XRD (crossplane-runtime v2
 * `pkg/xcrd/schemas.go`). Known here, not borrowed from the simulator, because the product must not
 * depend on test tooling: the manifest schema a Template embeds needs them so the render action
 * validates and orders them like any other field.
 */
import type { KubeObject } from '../../types';
import type { DefinitionVersion } from '../sources';
import { isRecord, type Schema } from './types';

const str = (): Schema => ({ type: 'string' });
const nameRef = (): Schema => ({ type: 'object', required: ['name'], properties: { name: str() } });
const selector = (): Schema => ({
  type: 'object',
  required: ['matchLabels'],
  properties: { matchLabels: { type: 'object', additionalProperties: str() } },
});
const policy = (): Schema => ({ type: 'string', enum: ['Automatic', 'Manual'] });
const ref = (required: string[], fields: string[]): Schema => ({
  type: 'object',
  required,
  properties: Object.fromEntries(fields.map(f => [f, str()])),
});

/** Where Crossplane's fields live under spec: flat for claims and LegacyCluster XRs, else `spec.crossplane`. */
export function machineryPath(v: DefinitionVersion): string[] {
  return v.role === 'composite' && v.xrScope !== 'LegacyCluster' ? ['crossplane'] : [];
}

/** Whether the kind has a connection secret reference (Crossplane 2 dropped it for modern XRs). */
export function hasConnectionSecret(v: DefinitionVersion): boolean {
  return v.role === 'claim' || (v.role === 'composite' && v.xrScope === 'LegacyCluster');
}

/** Properties Crossplane adds to spec for this kind (empty for plain CRDs). */
export function crossplaneSpecProperties(v: DefinitionVersion): Record<string, Schema> {
  if (v.role === 'resource') return {};
  const props: Record<string, Schema> = {
    compositionRef: nameRef(),
    compositionSelector: selector(),
    compositionRevisionRef: nameRef(),
    compositionRevisionSelector: selector(),
    compositionUpdatePolicy: policy(),
  };
  if (v.role === 'claim') {
    props.compositeDeletePolicy = { type: 'string', enum: ['Background', 'Foreground'] };
    props.resourceRef = ref(['apiVersion', 'kind', 'name'], ['apiVersion', 'kind', 'name']);
    props.writeConnectionSecretToRef = ref(['name'], ['name']);
    return props;
  }
  const refFields = v.xrScope === 'Namespaced' ? ['apiVersion', 'name', 'kind'] : ['apiVersion', 'name', 'namespace', 'kind'];
  props.resourceRefs = { type: 'array', items: ref(['apiVersion', 'kind'], refFields) };
  if (v.xrScope !== 'LegacyCluster') return { crossplane: { type: 'object', properties: props } };
  props.claimRef = ref(['apiVersion', 'kind', 'namespace', 'name'], ['apiVersion', 'kind', 'namespace', 'name']);
  props.writeConnectionSecretToRef = ref(['name', 'namespace'], ['name', 'namespace']);
  return props;
}

/** Names of the Compositions (among `objects`) that can compose this kind's composite, sorted. */
export function compositionsFor(v: DefinitionVersion, objects: readonly KubeObject[]): string[] {
  if (v.role === 'resource' || !v.compositeKind) return [];
  const names = new Set<string>();
  for (const o of objects) {
    if (o.kind !== 'Composition' || !o.apiVersion?.startsWith('apiextensions.crossplane.io/') || !o.metadata.name) continue;
    const typeRef = isRecord(o.spec) && isRecord(o.spec.compositeTypeRef) ? o.spec.compositeTypeRef : {};
    const apiVersion = typeof typeRef.apiVersion === 'string' ? typeRef.apiVersion : '';
    if (typeRef.kind === v.compositeKind && apiVersion.split('/')[0] === v.group) names.add(o.metadata.name);
  }
  return [...names].sort();
}
