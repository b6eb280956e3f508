import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import type { DirectClusterConfig } from '@kube-platform/plugin-kubernetes-node';
import type { TemplateOptions } from '../templates/options';

/** How an entity's catalog namespace is chosen. */
export type NamespaceModel = 'cluster' | 'default' | 'namespace';
/** How an entity's name is built from the object's name, namespace and cluster. */
export type NameModel = 'name-namespace' | 'name-namespace-cluster' | 'name-cluster' | 'name';
/** Which System entity an entity belongs to when no annotation says. */
export type SystemModel = 'namespace' | 'cluster-namespace' | 'none';

/** A workload kind to ingest, from the defaults or `components.customWorkloadTypes`. */
export interface WorkloadKindConfig {
  /** API group; '' is the core group. */
  group: string;
  kind: string;
  /** Version to read; the group's preferred version from discovery when absent. */
  version?: string;
  /** Component `spec.type` for this kind. */
  componentType: string;
}

/** A `kubernetesIngestor.clusters.direct` entry: url + token + CA (the shared library's shape). */
export type { DirectClusterConfig };

/** The ingestor's configuration, read once from `kubernetesIngestor` with every default applied. */
export interface IngestorConfig {
  annotationPrefix: string;
  defaultOwner: string;
  defaultLifecycle: string;
  clusters: {
    /** `proxy`: through Backstage's kubernetes-backend (its `kubernetes:` clusters); `direct`: below. */
    source: 'proxy' | 'direct';
    /** When set, only these clusters are read. */
    allowedClusterNames?: string[];
    kubeconfig?: string;
    contexts?: string[];
    direct: DirectClusterConfig[];
    requestTimeoutMs: number;
    /** Most list requests in flight at once, across all clusters and kinds. */
    concurrency: number;
    pageSize: number;
  };
  mappings: {
    namespaceModel: NamespaceModel;
    nameModel: NameModel;
    systemModel: SystemModel;
  };
  components: {
    enabled: boolean;
    ingestAsResources: boolean;
    onlyIngestAnnotatedResources: boolean;
    excludedNamespaces: string[];
    /** When set, only these namespaces are read (exclusions still apply). */
    includedNamespaces?: string[];
    workloadKinds: WorkloadKindConfig[];
  };
  crossplane: {
    enabled: boolean;
    claims: { ingestAsResources: boolean };
    composites: { ingestAsResources: boolean };
  };
  /** Source annotations copied onto entities: exact keys and key prefixes. Nothing else is copied. */
  copyAnnotations: { keys: string[]; prefixes: string[] };
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** `followKinds`: a sync lists only kinds no live watch keeps current. */
  watch: { enabled: boolean; followKinds: boolean };
  /** XRDs and selected CRDs as scaffolder Templates and API entities. */
  templates: {
    enabled: boolean;
    schedule: SchedulerServiceTaskScheduleDefinition;
    options: TemplateOptions;
  };
}

/**
 * The part of the settings the mapping reads: annotation prefix, defaults, naming models, which roles
 * are ingested and as what, the namespace scope, copied annotations and where definition APIs live.
 * Built by {@link mappingSettings} so mapping never sees cluster credentials or schedules.
 */
export interface MappingSettings {
  annotationPrefix: string;
  defaultOwner: string;
  defaultLifecycle: string;
  mappings: IngestorConfig['mappings'];
  components: Pick<
    IngestorConfig['components'],
    'enabled' | 'ingestAsResources' | 'onlyIngestAnnotatedResources' | 'excludedNamespaces' | 'includedNamespaces' | 'workloadKinds'
  >;
  crossplane: IngestorConfig['crossplane'];
  copyAnnotations: IngestorConfig['copyAnnotations'];
  templates: Pick<IngestorConfig['templates'], 'enabled' | 'options'>;
}
