import type { WorkloadKindConfig } from '../config/types';
import { createApiIndex, errorMessage, type ClusterConnection, type DiscoveryRequestOptions } from '@kube-platform/plugin-kubernetes-node';
import type { KubeObject, SourceKind } from '../types';
import { crossplaneWantedKinds } from './crossplane';
import type { ListingSettings } from './settings';
import type { SharedXrdReads } from './sharedXrds';
import { resolveWanted, type UnservedKind, type WantedKind } from './wantedKinds';

/** Which kinds to look for on a cluster. */
export interface DiscoveryRequest {
  workloadKinds: WorkloadKindConfig[];
  /** Also derive claim and composite kinds from the cluster's XRDs. */
  crossplane: boolean;
}

/** The kinds a cluster serves, ready to list, and the wanted ones it does not (with reasons). */
export interface DiscoveryResult {
  kinds: SourceKind[];
  unserved: UnservedKind[];
  /** Reading the XRDs failed: the claim and composite kinds are unknown this time (not absent). */
  crossplaneError?: string;
  /** The cluster's XRDs, when they were read (none when it has no Crossplane). */
  xrds?: KubeObject[];
}

/** The {@link DiscoveryRequest} that configuration asks for. */
export function discoveryRequestFromConfig(config: Pick<ListingSettings, 'components' | 'crossplane'>): DiscoveryRequest {
  return {
    workloadKinds: config.components.enabled ? config.components.workloadKinds : [],
    crossplane: config.crossplane.enabled,
  };
}

/**
 * Asks the API server which of the wanted kinds it serves and under which plural, scope and version.
 * Kinds it does not serve are data in `unserved`; failing to read the XRDs is `crossplaneError`;
 * failing to reach discovery at all throws.
 * A kind wanted twice (say a workload kind that is also an XRD's) is read once, in its first role.
 */
export async function discoverKinds(
  conn: ClusterConnection,
  request: DiscoveryRequest,
  opts: DiscoveryRequestOptions & { pageSize?: number; xrdReads?: SharedXrdReads } = {},
): Promise<DiscoveryResult> {
  const api = createApiIndex(conn, opts);
  const wanted: WantedKind[] = request.workloadKinds.map(w => ({
    group: w.group,
    kind: w.kind,
    version: w.version,
    role: 'workload',
    defaultType: w.componentType,
  }));
  const unserved: UnservedKind[] = [];
  let crossplaneError: string | undefined;
  let xrds: KubeObject[] | undefined;
  if (request.crossplane) {
    try {
      const crossplane = await crossplaneWantedKinds(conn, api, { ...opts, pageSize: opts.pageSize ?? 500 });
      wanted.push(...crossplane.wanted);
      unserved.push(...crossplane.unserved);
      xrds = crossplane.xrds;
    } catch (err) {
      // An account allowed to read workloads but not XRDs must still get its workloads ingested.
      crossplaneError = errorMessage(err);
    }
  }
  const seen = new Set<string>();
  const unique = wanted.filter(w => {
    const key = `${w.group}/${w.kind}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const kinds: SourceKind[] = [];
  for (const resolution of await Promise.all(unique.map(w => resolveWanted(api, w)))) {
    if (resolution.ok) kinds.push(resolution.source);
    else unserved.push(resolution.unserved);
  }
  return { kinds, unserved, crossplaneError, xrds };
}
