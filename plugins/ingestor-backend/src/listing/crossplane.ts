import { listAll, type ApiIndex, type ClusterConnection, type DiscoveryRequestOptions } from '@kube-platform/plugin-kubernetes-node';
import { CROSSPLANE_APIEXTENSIONS_GROUP, CROSSPLANE_TYPES, XRD_KIND } from '../crossplane';
import type { KubeObject } from '../types';
import { defaultXrScope } from '../templates/sources';
import type { SharedXrdReads } from './sharedXrds';
import { resolveWanted, type UnservedKind, type WantedKind } from './wantedKinds';

const CLAIM_DEFAULT_TYPE = CROSSPLANE_TYPES.claim;
const COMPOSITE_DEFAULT_TYPE = CROSSPLANE_TYPES.composite;

interface XrdSpec {
  group?: string;
  names?: { kind?: string };
  claimNames?: { kind?: string };
  scope?: string;
  versions?: Array<{ name?: string; served?: boolean; referenceable?: boolean }>;
}

/**
 * The XRD versions to read, best first: v2 states a composite's scope; v1-only clusters run Crossplane
 * 1.x. Both providers read XRDs this way, so they name a claim's API from the same text.
 */
export function xrdReadVersions(served: string[]): string[] {
  return ['v2', 'v1'].filter(v => served.includes(v));
}

/**
 * The claim and composite kinds the cluster's XRDs define, still to be resolved through discovery,
 * and the XRDs themselves (the claims' API entities are named from them).
 * A cluster without Crossplane (its group not served) has none: that is not an error. Failing to list
 * the XRDs of a cluster that has Crossplane throws, because "no claims" would then be a lie.
 */
export async function crossplaneWantedKinds(
  conn: ClusterConnection,
  api: ApiIndex,
  opts: DiscoveryRequestOptions & { pageSize: number; xrdReads?: SharedXrdReads },
): Promise<{ wanted: WantedKind[]; unserved: UnservedKind[]; xrds: KubeObject[] }> {
  const group = await api.group(CROSSPLANE_APIEXTENSIONS_GROUP);
  if (!group) return { wanted: [], unserved: [], xrds: [] };
  const xrdVersion = xrdReadVersions(group.versions);
  const resolved = await resolveWanted(api, {
    group: CROSSPLANE_APIEXTENSIONS_GROUP,
    kind: XRD_KIND,
    version: xrdVersion[0],
    fallbackVersions: xrdVersion,
    role: 'composite',
    defaultType: COMPOSITE_DEFAULT_TYPE,
  });
  if (!resolved.ok) return { wanted: [], unserved: [], xrds: [] };
  const list = () => listAll(conn, resolved.source, { pageSize: opts.pageSize, signal: opts.signal, timeoutMs: opts.timeoutMs, retry: opts.retry });
  const xrds = await (opts.xrdReads ? opts.xrdReads.read(conn.name, resolved.source.version, list) : list());
  const wanted: WantedKind[] = [];
  const unserved: UnservedKind[] = [];
  for (const xrd of xrds) {
    const result = kindsOfXrd(xrd, resolved.source.version);
    wanted.push(...result.wanted);
    if (result.unserved) unserved.push(result.unserved);
  }
  return { wanted, unserved, xrds };
}

/**
 * What one XRD defines. v2 XRDs' composites are Namespaced (the default) or Cluster scoped and are
 * ingested; v1 XRDs (scope LegacyCluster) have claims, and their composites are plumbing behind the
 * claim, so they are not ingested as composites.
 */
export function kindsOfXrd(xrd: KubeObject, readAsVersion: string): { wanted: WantedKind[]; unserved?: UnservedKind } {
  const spec = (xrd.spec ?? {}) as XrdSpec;
  const xrdName = xrd.metadata.name ?? '';
  if (!spec.group || !spec.names?.kind) {
    return {
      wanted: [],
      unserved: { group: spec.group ?? '', kind: spec.names?.kind ?? '', role: 'composite', xrdName, reason: `XRD ${xrdName} has no spec.group or spec.names.kind` },
    };
  }
  const served = (spec.versions ?? []).filter(v => v.served !== false && v.name).map(v => v.name as string);
  const referenceable = (spec.versions ?? []).find(v => v.referenceable && v.served !== false)?.name;
  const scope = spec.scope ?? defaultXrScope(readAsVersion, !!spec.claimNames?.kind);
  const base = { group: spec.group, version: referenceable, fallbackVersions: served, xrdName };
  const wanted: WantedKind[] = [];
  if (scope === 'Namespaced' || scope === 'Cluster') {
    wanted.push({ ...base, kind: spec.names.kind, role: 'composite', defaultType: COMPOSITE_DEFAULT_TYPE });
  }
  if (spec.claimNames?.kind) {
    wanted.push({ ...base, kind: spec.claimNames.kind, role: 'claim', defaultType: CLAIM_DEFAULT_TYPE });
  }
  return { wanted };
}
