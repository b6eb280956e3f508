import { ANNOTATION_LOCATION, ANNOTATION_ORIGIN_LOCATION, Entity } from '@backstage/catalog-model';
import { ENTITY_ANNOTATIONS } from '../annotations';
import type { MappingSettings } from '../config/types';
import { clusterLocation } from './entityAnnotations';
import { asString, compareStrings, compareTuples } from './guards';
import { parseValidRef, refString } from './refs';

/** Location of a System whose members come from several clusters (possible with non-cluster namespace models). */
const MULTI_CLUSTER_LOCATION = 'kubernetes-ingestor:systems';

interface SystemMembers {
  namespace: string;
  name: string;
  owners: string[];
  clusters: Set<string>;
}

// Read once (imported bindings can compile to getters): looked up for every member.
const CLUSTER_KEY = ENTITY_ANNOTATIONS.cluster;

/** Most frequent owner; ties go to the alphabetically first, so the result never depends on input order. */
function majorityOwner(owners: string[], fallback: string): string {
  const counts = new Map<string, number>();
  for (const owner of owners) counts.set(owner, (counts.get(owner) ?? 0) + 1);
  let best: [string, number] | undefined;
  for (const [owner, count] of counts) {
    if (!best || count > best[1] || (count === best[1] && compareStrings(owner, best[0]) < 0)) best = [owner, count];
  }
  return best ? best[0] : fallback;
}

/**
 * One System per system ref that members use in their own entity namespace: those come from the system
 * model or from a `system` annotation naming a system next to the entity. A ref into another namespace
 * points at a System someone else manages (say, `system:default/payments` written by hand), so none is
 * emitted for it; neither for a ref that already has a System among `entities`.
 */
export function systemEntities(entities: Entity[], settings: MappingSettings): Entity[] {
  const existing = new Set(entities.filter(e => e.kind === 'System').map(e => refString({
    kind: 'system',
    namespace: e.metadata.namespace ?? 'default',
    name: e.metadata.name,
  })));
  const systems = new Map<string, SystemMembers>();
  // Thousands of members share a handful of system refs: each (value, namespace) is parsed once.
  const parsed = new Map<string, { ref: NonNullable<ReturnType<typeof parseValidRef>>; key: string } | null>();

  for (const entity of entities) {
    if (entity.kind !== 'Component' && entity.kind !== 'Resource') continue;
    const value = asString(entity.spec?.system);
    if (!value) continue;
    const namespace = entity.metadata.namespace ?? 'default';
    const cacheKey = `${namespace} ${value}`;
    let known = parsed.get(cacheKey);
    if (known === undefined) {
      const ref = parseValidRef(value, { defaultKind: 'system', defaultNamespace: namespace });
      const own = ref && ref.kind.toLowerCase() === 'system' && ref.namespace.toLowerCase() === namespace.toLowerCase();
      known = own ? { ref, key: refString(ref) } : null;
      parsed.set(cacheKey, known);
    }
    if (!known) continue;
    const { ref, key } = known;
    if (existing.has(key)) continue;
    const members = systems.get(key) ?? {
      namespace: namespace.toLowerCase(),
      name: ref.name.toLowerCase(),
      owners: [],
      clusters: new Set<string>(),
    };
    const owner = asString(entity.spec?.owner);
    if (owner) members.owners.push(owner);
    const cluster = entity.metadata.annotations?.[CLUSTER_KEY];
    if (cluster !== undefined) members.clusters.add(cluster);
    systems.set(key, members);
  }

  return [...systems.values()]
    .sort((a, b) => compareTuples([a.namespace, a.name], [b.namespace, b.name]))
    .map(members => {
      const clusters = [...members.clusters];
      const location = clusters.length === 1 ? clusterLocation(clusters[0]) : MULTI_CLUSTER_LOCATION;
      const annotations: Record<string, string> = {
        [ANNOTATION_LOCATION]: location,
        [ANNOTATION_ORIGIN_LOCATION]: location,
      };
      if (clusters.length === 1) annotations[ENTITY_ANNOTATIONS.cluster] = clusters[0];
      return {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'System',
        metadata: { name: members.name, namespace: members.namespace, annotations },
        spec: { owner: majorityOwner(members.owners, settings.defaultOwner) },
      };
    });
}
