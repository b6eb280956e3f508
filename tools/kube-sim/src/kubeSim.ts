import { randomBytes } from 'node:crypto';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { parseAllDocuments } from 'yaml';
import { crossplaneApiCrds } from './crossplane/crossplaneCrds';
import { buildKubeconfig, writeKubeconfigFile } from './kubeconfig';
import { readManifests, seed, type SeedReport } from './seed';
import { Authenticator, type SimUser } from './server/auth';
import { FaultInjector } from './server/faults';
import { createHandler, type RequestLogEntry } from './server/handler';
import { generateTls, type TlsMaterial } from './server/tls';
import { SimCluster } from './sim/cluster';
import { resourceKey } from './store/keys';
import type { KubeObject } from './types';

export interface KubeSimOptions {
  /** Cluster and kubeconfig context name. Default `kube-sim`. */
  name?: string;
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Serve HTTPS with a freshly generated CA (default) or plain HTTP. */
  tls?: boolean;
  /** Users and their tokens; default a single cluster-admin `admin` with a random token. */
  users?: SimUser[];
  /** How often watches that allow bookmarks receive one. Default 10 s (a real server: about a minute). */
  bookmarkIntervalMs?: number;
  /** How many changes the history keeps for watches and continue tokens. */
  eventLogSize?: number;
  /** Serve Crossplane's own kinds (XRD, Composition) from the start, as if Crossplane were installed. Default true. */
  crossplane?: boolean;
  /** Files or directories of YAML to load at start. */
  manifests?: string[];
  now?: () => Date;
}

/** One in-memory Kubernetes API server, started in-process. */
export class KubeSim {
  readonly faults = new FaultInjector();
  readonly cluster: SimCluster;
  readonly name: string;
  readonly adminToken: string;
  seedReport: SeedReport = { applied: 0, errors: [] };
  /** Every request received, oldest first (the last 10,000), for tests that assert what a client asked. */
  readonly requests: RequestLogEntry[] = [];
  private readonly auth: Authenticator;
  private readonly sockets = new Set<Socket>();
  private readonly watches = new Set<() => void>();
  private server!: Server;
  private port = 0;
  private tls?: TlsMaterial;

  private constructor(private readonly opts: KubeSimOptions) {
    this.name = opts.name ?? 'kube-sim';
    this.cluster = new SimCluster({ eventLogSize: opts.eventLogSize, now: opts.now });
    const users = opts.users ?? [{ name: 'admin', token: randomBytes(24).toString('hex') }];
    this.adminToken = users[0].token;
    this.auth = new Authenticator(users);
  }

  static async start(opts: KubeSimOptions = {}): Promise<KubeSim> {
    const sim = new KubeSim(opts);
    // Every real cluster starts with these namespaces.
    for (const name of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
      sim.cluster.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    }
    if (opts.crossplane !== false) for (const crd of crossplaneApiCrds()) sim.cluster.apply(crd);
    if (opts.manifests?.length) sim.seed(opts.manifests);
    await sim.listen();
    return sim;
  }

  /** The CA that signed the server certificate (HTTPS only). */
  get caPem(): string | undefined {
    return this.tls?.caPem;
  }

  get url(): string {
    return `${this.opts.tls === false ? 'http' : 'https'}://127.0.0.1:${this.port}`;
  }

  /** Loads YAML files or directories (apply semantics, CRDs first, status kept). */
  seed(paths: string[]): SeedReport {
    const { docs, errors } = readManifests(paths);
    const report = seed(this.cluster, docs);
    this.seedReport = { applied: this.seedReport.applied + report.applied, errors: [...this.seedReport.errors, ...errors, ...report.errors] };
    return report;
  }

  /** Creates or updates objects (or a multi-document YAML string), keeping their status as given. */
  apply(input: KubeObject | KubeObject[] | string): KubeObject[] {
    const objs = typeof input === 'string'
      ? parseAllDocuments(input).map(d => d.toJS() as KubeObject).filter(Boolean)
      : Array.isArray(input) ? input : [input];
    return objs.map(o => this.cluster.apply(o));
  }

