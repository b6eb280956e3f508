import type { ResourceType } from '../types';
import type { ApiIndex } from './apiIndex';

/**
 * A kind to look up, before discovery says whether and how it is served.
 *
 * @public
 */
export interface KindQuery {
  /** '' is the core group. */
  group: string;
  kind: string;
  /** Preferred version; when not served, `fallbackVersions`, then the group's preferred version, then any. */
  version?: string;
  fallbackVersions?: string[];
  /** A verb the resource must allow (default `list`); `get` for reading single objects. */
  verb?: string;
}

/**
 * Either the kind resolved to a {@link ResourceType}, or why it could not be.
 *
 * @public
 */
export type KindResolution = { ok: true; resource: ResourceType } | { ok: false; reason: string };

/**
 * Finds the plural, scope and version of a kind from discovery: never from the kind's spelling, since
 * plurals are irregular (`octopodes`) and a guessed one silently lists nothing.
 *
 * @public
 */
export async function resolveKind(api: ApiIndex, query: KindQuery): Promise<KindResolution> {
  const verb = query.verb ?? 'list';
  const groupLabel = query.group || 'core';
  const group = await api.group(query.group);
  if (!group) return { ok: false, reason: `API group ${groupLabel} is not served` };

  const candidates = [...new Set([
    ...(query.version ? [query.version] : []),
    ...(query.fallbackVersions ?? []),
    group.preferredVersion,
    ...group.versions,
  ])].filter(v => group.versions.includes(v));

  for (const version of candidates) {
    const resource = (await api.resources(query.group, version))?.find(r => r.kind === query.kind);
    if (!resource) continue;
    if (!resource.verbs.includes(verb)) {
      return { ok: false, reason: `${query.kind} in ${groupLabel}/${version} does not allow ${verb}` };
    }
    return {
      ok: true,
      resource: { group: query.group, version, kind: query.kind, plural: resource.name, namespaced: resource.namespaced },
    };
  }
  return { ok: false, reason: `kind ${query.kind} is not served in API group ${groupLabel} (versions ${group.versions.join(', ')})` };
}
