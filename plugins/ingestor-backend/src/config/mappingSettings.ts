import type { IngestorConfig, MappingSettings } from './types';

/**
 * The mapping's settings, copied out of the read config once: a fresh object holding only those fields,
 * so nothing in mapping can start depending on the rest of the config by accident.
 */
export function mappingSettings(config: IngestorConfig): MappingSettings {
  const { components, templates } = config;
  return {
    annotationPrefix: config.annotationPrefix,
    defaultOwner: config.defaultOwner,
    defaultLifecycle: config.defaultLifecycle,
    mappings: config.mappings,
    components: {
      enabled: components.enabled,
      ingestAsResources: components.ingestAsResources,
      onlyIngestAnnotatedResources: components.onlyIngestAnnotatedResources,
      excludedNamespaces: components.excludedNamespaces,
      includedNamespaces: components.includedNamespaces,
      workloadKinds: components.workloadKinds,
    },
    crossplane: config.crossplane,
    copyAnnotations: config.copyAnnotations,
    templates: { enabled: templates.enabled, options: templates.options },
  };
}