  get(apiVersion: string, kind: string, name: string, namespace?: string): KubeObject | undefined {
    const type = this.typeOf(apiVersion, kind);
    const obj = this.cluster.peek(type, namespace, name);
    return obj ? structuredClone(this.cluster.project(type, obj)) : undefined;
  }

  list(apiVersion: string, kind: string, namespace?: string): KubeObject[] {
    const type = this.typeOf(apiVersion, kind);
    const resource = resourceKey(type.group, type.name);
    const prefix = type.namespaced && namespace ? `${namespace}/` : undefined;
    return this.cluster.store.scan(resource, { prefix, match: () => true }).items.map(o => structuredClone(this.cluster.project(type, o)));
  }

  delete(apiVersion: string, kind: string, name: string, namespace?: string): void {
    this.cluster.delete(this.typeOf(apiVersion, kind), namespace, name);
  }

  setUsers(users: SimUser[]): void {
    this.auth.setUsers(users);
  }

  /** While on, every connection is dropped at once, like a server that is down. */
  setUnavailable(on: boolean): void {
    this.faults.unavailable = on;
    if (on) for (const s of this.sockets) s.destroy();
  }

  /** Forgets the change history: older resourceVersions and continue tokens now get 410 Gone. */
  compact(): void {
    this.cluster.store.log.compact(this.cluster.store.rv);
  }

  /** Ends every open watch, as an API server restart or a load balancer timeout would. */
  closeWatches(): void {
    for (const finish of [...this.watches]) finish();
  }

  kubeconfig(): string {
    return buildKubeconfig([{ name: this.name, server: this.url, caPem: this.caPem, token: this.adminToken }]);
  }

  writeKubeconfig(file: string): string {
    return writeKubeconfigFile(file, this.kubeconfig());
  }

  async stop(): Promise<void> {
    for (const finish of [...this.watches]) finish();
    for (const s of this.sockets) s.destroy();
    await new Promise<void>(resolve => this.server.close(() => resolve()));
  }

  private typeOf(apiVersion: string, kind: string) {
    const type = this.cluster.registry.byKind(apiVersion, kind);
    if (!type) throw new Error(`kind ${kind} in ${apiVersion} is not served`);
    return type;
  }

  private async listen(): Promise<void> {
    const handler = createHandler({
      cluster: this.cluster,
      auth: this.auth,
      faults: this.faults,
      watches: this.watches,
      serverAddress: () => `127.0.0.1:${this.port}`,
      bookmarkIntervalMs: this.opts.bookmarkIntervalMs ?? 10_000,
      onRequest: entry => {
        this.requests.push(entry);
        if (this.requests.length > 10_000) this.requests.splice(0, this.requests.length - 10_000);
      },
    });
    if (this.opts.tls === false) {
      this.server = createHttpServer(handler);
    } else {
      this.tls = generateTls();
      this.server = createHttpsServer({ cert: this.tls.certPem, key: this.tls.keyPem }, handler);
    }
    const track = (socket: Socket) => {
      if (this.faults.unavailable) {
        socket.destroy();
        return;
      }
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    };
    // For HTTPS, the raw TCP connection is refused before the TLS handshake.
    this.server.on('connection', track);
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.opts.port ?? 0, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
  }
}

/** Several independent clusters sharing one kubeconfig, a context each. */
export class KubeSimFleet {
  private constructor(readonly clusters: KubeSim[]) {}

  static async start(count: number, opts: KubeSimOptions = {}): Promise<KubeSimFleet> {
    const base = opts.name ?? 'kube-sim';
    const clusters: KubeSim[] = [];
    for (let i = 0; i < count; i++) {
      const port = opts.port ? opts.port + i : 0;
      clusters.push(await KubeSim.start({ ...opts, name: count === 1 ? base : `${base}-${i + 1}`, port }));
    }
    return new KubeSimFleet(clusters);
  }

  kubeconfig(): string {
    return buildKubeconfig(this.clusters.map(c => ({ name: c.name, server: c.url, caPem: c.caPem, token: c.adminToken })));
  }

  writeKubeconfig(file: string): string {
    return writeKubeconfigFile(file, this.kubeconfig());
  }

  async stop(): Promise<void> {
    await Promise.all(this.clusters.map(c => c.stop()));
  }
}
