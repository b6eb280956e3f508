/**
 * Catalog backend module: Kubernetes workloads and Crossplane claims and composites from every
 * configured cluster become Components, Resources and Systems.
 *
 * @packageDocumentation
 */
export { catalogModuleKubernetesIngestor as default } from './module';
export { KubernetesEntityProvider, type KubernetesEntityProviderOptions, type KindWatcher } from './provider/KubernetesEntityProvider';
export type { CycleSummary } from './provider/summary';
export { readIngestorConfig } from './config/readConfig';
export type { IngestorConfig } from './config/types';
export { ENTITY_ANNOTATIONS } from './annotations';
