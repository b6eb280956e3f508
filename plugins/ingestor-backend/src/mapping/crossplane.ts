import { BACKSTAGE_KUBERNETES_ANNOTATIONS, ENTITY_ANNOTATIONS } from '../annotations';
import { CROSSPLANE_TYPES } from '../crossplane';
import type { ClusterObject, KubeObject, SourceKind } from '../types';
import { asRecord, asString, clip, pathOf } from './guards';

export { CROSSPLANE_TYPES };

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

function kindKey(group: string, kind: string): string {
  return `${group}/${kind}`;
}

/** The claim and composite kinds present in a listing: a workload controlled by one is part of its graph. */
export function crossplaneKindKeys(objects: readonly ClusterObject[]): Set<string> {
  const keys = new Set<string>();
  for (const item of objects) {
    const source = asRecord(asRecord(item)?.source);
    const [role, group, kind] = [source?.role, asString(source?.group), asString(source?.kind)];
    if ((role === 'claim' || role === 'composite') && group !== undefined && kind) keys.add(kindKey(group, kind));
  }
  return keys;
}

function controllerOf(object: KubeObject): { apiVersion: string; kind: string; name: string } | undefined {
  const refs = pathOf(object, 'metadata', 'ownerReferences');
  if (!Array.isArray(refs)) return undefined;
  for (const item of refs) {
    const ref = asRecord(item);
    if (ref?.controller === true) {
      return { apiVersion: asString(ref.apiVersion) ?? '', kind: asString(ref.kind) ?? '', name: asString(ref.name) ?? '' };
    }
  }
  return undefined;
}

/**
 * Why an object belongs to another object's resource graph rather than the catalog, or `undefined`.
 * Composites: any controller (a nested XR) or a v1 `spec.claimRef` (the claim is the entity). Workloads:
 * only a controller that is itself an ingested claim or composite, so operator-managed workloads stay.
 */
export function composedByParent(source: SourceKind, object: KubeObject, crossplaneKinds: ReadonlySet<string>): string | undefined {
  if (source.role === 'claim') return undefined;
  const controller = controllerOf(object);
  if (source.role === 'composite') {
    if (controller) return `controlled by ${controller.kind} ${clip(controller.name)}`;
    const claimRef = asRecord(pathOf(object, 'spec', 'claimRef'));
    if (claimRef) {
      const where = [asString(claimRef.namespace), asString(claimRef.name)].filter(Boolean).join('/');
      return `bound to claim ${asString(claimRef.kind) ?? 'claim'} ${clip(where || '<unnamed>')}`;
    }
    return undefined;
  }
  if (controller && crossplaneKinds.has(kindKey(groupOf(controller.apiVersion), controller.kind))) {
    return `composed by ${controller.kind} ${clip(controller.name)}`;
  }
  return undefined;
}

/** v2 composites keep Crossplane's fields under `spec.crossplane`; claims and v1 composites at `spec`. */
function compositionName(object: KubeObject): string | undefined {
  return (
    asString(pathOf(object, 'spec', 'crossplane', 'compositionRef', 'name')) ??
    asString(pathOf(object, 'spec', 'compositionRef', 'name'))
  );
}

// Read once (imported bindings can compile to getters); crossplaneAnnotations runs for every object.
const KEYS = {
  xrd: ENTITY_ANNOTATIONS.xrd,
  composition: ENTITY_ANNOTATIONS.composition,
  composite: ENTITY_ANNOTATIONS.composite,
  labelSelector: BACKSTAGE_KUBERNETES_ANNOTATIONS.labelSelector,
} as const;

export function crossplaneAnnotations(
  source: SourceKind,
  object: KubeObject,
  name: string,
  namespace: string | undefined,
): Record<string, string> {
  const annotations: Record<string, string> = {};
  if (source.xrdName) annotations[KEYS.xrd] = source.xrdName;
  const composition = compositionName(object);
  if (composition) annotations[KEYS.composition] = composition;

  if (source.role === 'claim') {
    const ref = asRecord(pathOf(object, 'spec', 'resourceRef'));
    const parts = [asString(ref?.apiVersion), asString(ref?.kind), asString(ref?.name)];
    if (parts.every(Boolean)) annotations[KEYS.composite] = parts.join('/');
    annotations[KEYS.labelSelector] =
      `crossplane.io/claim-name=${name},crossplane.io/claim-namespace=${namespace ?? ''}`;
  } else {
    annotations[KEYS.labelSelector] = `crossplane.io/composite=${name}`;
  }
  return annotations;
}
