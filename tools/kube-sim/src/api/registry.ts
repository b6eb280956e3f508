import type { ResourceType } from '../types';
import { builtinTypes } from './builtins';

export interface GroupInfo {
  name: string;
  versions: string[];
  preferredVersion: string;
}

/** Which resources the server serves right now; CRDs add and remove entries at run time. */
export class ResourceRegistry {
  private readonly types = new Map<string, ResourceType>();
  private readonly byCrd = new Map<string, string[]>();

  constructor() {
    for (const t of builtinTypes()) this.types.set(this.id(t.group, t.version, t.name), t);
  }

  lookup(group: string, version: string, plural: string): ResourceType | undefined {
    return this.types.get(this.id(group, version, plural));
  }

  /** The types a group/version serves, in a stable order. */
  inGroupVersion(group: string, version: string): ResourceType[] {
    return [...this.types.values()].filter(t => t.group === group && t.version === version);
  }

  /** Every served type, for callers that look kinds up across groups. */
  all(): ResourceType[] {
    return [...this.types.values()];
  }

  /** The served type for a kind in an apiVersion (`v1`, `apps/v1`). */
  byKind(apiVersion: string, kind: string): ResourceType | undefined {
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion];
    return this.inGroupVersion(group, version).find(t => t.kind === kind);
  }

  /** The type used to store a resource's objects (storage version), for any served version of it. */
  storageType(group: string, plural: string): ResourceType | undefined {
    const candidates = [...this.types.values()].filter(t => t.group === group && t.name === plural);
    return candidates.find(t => t.storage) ?? candidates[0];
  }

  groups(): GroupInfo[] {
    const groups = new Map<string, ResourceType[]>();
    for (const t of this.types.values()) {
      const list = groups.get(t.group) ?? [];
      list.push(t);
      groups.set(t.group, list);
    }
    return [...groups.entries()].map(([name, types]) => {
      const versions = sortVersions([...new Set(types.map(t => t.version))]);
      return { name, versions, preferredVersion: types.find(t => t.storage)?.version ?? versions[0] };
    });
  }

  /** Replaces what a CRD serves (on create and on every update). */
  setCrd(crdName: string, types: ResourceType[]): void {
    this.removeCrd(crdName);
    const ids = types.map(t => this.id(t.group, t.version, t.name));
    types.forEach((t, i) => this.types.set(ids[i], t));
    this.byCrd.set(crdName, ids);
  }

  removeCrd(crdName: string): void {
    for (const id of this.byCrd.get(crdName) ?? []) this.types.delete(id);
    this.byCrd.delete(crdName);
  }

  private id(group: string, version: string, plural: string): string {
    return `${group}/${version}/${plural}`;
  }
}

/**
 * Orders versions as Kubernetes does for discovery: GA before beta before alpha, higher numbers first,
 * anything that does not look like a Kubernetes version last, alphabetically.
 */
export function sortVersions(versions: string[]): string[] {
  const rank = (v: string): [number, number, number, string] => {
    const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v);
    if (!m) return [3, 0, 0, v];
    const stage = m[2] === undefined ? 0 : m[2] === 'beta' ? 1 : 2;
    return [stage, -Number(m[1]), -Number(m[3] ?? 0), v];
  };
  return [...versions].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < 3; i++) if (ra[i] !== rb[i]) return (ra[i] as number) - (rb[i] as number);
    return ra[3].localeCompare(rb[3]);
  });
}
