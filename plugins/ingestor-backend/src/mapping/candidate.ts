import type { MappingSettings } from '../config/types';
import type { ClusterObject, SourceKind } from '../types';
import type { NameClaim } from './dedupe';
import type { IngestedKind } from './entity';
import { asString, pathOf } from './guards';
import { kindSuffix, shortHash, type ObjectCoordinates } from './names';
import type { RelationTargets } from './relations';
import { objectLabel } from './scope';

/**
 * What a draft record keeps of an admitted object between mappings: enough to claim its name and
 * resolve its relations. It lives as long as the object, for every object of every cluster, so the
 * draft itself (context, parsed annotations) is not kept: the rare rebuild drafts the object again.
 */
export interface KeptDraft {
  kind: IngestedKind;
  /** The entity namespace. */
  namespace: string;
  name: string;
  /** The name came from the object's name annotation (such a claim outranks generated names). */
  override: boolean;
  relations: RelationTargets;
}

const ROLE_RANK = { workload: '0', claim: '1', composite: '2' } as const;

// Every object's rank holds one of a few positions: each padded string is made once.
const PADDED: string[] = [];
function paddedPosition(position: number): string {
  return (PADDED[position] ??= String(position).padStart(4, '0'));
}

/** Where an admitted object is: admission checked these fields, so they are read without guards. */
export function coordinatesOf(cluster: string, item: ClusterObject): ObjectCoordinates {
  const name = asString(pathOf(item.object, 'metadata', 'name')) ?? '';
  const namespace = item.source.namespaced ? asString(pathOf(item.object, 'metadata', 'namespace')) : undefined;
  return { cluster, namespace, name };
}

/**
 * One admitted object in one mapping: its kept draft and where it is. Made anew for each mapping (only
 * the kept draft lasts); the rank, scope and suffixes are worked out when asked.
 */
export class Candidate implements NameClaim {
  constructor(
    readonly item: ClusterObject,
    readonly kept: KeptDraft,
    readonly coordinates: ObjectCoordinates,
    private readonly settings: MappingSettings,
  ) {}

  /** Name resolution and relation resolution both sort by rank: it is made once per mapping. */
  private rankOnce?: string[];

  get source(): SourceKind {
    return this.item.source;
  }

  get name(): string {
    return this.kept.name;
  }

  get label(): string {
    return objectLabel(this.source.kind, this.coordinates.name, this.coordinates.namespace);
  }

  /** `kind:namespace` (any case): names only collide within it. */
  get scope(): string {
    return `${this.kept.kind}:${this.kept.namespace}`;
  }

  /** The fixed order in which kinds keep a contested name: workloads in configured order, then claims, then XRs. */
  get rank(): string[] {
    if (this.rankOnce) return this.rankOnce;
    const { source, coordinates } = this;
    const position = this.settings.components.workloadKinds.findIndex(k => k.group === source.group && k.kind === source.kind);
    this.rankOnce = [
      this.kept.override ? '0' : '1',
      ROLE_RANK[source.role] ?? '9',
      paddedPosition(position < 0 ? 9999 : position),
      source.group,
      source.kind,
      coordinates.namespace ?? '',
      coordinates.name,
    ];
    return this.rankOnce;
  }

  /** Only an object that loses its name needs them (hashing every object's identity is not free). */
  get suffixes(): string[] {
    const { source, coordinates } = this;
    return [kindSuffix(source.kind), shortHash(JSON.stringify([coordinates.cluster, source.group, source.kind, coordinates.namespace, coordinates.name]))];
  }
}
