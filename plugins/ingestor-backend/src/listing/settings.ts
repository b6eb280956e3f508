import type { IngestorConfig } from '../config/types';

/**
 * The part of the ingestor's settings listing reads: request limits, which kinds, which namespaces.
 * The whole `IngestorConfig` satisfies it; tests and other callers need only these fields.
 */
export interface ListingSettings {
  clusters: Pick<IngestorConfig['clusters'], 'requestTimeoutMs' | 'pageSize' | 'concurrency'>;
  components: Pick<IngestorConfig['components'], 'enabled' | 'workloadKinds' | 'excludedNamespaces' | 'includedNamespaces'>;
  crossplane: Pick<IngestorConfig['crossplane'], 'enabled'>;
}
