import type { IngestorConfig } from '../config/types';
import { definitionEntityName } from '../templates/names';
import type { SourceKind } from '../types';
import type { RelationTargets } from './relations';

/**
 * Claims and composites consume the API entity the templates provider emits for their definition
 * (same name function), so a claim's page links to its API and the API lists its consumers.
 */
export function withDefinitionApi(targets: RelationTargets, source: SourceKind, entityKind: string, config: IngestorConfig): RelationTargets {
  if (!config.templates.enabled || entityKind !== 'Component' || (source.role !== 'claim' && source.role !== 'composite')) return targets;
  const ref = `api:${config.templates.options.namespace}/${definitionEntityName(source.plural, source.group, source.version)}`;
  return { ...targets, consumesApis: [...(targets.consumesApis ?? []), { ref }] };
}
