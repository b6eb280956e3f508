import { Config } from '@backstage/config';
import { InputError, NotFoundError } from '@backstage/errors';
import { KubeConfig } from '@kubernetes/client-node';
import * as http from 'node:http';
import * as https from 'node:https';
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

interface ClusterConnection {
  name: string;
  url: string;
  token?: string;
  caData?: string;
  skipTLSVerify: boolean;
}

/** Clusters listed under `kubernetes.clusterLocatorMethods` with `type: config`. */
export function readConfiguredClusters(config: Config): ClusterConnection[] {
  const methods = config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
  return methods
    .filter(method => method.getString('type') === 'config')
    .flatMap(method => method.getOptionalConfigArray('clusters') ?? [])
    .map(cluster => ({
      name: cluster.getString('name'),
      url: cluster.getString('url'),
      token: cluster.getOptionalString('serviceAccountToken'),
      caData: cluster.getOptionalString('caData'),
      skipTLSVerify: cluster.getOptionalBoolean('skipTLSVerify') ?? false,
    }));
}

interface RawCrd {
  spec: {
    group: string;
    scope: string;
    names: { kind: string };
    versions: Array<{ name: string; schema?: { openAPIV3Schema?: KubeSchema } }>;
  };
}

/**
 * Lists CRDs as raw JSON: client-node's typed models rename schema keywords (`default` becomes
 * `_default`, `x-kubernetes-*` become camelCase), which would break validation. KubeConfig still
 * supplies TLS and authentication.
 */
async function listCrds(cluster: ClusterConnection): Promise<RawCrd[]> {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [
      { name: cluster.name, server: cluster.url, caData: cluster.caData, skipTLSVerify: cluster.skipTLSVerify },
    ],
    users: [{ name: 'scaffolder', token: cluster.token }],
    contexts: [{ name: cluster.name, cluster: cluster.name, user: 'scaffolder' }],
    currentContext: cluster.name,
  });
  const options: https.RequestOptions = {};
  await kubeConfig.applyToHTTPSOptions(options);
  const url = `${cluster.url.replace(/\/+$/, '')}/apis/apiextensions.k8s.io/v1/customresourcedefinitions`;
  const transport = url.startsWith('https:') ? https : http;
  // The agent client-node builds carries TLS material and only speaks https.
  if (transport === http) delete options.agent;
  const body = await new Promise<string>((resolve, reject) => {
    const request = transport.get(
      url,
      { ...options, headers: { ...options.headers, Accept: 'application/json' } },
      response => {
        const chunks: Buffer[] = [];
        response.on('data', chunk => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (response.statusCode === 200) resolve(text);
          else reject(new Error(`cluster "${cluster.name}" answered ${response.statusCode} when listing CRDs`));
        });
        response.on('error', reject);
      },
    );
    request.on('error', error => reject(new Error(`cluster "${cluster.name}" is unreachable: ${error.message}`)));
  });
  return (JSON.parse(body) as { items: RawCrd[] }).items;
}

/**
 * The default source: the named cluster (or the first configured one) from the kubernetes config.
 * CRDs are listed rather than fetched by name because the plural is not part of the reference.
 *
 * @public
 */
export function createConfigCrdSchemaSource(config: Config): CrdSchemaSource {
  return {
    async getSchema(ref, clusterName) {
      const clusters = readConfiguredClusters(config);
      const cluster = clusterName ? clusters.find(c => c.name === clusterName) : clusters[0];
      if (!cluster) {
        throw new InputError(
          clusterName
            ? `schemaRef: cluster "${clusterName}" is not configured under kubernetes.clusterLocatorMethods (type: config)`
            : 'schemaRef needs a cluster under kubernetes.clusterLocatorMethods (type: config); embed "schema" instead',
        );
      }
      const crd = (await listCrds(cluster)).find(
        item => item.spec.group === ref.group && item.spec.names.kind === ref.kind,
      );
      const version = crd?.spec.versions.find(v => v.name === ref.version);
      const schema = version?.schema?.openAPIV3Schema;
      if (!crd || !schema) {
        throw new NotFoundError(
          `schemaRef: cluster "${cluster.name}" serves no ${ref.kind} in ${ref.group}/${ref.version}`,
        );
      }
      return {
        schema,
        scope: crd.spec.scope === 'Cluster' ? 'Cluster' : 'Namespaced',
      };
    },
  };
}
