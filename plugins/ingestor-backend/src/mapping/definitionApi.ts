import type { MappingSettings } from '../config/types';
import { definitionApiKey, type DefinitionApiNames } from '../templates/apiNames';
import type { SourceKind } from '../types';
import type { RelationTargets } from './relations';

export interface DefinitionApiContext {
  cluster: string;
  source: SourceKind;
  entityKind: string;
  settings: MappingSettings;
  apiNames: DefinitionApiNames;
}

/**
 * Claims and composites consume the API entity the templates provider emits for their definition,
 * so a claim's page links to its API and the API lists its consumers. The name comes from the same
 * selection and merging the templates provider applies (APIs of clusters that disagree on a schema
 * are named apart); a kind the templates leave out has no API and so no relation.
 */
export function withDefinitionApi(targets: RelationTargets, { cluster, source, entityKind, settings, apiNames }: DefinitionApiContext): RelationTargets {
  if (!settings.templates.enabled || entityKind !== 'Component' || (source.role !== 'claim' && source.role !== 'composite')) return targets;
  const name = apiNames.get(definitionApiKey(cluster, source.group, source.kind, source.version));
  if (!name) return targets;
  const ref = `api:${settings.templates.options.namespace}/${name}`;
  return { ...targets, consumesApis: [...(targets.consumesApis ?? []), { ref }] };
}
