import type { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  connectionsFromDirectConfig,
  createApiIndex,
  directClustersFromKubernetesConfig,
  getObject,
  proxyConnections,
  resolveKind,
  type ClusterConnection,
  type ResourceType,
} from '@kube-platform/plugin-kubernetes-node';
import { KubeSchema, ResourceScope } from '../manifest';

/** Which CRD version to read. */
export interface SchemaRef {
  group: string;
  version: string;
  kind: string;
}

/** A version's schema and the resource's scope, as the API server serves them. */
export interface CrdSchema {
  schema: KubeSchema;
  scope: ResourceScope;
}

/**
 * Reads a CRD's `openAPIV3Schema` from a cluster, for templates that reference the schema
 * (`schemaRef`) instead of embedding it.
 *
 * @public
 */
export interface CrdSchemaSource {
  getSchema(ref: SchemaRef, cluster?: string): Promise<CrdSchema>;
}

/** A schema read is one interactive step of a task: a cluster that does not answer in time fails it. */
const REQUEST_TIMEOUT_MS = 15_000;

const CRDS: ResourceType = {
  group: 'apiextensions.k8s.io',
  version: 'v1',
  kind: 'CustomResourceDefinition',
  plural: 'customresourcedefinitions',
  namespaced: false,
};

interface RawCrd {
  spec?: {
    scope?: string;
    versions?: Array<{ name?: string; schema?: { openAPIV3Schema?: KubeSchema } }>;
  };
}

/**
 * A schema source over the shared cluster access: the named cluster (or the first one) of
 * `connections()`. The CRD is fetched by name (`<plural>.<group>`), the plural coming from discovery.
 * Raw JSON throughout: client-node's typed models rename schema keywords (`default` becomes `_default`).
 *
 * @public
 */
export function createCrdSchemaSource(options: {
  connections: () => Promise<ClusterConnection[]>;
  /** How the clusters are named in errors, e.g. "the kubernetes backend's clusters". */
  describe: string;
  /** Budget per request; default 15 s. */
  timeoutMs?: number;
}): CrdSchemaSource {
  return {
    async getSchema(ref, clusterName) {
      const clusters = await options.connections();
      const cluster = clusterName ? clusters.find(c => c.name === clusterName) : clusters[0];
      if (!cluster) {
        throw new InputError(
          clusterName
            ? `schemaRef: cluster "${clusterName}" is not one of ${options.describe}`
            : `schemaRef needs a cluster among ${options.describe}; embed "schema" instead`,
        );
      }
      const opts = { timeoutMs: options.timeoutMs ?? REQUEST_TIMEOUT_MS };
      const found = await resolveKind(createApiIndex(cluster, opts), { group: ref.group, kind: ref.kind, version: ref.version });
      const crd = found.ok
        ? ((await getObject(cluster, CRDS, `${found.resource.plural}.${ref.group}`, opts)) as RawCrd | undefined)
        : undefined;
      const schema = crd?.spec?.versions?.find(v => v.name === ref.version)?.schema?.openAPIV3Schema;
      if (!crd || !schema) {
        throw new NotFoundError(`schemaRef: cluster "${cluster.name}" serves no ${ref.kind} in ${ref.group}/${ref.version}`);
      }
      return { schema, scope: crd.spec?.scope === 'Cluster' ? 'Cluster' : 'Namespaced' };
    },
  };
}

/**
 * The default source in a Backstage backend: clusters through the kubernetes-backend proxy, so every
 * cluster locator and auth strategy configured under `kubernetes:` works.
 *
 * @public
 */
export function createProxyCrdSchemaSource(services: { discovery: DiscoveryService; auth: AuthService }): CrdSchemaSource {
  return createCrdSchemaSource({
    connections: () => proxyConnections({ ...services, timeoutMs: REQUEST_TIMEOUT_MS }),
    describe: "the kubernetes backend's clusters",
  });
}

/**
 * Clusters listed under `kubernetes.clusterLocatorMethods` with `type: config`, reached directly (tools
 * and tests without the kubernetes-backend).
 *
 * @public
 */
export function createConfigCrdSchemaSource(config: Config): CrdSchemaSource {
  return createCrdSchemaSource({
    connections: async () => connectionsFromDirectConfig(directClustersFromKubernetesConfig(config)),
    describe: 'the clusters under kubernetes.clusterLocatorMethods (type: config)',
  });
}
