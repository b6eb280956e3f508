import * as http from 'node:http';
import * as https from 'node:https';
import * as tls from 'node:tls';
import { KubeConfig } from '@kubernetes/client-node';
import type { ClusterConnection } from './ClusterConnection';
import { createHttpConnection } from './httpConnection';
import { isAllowedCluster } from './allowedClusters';
import { KubeconfigError, loadKubeconfig } from './kubeconfigFile';

/**
 * A cluster reached by URL with a bearer token and the CA that signed its certificate.
 *
 * @public
 */
export interface DirectClusterConfig {
  name: string;
  url: string;
  /** Bearer token. Never logged. */
  token?: string;
  /** PEM or base64 PEM of the CA that signed the API server's certificate. */
  caData?: string;
  caFile?: string;
  skipTLSVerify?: boolean;
}

/**
 * Where a kubeconfig comes from and which of its contexts to read.
 *
 * @public
 */
export interface KubeconfigSource {
  /** Path of a kubeconfig file. */
  path?: string;
  /** The kubeconfig's YAML itself (tests, secrets mounted as strings); used when `path` is absent. */
  yaml?: string;
  /** Contexts to read; every context in the file when absent. Each becomes a cluster named after it. */
  contexts?: string[];
  allowedClusterNames?: string[];
}

/**
 * One connection per kubeconfig context. Authentication and TLS come from `@kubernetes/client-node`,
 * so every kubeconfig auth form it supports (tokens, client certificates, exec plugins, auth providers)
 * works here too.
 *
 * @remarks
 * A file that is not valid YAML, is empty, has no contexts or a context without credentials throws a
 * {@link KubeconfigError} naming the file (and the line), never quoting it.
 *
 * @public
 */
export function connectionsFromKubeconfig(source: KubeconfigSource): ClusterConnection[] {
  const kc = loadKubeconfig(source);
  const known = kc.getContexts().map(c => c.name);
  const missing = (source.contexts ?? []).filter(c => !known.includes(c));
  if (missing.length) {
    throw new KubeconfigError(source.path ? `kubeconfig ${source.path}` : 'inline kubeconfig', `has no context named ${missing.join(', ')}`);
  }
  return (source.contexts ?? known)
    .filter(name => isAllowedCluster(name, source.allowedClusterNames))
    .map(name => {
      const one = new KubeConfig();
      one.loadFromOptions({ clusters: kc.clusters, users: kc.users, contexts: kc.contexts, currentContext: name });
      return connectionFromKubeConfig(name, one);
    });
}

/**
 * One connection per direct entry (url + token + CA).
 *
 * @public
 */
export function connectionsFromDirectConfig(entries: DirectClusterConfig[], allowedClusterNames?: string[]): ClusterConnection[] {
  return entries
    .filter(e => isAllowedCluster(e.name, allowedClusterNames))
    .map(e => {
      const kc = new KubeConfig();
      kc.loadFromOptions({
        clusters: [{ name: e.name, server: e.url, caData: base64Pem(e.caData), caFile: e.caFile, skipTLSVerify: e.skipTLSVerify ?? false }],
        users: [{ name: e.name, token: e.token }],
        contexts: [{ name: e.name, cluster: e.name, user: e.name }],
        currentContext: e.name,
      });
      return connectionFromKubeConfig(e.name, kc);
    });
}

/**
 * A connection to the current context's cluster of `kc`, named `name`.
 *
 * @public
 */
export function connectionFromKubeConfig(name: string, kc: KubeConfig): ClusterConnection {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error(`kubeconfig context ${name} names no cluster`);
  let agent: http.Agent | undefined;
  return createHttpConnection({
    name,
    baseUrl: cluster.server,
    requestOptions: async () => {
      const opts: https.RequestOptions = {};
      // Asked per request: exec plugins and auth providers refresh expiring credentials here.
      await kc.applyToHTTPSOptions(opts);
      agent ??= keepAliveAgent(cluster.server, Boolean(cluster.proxyUrl), opts);
      const headers = flatHeaders(opts.headers);
      if (opts.auth) headers.Authorization = `Basic ${Buffer.from(opts.auth).toString('base64')}`;
      return { headers, agent };
    },
  });
}

/**
 * client-node builds a fresh agent on every call, which would open a new TLS connection per request;
 * one keep-alive agent per cluster with the same TLS material reuses connections. Its TLS context (CA,
 * client certificate) is built once: otherwise every new socket parses them again, and a provider opens
 * one socket per watch (thousands across a fleet). Behind an HTTP(S) proxy the proxy agent client-node
 * built is kept as it is.
 */
function keepAliveAgent(server: string, proxied: boolean, opts: https.RequestOptions): http.Agent {
  if (proxied && opts.agent instanceof http.Agent) return opts.agent;
  if (server.startsWith('http:')) return new http.Agent({ keepAlive: true });
  const secureContext = tls.createSecureContext({ ca: opts.ca, cert: opts.cert, key: opts.key, pfx: opts.pfx, passphrase: opts.passphrase });
  return new https.Agent({
    keepAlive: true,
    secureContext,
    rejectUnauthorized: opts.rejectUnauthorized,
    servername: opts.servername,
  });
}

function flatHeaders(headers: http.OutgoingHttpHeaders | readonly string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers || Array.isArray(headers)) return out;
  for (const [k, v] of Object.entries(headers as http.OutgoingHttpHeaders)) {
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : String(v);
  }
  return out;
}

/** client-node wants base64 in `caData`; configuration may hold the PEM itself. */
function base64Pem(caData: string | undefined): string | undefined {
  if (!caData) return undefined;
  return caData.includes('-----BEGIN') ? Buffer.from(caData).toString('base64') : caData;
}
