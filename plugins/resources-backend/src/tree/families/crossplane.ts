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

/** Crossplane's label naming the composite on the composite itself and on everything it composes. */
const COMPOSITE_LABEL = 'crossplane.io/composite';
/** A label value as the API server accepts it in a selector (63 characters at most). */
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)$/;

/**
 * The selector of a composite's composed resources: the composite's own `crossplane.io/composite` label,
 * which Crossplane copies to everything it composes. Undefined when the composite is not labelled.
 */
function composedSelector(obj: KubeObject): string | undefined {
  const value = obj.metadata?.labels?.[COMPOSITE_LABEL];
  return typeof value === 'string' && LABEL_VALUE.test(value) ? `${COMPOSITE_LABEL}=${value}` : undefined;
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
  const siblingSelector = composite ? composedSelector(obj) : undefined;
  for (const ref of composedRefs(obj)) found.push({ type: 'ref', ref, relation: 'resourceRefs', role: 'child', ...(siblingSelector ? { siblingSelector } : {}) });

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
