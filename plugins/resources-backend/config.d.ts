export interface Config {
  /** The resources backend (`@kube-platform/plugin-kubernetes-resources-backend`). */
  kubernetesResources?: {
    /**
     * Which clusters the backend reads, and how. Entities name their cluster with the ingestor's
     * `kube-platform.io/cluster` annotation; configure the same cluster names as the ingestor does.
     */
    clusters?: {
      /**
       * `proxy` reads through Backstage's Kubernetes plugin (`kubernetes:`) proxy on behalf of the
       * calling user; `direct` reads the kubeconfig or the `direct` list below with their credentials.
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
      /** Only clusters with these names are read. */
      allowedClusterNames?: string[];
      /**
       * Timeout of each request to a cluster, in seconds.
       * @default 15
       */
      requestTimeoutSeconds?: number;
      /**
       * Cluster requests in flight at once for the whole plugin (every tree, user and cluster), so
       * many open tabs cannot flood an API server.
       * @default 32
       */
      maxConcurrentRequests?: number;
    };
    tree?: {
      /**
       * Most nodes in one tree; beyond it the tree is answered with `truncated: true`.
       * @default 1000
       */
      maxNodes?: number;
      /**
       * Cluster requests in flight at once while reading one tree.
       * @default 8
       */
      concurrency?: number;
      /**
       * How long a tree read for one user and entity is reused, in seconds (0 disables the cache).
       * @default 5
       */
      cacheTtlSeconds?: number;
    };
  };
}
