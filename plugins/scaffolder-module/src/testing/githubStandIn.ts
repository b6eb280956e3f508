import http from 'node:http';
import { AddressInfo } from 'node:net';
import { FakeGitRepository, RequestBody } from './fakeGitRepository';

export type { RequestBody } from './fakeGitRepository';

/** One request the stand-in received. */
export interface RecordedRequest {
  method: string;
  /** Path without the API prefix and without the query, decoded. */
  path: string;
  query: Record<string, string>;
  authorization?: string;
  body?: RequestBody;
}

interface Fault {
  method: string;
  path: RegExp;
  status: number;
  times: number;
  message: string;
  headers?: Record<string, string>;
}

/**
 * A small in-process stand-in for the GitHub REST endpoints the pull-request flow uses, with a real
 * git object model (blobs, flat trees, commits, refs) so tests can read what a branch contains.
 */
export class GithubStandIn {
  readonly requests: RecordedRequest[] = [];
  /** The repository behind the API: commit files, read branches, inspect pull requests. */
  readonly git: FakeGitRepository;
  private readonly faults: Fault[] = [];
  private server?: http.Server;

  constructor(
    readonly owner = 'acme',
    readonly repo = 'platform-gitops',
    readonly prefix = '',
    defaultBranch = 'main',
  ) {
    this.git = new FakeGitRepository(owner, repo, defaultBranch);
  }

  get pulls() {
    return this.git.pulls;
  }

  /** The files of a branch: path to text. */
  filesAt(branch: string): Record<string, string> {
    return this.git.filesAt(branch);
  }

  /** Starts listening on a random local port; returns the API base URL. */
  async start(): Promise<string> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>(resolve => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${this.prefix}`;
  }

  async stop(): Promise<void> {
    // octokit keeps connections alive; close them so the server (and Jest) can stop at once.
    this.server?.closeAllConnections();
    await new Promise(resolve => this.server?.close(resolve));
  }

  /** The next `times` matching requests fail with `status`. */
  fail(
    method: string,
    path: RegExp,
    status: number,
    options: { times?: number; message?: string; headers?: Record<string, string> } = {},
  ) {
    this.faults.push({
      method,
      path,
      status,
      times: options.times ?? 1,
      message: options.message ?? 'failure',
      headers: options.headers,
    });
  }

  /** `METHOD path` of every request, the sequence tests assert. */
  sequence(): string[] {
    return this.requests.map(r => `${r.method} ${r.path}`);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const text = Buffer.concat(chunks).toString('utf8');
      const path = decodeURIComponent(url.pathname.slice(this.prefix.length));
      const record: RecordedRequest = {
        method: req.method ?? 'GET',
        path,
        query: Object.fromEntries(url.searchParams),
        authorization: req.headers.authorization,
        body: text ? JSON.parse(text) : undefined,
      };
      this.requests.push(record);
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      };
      const fault = this.faults.find(f => f.times > 0 && f.method === record.method && f.path.test(path));
      if (fault) {
        fault.times--;
        send(fault.status, { message: fault.message }, fault.headers);
        return;
      }
      if (!url.pathname.startsWith(this.prefix)) {
        send(404, { message: 'Not Found' });
        return;
      }
      const result = this.route(record);
      send(result[0], result[1]);
    });
  }

  private route(r: RecordedRequest): [number, unknown] {
    const base = `/repos/${this.owner}/${this.repo}`;
    if (!r.path.startsWith(base)) return [404, { message: 'Not Found' }];
    return this.git.route(r.method, r.path.slice(base.length), r.body ?? {}, r.query);
  }
}
