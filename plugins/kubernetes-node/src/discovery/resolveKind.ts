import type { SourceKind, SourceRole } from '../types';
import type { ApiIndex } from './apiIndex';

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
export type KindResolution = { ok: true; source: SourceKind } | { ok: false; unserved: UnservedKind };

/**
 * Finds the plural, scope and version of a kind from discovery: never from the kind's spelling, since
 * plurals are irregular (`octopodes`) and a guessed one silently lists nothing.
 */
export async function resolveKind(api: ApiIndex, wanted: WantedKind): Promise<KindResolution> {
  const unserved = (reason: string): KindResolution => ({
    ok: false,
    unserved: {
      group: wanted.group,
      kind: wanted.kind,
      ...(wanted.version ? { version: wanted.version } : {}),
      role: wanted.role,
      ...(wanted.xrdName ? { xrdName: wanted.xrdName } : {}),
      reason,
    },
  });
  const groupLabel = wanted.group || 'core';
  const group = await api.group(wanted.group);
  if (!group) return unserved(`API group ${groupLabel} is not served`);

  const candidates = [...new Set([
    ...(wanted.version ? [wanted.version] : []),
    ...(wanted.fallbackVersions ?? []),
    group.preferredVersion,
    ...group.versions,
  ])].filter(v => group.versions.includes(v));

  for (const version of candidates) {
    const resource = (await api.resources(wanted.group, version))?.find(r => r.kind === wanted.kind);
    if (!resource) continue;
    if (!resource.verbs.includes('list')) {
      return unserved(`${wanted.kind} in ${groupLabel}/${version} does not allow list`);
    }
    return {
      ok: true,
      source: {
        group: wanted.group,
        version,
        kind: wanted.kind,
        plural: resource.name,
        namespaced: resource.namespaced,
        role: wanted.role,
        defaultType: wanted.defaultType,
        ...(wanted.xrdName ? { xrdName: wanted.xrdName } : {}),
      },
    };
  }
  return unserved(`kind ${wanted.kind} is not served in API group ${groupLabel} (versions ${group.versions.join(', ')})`);
}
