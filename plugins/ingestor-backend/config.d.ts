import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** Configuration of the Kubernetes ingestor catalog module. */
  kubernetesIngestor?: {
    /**
     * Prefix of the annotations read from Kubernetes objects and namespaces (`<prefix>/owner`, ...).
     * A DNS subdomain (lower-case letters, digits, `-` and `.`), as Kubernetes requires of annotation prefixes.
     * @default kube-platform.io
     */
    annotationPrefix?: string;
    /**
     * Owner of entities whose object and namespace name none.
     * @default kubernetes-auto-ingested
     */
    defaultOwner?: string;
    /**
     * Lifecycle of entities whose object and namespace name none.
     * @default production
     */
    defaultLifecycle?: string;
    /** Only clusters with these names are read (either cluster source). */
    allowedClusterNames?: string[];
    clusters?: {
      /**
       * `proxy` reads every cluster configured for Backstage's Kubernetes plugin (`kubernetes:`) through
       * its proxy; `direct` reads the kubeconfig or the `direct` list below.
       * @default proxy
       */
      source?: 'proxy' | 'direct';
      /** Path of a kubeconfig file (direct source). */
      kubeconfig?: string;
      /** Contexts of the kubeconfig to read; all when absent. */
      contexts?: string[];
      /** Clusters given by URL (direct source). */
      direct?: Array<{
        name: string;
        url: string;
        /** @visibility secret */
        token?: string;
        /** CA certificate, PEM or base64 PEM. */
        caData?: string;
        caFile?: string;
        skipTLSVerify?: boolean;
      }>;
      /**
       * Timeout of each request to a cluster, in seconds.
       * @default 30
       */
      requestTimeoutSeconds?: number;
      /**
       * Most list requests in flight at once, across all clusters and kinds.
       * @default 8
       */
      concurrency?: number;
      /**
       * Items per list page (`limit`).
       * @default 500
       */
      pageSize?: number;
    };
    mappings?: {
      /**
       * Catalog namespace of entities: the cluster's name, `default`, or the Kubernetes namespace.
       * @default cluster
       */
      namespaceModel?: 'cluster' | 'default' | 'namespace';
      /**
       * Entity name: `<name>.<namespace>`, `<name>.<namespace>.<cluster>`, `<name>.<cluster>` or `<name>`.
       * The default never maps two objects from different namespaces or clusters to one entity.
       * @default name-namespace
       */
      nameModel?: 'name-namespace' | 'name-namespace-cluster' | 'name-cluster' | 'name';
      /**
       * System of entities without a system annotation: one per Kubernetes namespace, one per cluster
       * and namespace, or none.
       * @default namespace
       */
      systemModel?: 'namespace' | 'cluster-namespace' | 'none';
    };
    components?: {
      /** @default true */
      enabled?: boolean;
      /** Emit workloads as Resource entities instead of Components. @default false */
      ingestAsResources?: boolean;
      /** Only objects annotated `<prefix>/add-to-catalog: "true"`. @default false */
      onlyIngestAnnotatedResources?: boolean;
      /**
       * Namespaces never read, in every mode.
       * @default [kube-system, kube-public, kube-node-lease]
       */
      excludedNamespaces?: string[];
      /** When set, only these namespaces are read. */
      includedNamespaces?: string[];
      /** More workload kinds, resolved through API discovery (never by guessing a plural). */
      customWorkloadTypes?: Array<{
        /** API group; absent or `core` for the core group. */
        group?: string;
        kind: string;
        /** The group's preferred version when absent. */
        version?: string;
        /** @default service */
        componentType?: string;
      }>;
      /** Ingest only `customWorkloadTypes`, not Deployments, StatefulSets, DaemonSets and CronJobs. */
      disableDefaultWorkloadTypes?: boolean;
    };
    crossplane?: {
      /** @default true */
      enabled?: boolean;
      claims?: { /** @default false */ ingestAsResources?: boolean };
      composites?: { /** @default false */ ingestAsResources?: boolean };
    };
    /** Source annotations copied onto entities; nothing else is copied. */
    copyAnnotations?: {
      /** @default [backstage.io/techdocs-ref, backstage.io/source-location, github.com/project-slug] */
      keys?: string[];
      prefixes?: string[];
    };
    /**
     * When the full sync runs.
     * @default { frequency: { minutes: 10 }, timeout: { minutes: 5 }, initialDelay: { seconds: 15 } }
     */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    watch?: {
      /** Apply changes between full syncs from watches. @default true */
      enabled?: boolean;
      /**
       * With watches on, a scheduled sync lists only the kinds no live watch keeps current (each kind at least
       * hourly, and at once after its watch fails); false lists every kind every sync. @default true
       */
      followKinds?: boolean;
    };
    /** XRDs and selected CRDs become scaffolder Templates and API entities. */
    templates?: {
      /** @default true */
      enabled?: boolean;
      /** @default { frequency: { minutes: 10 }, timeout: { minutes: 5 }, initialDelay: { seconds: 15 } } */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** Catalog namespace of Templates and APIs. @default default */
      namespace?: string;
      /** Owner when a definition has no owner annotation. @default the ingestor's defaultOwner */
      owner?: string;
      lifecycle?: string;
      selection?: {
        xrds?: {
          /** @default true */
          enabled?: boolean;
          /** @default true */
          ingestAll?: boolean;
          /** Also a Template for the composite of XRDs that have claim names (the claim always gets one). @default false */
          composites?: boolean;
        };
        crds?: {
          /** @default true */
          enabled?: boolean;
          /** @default false */
          ingestAll?: boolean;
          /** CRD groups to template. */
          groups?: string[];
          /** CRD names (`<plural>.<group>`) to template. */
          names?: string[];
          /** CRDs whose labels match all of these. */
          labelSelector?: { [key: string]: string };
        };
        /** `referenceable` (the XRD's referenceable / the CRD's storage version) or `served`. @default referenceable */
        versions?: 'referenceable' | 'served';
      };
      form?: {
        /** Prefill defaults or show them as placeholders. @default prefill */
        defaults?: 'prefill' | 'placeholder';
        /** A spec with more leaf fields is split into pages. @default 12 */
        pageSize?: number;
        /** Nesting beyond which a value is edited as YAML. @default 4 */
        maxDepth?: number;
      };
      publish?: {
        /** @default github-pr */
        target?: 'github-pr' | 'git-push' | 'none';
        /** RepoUrlPicker format (or any git URL for git-push); asked in the form when absent. */
        repoUrl?: string;
        targetBranch?: string;
        /** @default false */
        allowRepoSelection?: boolean;
        layout?: 'cluster-namespace-kind' | 'namespace-kind' | 'custom';
        /** With layout custom: `{cluster}`, `{namespace}`, `{kind}`, `{name}`, `{parameters.<key>}`. */
        pathTemplate?: string;
        /** @default [github.com] */
        allowedHosts?: string[];
      };
    };
  };
}
