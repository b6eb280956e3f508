import { ApiError } from '../api/errors';
import { typesForCrd } from '../api/crdTypes';
import { crdsForXrd } from '../crossplane/xrdToCrds';
import { objectKey, resourceKey } from '../store/keys';
import type { KubeObject, ResourceType } from '../types';
import type { SimCluster } from './cluster';
import { validateCrd } from './crdValidation';
import { kubeTimestamp } from './time';

/** What the real control plane does around writes of a few special kinds. */
export interface Lifecycle {
  /** Fills in what the server or a controller would set; `current` is undefined on create. */
  prepare?(next: KubeObject, current: KubeObject | undefined, cluster: SimCluster): KubeObject;
  validate?(obj: KubeObject, cluster: SimCluster): void;
  afterWrite?(stored: KubeObject, cluster: SimCluster): void;
  beforeDelete?(current: KubeObject, cluster: SimCluster): void;
}

function condition(type: string, reason: string, message: string, now: Date) {
  return { type, status: 'True', lastTransitionTime: kubeTimestamp(now), reason, message };
}

const namespaces: Lifecycle = {
  prepare(next, current) {
    if (current) return next;
    const spec = (next.spec ?? {}) as Record<string, unknown>;
    return {
      ...next,
      spec: { ...spec, finalizers: spec.finalizers ?? ['kubernetes'] },
      status: { phase: 'Active', ...(next.status as object | undefined) },
    };
  },
  beforeDelete(ns, cluster) {
    // The namespace controller empties a deleted namespace; here it happens at once.
    const prefix = `${ns.metadata.name}/`;
    for (const type of cluster.registry.all()) {
      if (!type.namespaced || !type.storage) continue;
      const resource = resourceKey(type.group, type.name);
      for (const key of cluster.store.keys(resource, prefix)) cluster.purge(resource, key);
    }
  },
};

const crds: Lifecycle = {
  prepare(next, _current, cluster) {
    const spec = next.spec as { names?: Record<string, unknown>; versions?: Array<{ name: string; storage?: boolean }> };
    const now = cluster.now();
    return {
      ...next,
      status: {
        conditions: [
          condition('NamesAccepted', 'NoConflicts', 'no conflicts found', now),
          condition('Established', 'InitialNamesAccepted', 'the initial names have been accepted', now),
        ],
        acceptedNames: spec.names ?? {},
        storedVersions: (spec.versions ?? []).filter(v => v.storage).map(v => v.name),
      },
    };
  },
  validate: validateCrd,
  afterWrite(crd, cluster) {
    cluster.registry.setCrd(crd.metadata.name!, typesForCrd(crd));
  },
  beforeDelete(crd, cluster) {
    const spec = crd.spec as { group: string; names: { plural: string } };
    const resource = resourceKey(spec.group, spec.names.plural);
    for (const key of cluster.store.keys(resource)) cluster.purge(resource, key);
    cluster.registry.removeCrd(crd.metadata.name!);
  },
};

function derivedCrds(xrd: KubeObject): KubeObject[] {
  try {
    return crdsForXrd(xrd);
  } catch (e) {
    throw new ApiError(422, 'Invalid', `CompositeResourceDefinition.apiextensions.crossplane.io "${xrd.metadata.name}" is invalid: ${(e as Error).message}`);
  }
}

/** Crossplane's XRD controller: an XRD makes the server serve its composite and claim kinds. */
const xrds: Lifecycle = {
  prepare(next, _current, cluster) {
    const now = cluster.now();
    const offered = (next.spec as { claimNames?: unknown } | undefined)?.claimNames !== undefined;
    return {
      ...next,
      status: {
        ...(next.status as object | undefined),
        conditions: [
          condition('Established', 'WatchingCompositeResource', '', now),
          ...(offered ? [condition('Offered', 'WatchingCompositeResourceClaim', '', now)] : []),
        ],
      },
    };
  },
  validate(xrd) {
    for (const crd of derivedCrds(xrd)) {
      try {
        validateCrd(crd);
      } catch (e) {
        throw new ApiError(422, 'Invalid', `CompositeResourceDefinition.apiextensions.crossplane.io "${xrd.metadata.name}" is invalid: ${(e as Error).message}`);
      }
    }
  },
  afterWrite(xrd, cluster) {
    const crdType = crdTypeOf(cluster);
    for (const crd of derivedCrds(xrd)) {
      const withOwner = { ...crd, metadata: { ...crd.metadata, ownerReferences: ownerRefTo(xrd) } };
      const current = cluster.peek(crdType, undefined, crd.metadata.name!);
      if (current) cluster.update(crdType, undefined, crd.metadata.name!, withOwner);
      else cluster.create(crdType, undefined, withOwner);
    }
  },
  beforeDelete(xrd, cluster) {
    const resource = resourceKey('apiextensions.k8s.io', 'customresourcedefinitions');
    for (const crd of derivedCrds(xrd)) cluster.purge(resource, objectKey(undefined, crd.metadata.name!));
  },
};

function crdTypeOf(cluster: SimCluster): ResourceType {
  return cluster.type('apiextensions.k8s.io', 'v1', 'customresourcedefinitions');
}

function ownerRefTo(xrd: KubeObject) {
  return [
    {
      apiVersion: xrd.apiVersion,
      kind: 'CompositeResourceDefinition',
      name: xrd.metadata.name,
      uid: xrd.metadata.uid,
      controller: true,
      blockOwnerDeletion: true,
    },
  ];
}

const HOOKS: Record<string, Lifecycle> = {
  '/namespaces': namespaces,
  'apiextensions.k8s.io/customresourcedefinitions': crds,
  'apiextensions.crossplane.io/compositeresourcedefinitions': xrds,
};

export function lifecycleFor(type: ResourceType): Lifecycle | undefined {
  return HOOKS[`${type.group}/${type.name}`];
}
