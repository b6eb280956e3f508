import type { ClusterReader, KubeObject, ServedKind } from '../../cluster/types';
import { selectorString, selectsLabels } from './selectors';
import type { Family, Found } from './types';

/** ReplicaSets kept per Deployment besides those with pods: the current and the previous revision. */
const KEEP_REVISIONS = 2;

function ownedBy(owner: KubeObject) {
  const uid = owner.metadata?.uid;
  return (o: KubeObject) => !!uid && (o.metadata?.ownerReferences ?? []).some(r => r.uid === uid);
}

function revision(rs: KubeObject): number {
  const value = Number(rs.metadata?.annotations?.['deployment.kubernetes.io/revision']);
  return Number.isFinite(value) ? value : 0;
}

async function listOwned(reader: ClusterReader, owner: KubeObject, apiVersion: string, kind: string, selector: string | undefined): Promise<{ kind: ServedKind; items: KubeObject[] } | undefined> {
  const served = await reader.resolve(apiVersion, kind);
  const namespace = owner.metadata?.namespace;
  if (!served || !namespace) return undefined;
  const items = await reader.list(served, namespace, selector ? { labelSelector: selector } : {});
  return { kind: served, items: items.filter(ownedBy(owner)) };
}

async function services(reader: ClusterReader, owner: KubeObject): Promise<Found[]> {
  const served = await reader.resolve('v1', 'Service');
  const namespace = owner.metadata?.namespace;
  const template = (owner.spec?.template as { metadata?: { labels?: Record<string, string> } } | undefined)?.metadata?.labels;
  if (!served || !namespace || !template) return [];
  const items = await reader.list(served, namespace, {});
  return items
    .filter(s => selectsLabels(s.spec?.selector, template))
    .map(object => ({ type: 'object', object, kind: served, relation: 'selector', role: 'supporting' }) as const);
}

function asChildren(found: { kind: ServedKind; items: KubeObject[] } | undefined, relation: string): Found[] {
  if (!found) return [];
  return found.items.map(object => ({ type: 'object', object, kind: found.kind, relation, role: 'child' }) as const);
}

/**
 * Workloads → what they own, each found with one LIST per kind in the workload's namespace, narrowed
 * by the workload's selector and kept only when its ownerReferences name the workload: Deployment →
 * ReplicaSets (those with pods, plus the current and previous revision) → Pods; StatefulSet and
 * DaemonSet → Pods; CronJob → Jobs → Pods. The Services selecting a workload's pods are supporting nodes.
 */
export const workloadsFamily: Family = async (obj, kind, reader) => {
  const key = `${kind.apiVersion}/${kind.kind}`;
  const selector = () => selectorString(obj.spec?.selector);
  switch (key) {
    case 'apps/v1/Deployment': {
      const owned = await listOwned(reader, obj, 'apps/v1', 'ReplicaSet', selector());
      if (owned) {
        const newest = [...owned.items].sort((a, b) => revision(b) - revision(a)).slice(0, KEEP_REVISIONS);
        owned.items = owned.items.filter(rs => newest.includes(rs) || Number(rs.status?.replicas ?? 0) > 0);
      }
      return [...asChildren(owned, 'owner'), ...(await services(reader, obj))];
    }
    case 'apps/v1/ReplicaSet':
      // The pod-template-hash label differs per ReplicaSet; without it, every ReplicaSet of a Deployment
      // asks the same LIST, which the tree's reader answers once.
      return asChildren(await listOwned(reader, obj, 'v1', 'Pod', selectorString(obj.spec?.selector, ['pod-template-hash'])), 'owner');
    case 'apps/v1/StatefulSet':
    case 'apps/v1/DaemonSet':
      return [...asChildren(await listOwned(reader, obj, 'v1', 'Pod', selector()), 'owner'), ...(await services(reader, obj))];
    case 'batch/v1/CronJob':
      return asChildren(await listOwned(reader, obj, 'batch/v1', 'Job', undefined), 'owner');
    case 'batch/v1/Job':
      return asChildren(await listOwned(reader, obj, 'v1', 'Pod', selector()), 'owner');
    default:
      return [];
  }
};
