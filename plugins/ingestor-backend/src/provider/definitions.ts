import { createApiIndex, type ClusterConnection } from '../cluster';
import { xrdReadVersions } from '../cluster/crossplane';
import type { IngestorConfig } from '../config/types';
import { listAll } from '../listing';
import type { LocatedObject } from '../templates';
import type { SourceKind } from '../types';

const CROSSPLANE = 'apiextensions.crossplane.io';

function clusterScoped(group: string, version: string, kind: string, plural: string): SourceKind {
  return { group, version, kind, plural, namespaced: false, role: 'workload', defaultType: '' };
}

const CRDS = clusterScoped('apiextensions.k8s.io', 'v1', 'CustomResourceDefinition', 'customresourcedefinitions');

/**
 * What the templates need from one cluster: its XRDs (read as the workload provider reads them), its
 * Compositions (choices for the composition picker) and, when CRDs are selected, its CRDs. A cluster
 * without Crossplane simply has no XRDs. Throws when anything fails, so the caller keeps the last good.
 */
export async function readDefinitions(conn: ClusterConnection, config: IngestorConfig, signal?: AbortSignal): Promise<LocatedObject[]> {
  const { selection } = config.templates.options;
  const opts = { pageSize: config.clusters.pageSize, timeoutMs: config.clusters.requestTimeoutMs, signal };
  const crossplaneObjects = async (): Promise<unknown[]> => {
    const crossplane = await createApiIndex(conn, opts).group(CROSSPLANE);
    if (!crossplane) return [];
    const xrds = clusterScoped(CROSSPLANE, xrdReadVersions(crossplane.versions)[0] ?? crossplane.preferredVersion, 'CompositeResourceDefinition', 'compositeresourcedefinitions');
    const compositions = clusterScoped(CROSSPLANE, 'v1', 'Composition', 'compositions');
    const lists = await Promise.all([listAll(conn, xrds, opts), crossplane.versions.includes('v1') ? listAll(conn, compositions, opts) : []]);
    return lists.flat();
  };
  // Awaited together, so one failure never leaves another request's rejection unobserved.
  const lists = await Promise.all([
    selection.crds.enabled ? listAll(conn, CRDS, opts) : [],
    selection.xrds.enabled ? crossplaneObjects() : [],
  ]);
  const objects = lists.flat() as LocatedObject['object'][];
  return objects.map(object => ({ object, cluster: conn.name }));
}
