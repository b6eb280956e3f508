/**
 * A definition found in several clusters (or files) becomes one Template offering all of them, as long
 * as they agree. When they disagree, each variant keeps its own Template, named apart and saying where
 * it came from: the first cluster does not silently win.
 */
import { shortHash } from './names';
import type { DefinitionVersion } from './sources';

export interface LocatedVersion {
  version: DefinitionVersion;
  /** Human-readable origin: a file name, or `<cluster>: <kind> <name>`. */
  source: string;
  cluster?: string;
}

export interface VersionGroup {
  version: DefinitionVersion;
  clusters: string[];
  sources: string[];
  /** Set when variants of one definition disagree: distinguishes their entity names. */
  discriminator?: string;
  notes: string[];
}

/**
 * What must agree for two copies to share a Template: everything the Template is built from. Key
 * order counts: API servers return a definition's schema in its stored order, and the order is shown.
 */
function fingerprint(v: DefinitionVersion): string {
  const { labels: _labels, annotations: _annotations, definition, ...rest } = v;
  return shortHash(JSON.stringify({ ...rest, definition: definition.kind }));
}

export function groupVersions(items: LocatedVersion[]): VersionGroup[] {
  const byIdentity = new Map<string, Map<string, LocatedVersion[]>>();
  for (const item of items) {
    const v = item.version;
    const identity = `${v.definition.name}|${v.version}|${v.kind}`;
    const variants = byIdentity.get(identity) ?? new Map<string, LocatedVersion[]>();
    const print = fingerprint(v);
    variants.set(print, [...(variants.get(print) ?? []), item]);
    byIdentity.set(identity, variants);
  }
  const groups: VersionGroup[] = [];
  for (const variants of byIdentity.values()) {
    const all = [...variants.entries()];
    for (const [print, located] of all) {
      const clusters = [...new Set(located.flatMap(l => (l.cluster ? [l.cluster] : [])))].sort();
      const sources = [...new Set(located.map(l => l.source))].sort();
      const group: VersionGroup = { version: located[0].version, clusters, sources, notes: [] };
      if (all.length > 1) {
        group.discriminator = print;
        const others = all.filter(([p]) => p !== print).flatMap(([, l]) => l.map(x => x.source));
        group.notes.push(`This schema comes from ${sources.join(', ')}; a different schema for the same kind and version is in ${[...new Set(others)].sort().join(', ')}.`);
      }
      groups.push(group);
    }
  }
  return groups;
}
