/**
 * The name of the API entity for each kind a cluster serves, decided by the same selection and
 * merging as the Templates, so a claim can point at its API even when clusters disagree on the
 * schema and the APIs are named apart.
 */
import type { KubeObject } from '../types';
import { groupDefinitions } from './convert';
import type { TemplateOptions } from './options';

/** `(cluster, group, kind, version)` → API entity name; kinds without an API are absent. */
export type DefinitionApiNames = ReadonlyMap<string, string>;

export function definitionApiKey(cluster: string, group: string, kind: string, version: string): string {
  return [cluster, group, kind, version].join('\n');
}

/** Names the APIs the templates provider emits for these clusters' definitions. */
export function definitionApiNames(definitionsByCluster: ReadonlyMap<string, KubeObject[]>, options: TemplateOptions): DefinitionApiNames {
  const inputs = [...definitionsByCluster].flatMap(([cluster, objects]) => objects.map(object => ({ object, cluster })));
  const names = new Map<string, string>();
  for (const { group, name } of groupDefinitions(inputs, options).groups) {
    const v = group.version;
    for (const cluster of group.clusters) names.set(definitionApiKey(cluster, v.group, v.kind, v.version), name);
  }
  return names;
}
