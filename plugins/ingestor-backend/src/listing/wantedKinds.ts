import { resolveKind, type ApiIndex } from '@kube-platform/plugin-kubernetes-node';
import type { SourceKind, SourceRole } from '../types';

/** A kind the ingestor would like to read, before discovery says whether and how it is served. */
export interface WantedKind {
  /** '' is the core group. */
  group: string;
  kind: string;
  /** Preferred version; when not served, `fallbackVersions`, then the group's preferred version, then any. */
  version?: string;
  fallbackVersions?: string[];
  role: SourceRole;
  defaultType: string;
  xrdName?: string;
}

/** A wanted kind the cluster does not serve (or does not let us list), as data with the reason. */
export interface UnservedKind {
  group: string;
  kind: string;
  version?: string;
  role: SourceRole;
  xrdName?: string;
  reason: string;
}

/** Either the kind resolved to a listable {@link SourceKind}, or why it could not be. */
export type WantedResolution = { ok: true; source: SourceKind } | { ok: false; unserved: UnservedKind };

/** Resolves a wanted kind through discovery (see the library's `resolveKind`) and adds what mapping needs. */
export async function resolveWanted(api: ApiIndex, wanted: WantedKind): Promise<WantedResolution> {
  const found = await resolveKind(api, { group: wanted.group, kind: wanted.kind, version: wanted.version, fallbackVersions: wanted.fallbackVersions });
  const xrd = wanted.xrdName ? { xrdName: wanted.xrdName } : {};
  if (found.ok) return { ok: true, source: { ...found.resource, role: wanted.role, defaultType: wanted.defaultType, ...xrd } };
  return {
    ok: false,
    unserved: { group: wanted.group, kind: wanted.kind, ...(wanted.version ? { version: wanted.version } : {}), role: wanted.role, ...xrd, reason: found.reason },
  };
}
