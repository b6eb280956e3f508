import type { KubeObject, ServedKind } from '../../cluster/types';
import { groupOf, readRef } from '../refs';
import type { Family } from './types';

/** provider-kubernetes' Object, cluster-scoped (v1) or namespaced (the `.m.` group of Crossplane v2). */
const OBJECT_GROUPS = new Set(['kubernetes.crossplane.io', 'kubernetes.m.crossplane.io']);

function manifestOf(value: unknown): KubeObject | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return value as KubeObject;
}

/**
 * An Object → the object it manages (`spec.forProvider.manifest`). That object usually lives in
 * another cluster (the provider config's), so it is not read: its state is the provider's observation,
 * `status.atProvider.manifest`, absent until the provider has seen it.
 */
export const providerKubernetesFamily: Family = async (obj: KubeObject, kind: ServedKind) => {
  if (kind.kind !== 'Object' || !OBJECT_GROUPS.has(groupOf(kind.apiVersion))) return [];
  const desired = manifestOf((obj.spec?.forProvider as Record<string, unknown> | undefined)?.manifest);
  const observed = manifestOf((obj.status?.atProvider as Record<string, unknown> | undefined)?.manifest);
  const ref = readRef({
    apiVersion: desired?.apiVersion,
    kind: desired?.kind,
    name: desired?.metadata?.name,
    namespace: desired?.metadata?.namespace,
  });
  if (!ref) return [];
  return [{ type: 'remote', ref, relation: 'manages', ...(observed ? { object: observed } : {}) }];
};
