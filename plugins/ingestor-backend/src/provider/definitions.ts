import { createApiIndex, listAll, type ClusterConnection, type ResourceType } from '@kube-platform/plugin-kubernetes-node';
import { xrdReadVersions } from '../listing/crossplane';
import type { IngestorConfig } from '../config/types';
import {
  COMPOSITION_KIND,
  COMPOSITION_PLURAL,
  CROSSPLANE_APIEXTENSIONS_GROUP as CROSSPLANE,
  XRD_KIND,
  XRD_PLURAL,
} from '../crossplane';
import type { SharedXrdReads } from '../listing/sharedXrds';
import type { LocatedObject } from '../templates';

function clusterScoped(group: string, version: string, kind: string, plural: string): ResourceType {
  return { group, version, kind, plural, namespaced: false };
}

const CRDS = clusterScoped('apiextensions.k8s.io', 'v1', 'CustomResourceDefinition', 'customresourcedefinitions');

/**
 * What the templates need from one cluster: its XRDs (read as the workload provider reads them), its
 * Compositions (choices for the composition picker) and, when CRDs are selected, its CRDs. XRDs come
 * through `xrdReads` when given, so the workload provider's read of the same cycle is reused. A cluster
 * without Crossplane simply has no XRDs. Throws when anything fails, so the caller keeps the last good.
 */
export async function readDefinitions(
  conn: ClusterConnection,
  config: IngestorConfig,
  signal?: AbortSignal,
  xrdReads?: SharedXrdReads,
): Promise<LocatedObject[]> {
  const { selection } = config.templates.options;
  const opts = { pageSize: config.clusters.pageSize, timeoutMs: config.clusters.requestTimeoutMs, signal };
  const crossplaneObjects = async (): Promise<unknown[]> => {
    const crossplane = await createApiIndex(conn, opts).group(CROSSPLANE);
    if (!crossplane) return [];
    const xrds = clusterScoped(CROSSPLANE, xrdReadVersions(crossplane.versions)[0] ?? crossplane.preferredVersion, XRD_KIND, XRD_PLURAL);
    const compositions = clusterScoped(CROSSPLANE, 'v1', COMPOSITION_KIND, COMPOSITION_PLURAL);
    const listXrds = () => listAll(conn, xrds, opts);
    const lists = await Promise.all([
      xrdReads ? xrdReads.read(conn.name, xrds.version, listXrds) : listXrds(),
      crossplane.versions.includes('v1') ? listAll(conn, compositions, opts) : [],
    ]);
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
