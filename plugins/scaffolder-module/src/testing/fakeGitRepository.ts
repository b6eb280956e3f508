import { createHash } from 'node:crypto';
import { githubRoutes } from './fakeGithubRoutes';

/** The JSON bodies the flow sends, union of the fields the stand-in reads. */
export interface RequestBody {
  content?: string;
  encoding?: string;
  base_tree?: string;
  tree?: Array<{ path: string; sha: string }>;
  parents?: string[];
  message?: string;
  ref?: string;
  sha?: string;
  head?: string;
  base?: string;
  title?: string;
  body?: string;
  draft?: boolean;
  labels?: string[];
  reviewers?: string[];
}

export interface Commit {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
}
export interface PullRequest {
  number: number;
  head: string;
  base: string;
  title: string;
  body: string;
  draft: boolean;
  state: 'open' | 'closed';
  labels: string[];
  reviewers: string[];
}

const sha = (value: unknown) => createHash('sha1').update(JSON.stringify(value)).digest('hex');

/**
 * The git object model behind the GitHub stand-in: blobs, flat trees, commits, refs and pull
 * requests, plus the REST routes the pull-request flow calls, answered from that model.
 */
export class FakeGitRepository {
  readonly pulls: PullRequest[] = [];
  readonly refs = new Map<string, string>();
  readonly commits = new Map<string, Commit>();
  readonly trees = new Map<string, Record<string, string>>();
  readonly blobs = new Map<string, Buffer>();

  constructor(
    readonly owner: string,
    readonly repo: string,
    readonly defaultBranch: string,
  ) {
    this.commitFiles(defaultBranch, { 'README.md': '# GitOps\n' }, 'initial');
  }

  /** Commits files directly (test setup), e.g. an existing manifest on main. */
  commitFiles(branch: string, files: Record<string, string>, message: string): string {
    const parent = this.refs.get(branch);
    const tree = { ...(parent ? this.trees.get(this.commits.get(parent)!.tree) : {}) };
    for (const [path, content] of Object.entries(files)) tree[path] = this.putBlob(Buffer.from(content));
    const commit = this.putCommit(this.putTree(tree), parent ? [parent] : [], message);
    this.refs.set(branch, commit);
    return commit;
  }

  /** The files of a branch: path to text. */
  filesAt(branch: string): Record<string, string> {
    const head = this.refs.get(branch);
    if (!head) return {};
    const tree = this.trees.get(this.commits.get(head)!.tree)!;
    return Object.fromEntries(
      Object.entries(tree).map(([path, blob]) => [path, this.blobs.get(blob)!.toString('utf8')]),
    );
  }

  /** Commit messages of a branch, newest first. */
  history(branch: string): string[] {
    const out: string[] = [];
    for (let at = this.refs.get(branch); at; at = this.commits.get(at)!.parents[0])
      out.push(this.commits.get(at)!.message);
    return out;
  }

  /** Answers one REST request addressed to `/repos/<owner>/<repo><rest>`. */
  route(method: string, rest: string, body: RequestBody, query: Record<string, string>): [number, unknown] {
    for (const [routeMethod, pattern, handler] of githubRoutes(this)) {
      const match = routeMethod === method ? pattern.exec(rest) : null;
      if (match) return handler(match, body, query);
    }
    return [404, { message: `stand-in does not implement ${method} ${rest}` }];
  }

  putBlob(content: Buffer): string {
    const id = sha(['blob', content.toString('base64')]);
    this.blobs.set(id, content);
    return id;
  }
  putTree(tree: Record<string, string>): string {
    const id = sha(['tree', tree]);
    this.trees.set(id, tree);
    return id;
  }
  putCommit(tree: string, parents: string[], message: string): string {
    const id = sha(['commit', tree, parents, message, this.commits.size]);
    this.commits.set(id, { sha: id, tree, parents, message });
    return id;
  }
}
