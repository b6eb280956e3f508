import type { KubeObject, ServedKind } from '../../cluster/types';
import { groupOf, readRef, type ObjectRef } from '../refs';
import type { Family, Found } from './types';

const COMPOSITION_API = 'apiextensions.crossplane.io/v1';
const XRD_API = 'apiextensions.crossplane.io/v1';

function record(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function refs(list: unknown): ObjectRef[] {
  return Array.isArray(list) ? list.map(readRef).filter((r): r is ObjectRef => r !== undefined) : [];
}

/** A composite resource: v1 (`spec.resourceRefs`, `spec.claimRef`) or v2 (`spec.crossplane`). */
export function isComposite(obj: KubeObject): boolean {
  const spec = obj.spec ?? {};
  return 'crossplane' in spec || 'resourceRefs' in spec || 'claimRef' in spec;
}

/** A claim: names its composite in `spec.resourceRef` (or will, once bound). */
export function isClaim(obj: KubeObject): boolean {
  const spec = obj.spec ?? {};
  return !isComposite(obj) && ('resourceRef' in spec || ('compositionRef' in spec && !('forProvider' in spec)));
}

/** The Composition a claim or composite uses, v1 or v2 layout. */
export function compositionName(obj: KubeObject): string | undefined {
  const spec = obj.spec ?? {};
  const ref = record(spec.compositionRef) ?? record(record(spec.crossplane)?.compositionRef);
  return typeof ref?.name === 'string' && ref.name ? ref.name : undefined;
}

/** The composed resources a composite lists, v1 (`spec.resourceRefs`) then v2 (`spec.crossplane.resourceRefs`). */
export function composedRefs(obj: KubeObject): ObjectRef[] {
  const spec = obj.spec ?? {};
  return [...refs(spec.resourceRefs), ...refs(record(spec.crossplane)?.resourceRefs)];
}

/**
 * Claim → its composite; composite → its composed resources; both → their Composition, and composites
 * → their XRD (named `<plural>.<group>` by Crossplane, the plural taken from discovery).
 */
export const crossplaneFamily: Family = async (obj: KubeObject, kind: ServedKind) => {
  const found: Found[] = [];
  const claim = isClaim(obj);
  const composite = isComposite(obj);
  if (!claim && !composite) return found;

  if (claim) {
    const ref = readRef(obj.spec?.resourceRef);
    if (ref) found.push({ type: 'ref', ref, relation: 'resourceRef', role: 'child' });
  }
  for (const ref of composedRefs(obj)) found.push({ type: 'ref', ref, relation: 'resourceRefs', role: 'child' });

  const composition = compositionName(obj);
  if (composition) {
    found.push({ type: 'ref', ref: { apiVersion: COMPOSITION_API, kind: 'Composition', name: composition }, relation: 'compositionRef', role: 'supporting' });
  }
  if (composite && groupOf(kind.apiVersion)) {
    found.push({
      type: 'ref',
      ref: { apiVersion: XRD_API, kind: 'CompositeResourceDefinition', name: `${kind.plural}.${groupOf(kind.apiVersion)}` },
      relation: 'definition',
      role: 'supporting',
    });
  }
  return found;
};
