import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

// Commits made by the demo tooling never depend on the user's git identity.
const GIT_ENV = {
  GIT_AUTHOR_NAME: 'demo',
  GIT_AUTHOR_EMAIL: 'demo@example.com',
  GIT_COMMITTER_NAME: 'demo',
  GIT_COMMITTER_EMAIL: 'demo@example.com',
};

async function git(args: string[], cwd?: string): Promise<string> {
  const { stdout } = await run('git', args, { cwd, env: { ...process.env, ...GIT_ENV }, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** A local bare repository standing in for the GitOps repository on GitHub. */
export class GitopsRepo {
  constructor(readonly path: string, readonly mainBranch = 'main') {}

  get url(): string {
    return `file://${this.path}`;
  }

  /** Creates the bare repository with a first commit on the main branch, unless it exists. */
  async ensure(): Promise<void> {
    if (existsSync(join(this.path, 'HEAD'))) return;
    mkdirSync(this.path, { recursive: true });
    await git(['init', '--quiet', '--bare', `--initial-branch=${this.mainBranch}`, this.path]);
    await this.withClone(async dir => {
      await git(['commit', '--quiet', '--allow-empty', '-m', 'GitOps repository for the demo cluster'], dir);
      await git(['push', '--quiet', 'origin', `HEAD:refs/heads/${this.mainBranch}`], dir);
    }, false);
  }

  async branches(): Promise<string[]> {
    const out = await git(['--git-dir', this.path, 'for-each-ref', '--format=%(refname:short)', 'refs/heads']);
    return out.split('\n').filter(Boolean);
  }

  /** The commit a branch points at, or undefined when it does not exist. */
  async head(branch = this.mainBranch): Promise<string | undefined> {
    try {
      return (await git(['--git-dir', this.path, 'rev-parse', '--verify', '--quiet', `refs/heads/${branch}`])).trim();
    } catch {
      return undefined;
    }
  }

  /** Every file on a commit, path → content. */
  async files(ref: string): Promise<Map<string, string>> {
    const list = await git(['--git-dir', this.path, 'ls-tree', '-r', '--name-only', ref]);
    const files = new Map<string, string>();
    for (const path of list.split('\n').filter(Boolean)) {
      files.set(path, await git(['--git-dir', this.path, 'show', `${ref}:${path}`]));
    }
    return files;
  }

  /** Merges a branch into main (a merge commit, as merging a pull request would), then deletes it. */
  async merge(branch: string): Promise<string> {
    if (!(await this.head(branch))) throw new Error(`no branch "${branch}" in ${this.path}`);
    await this.withClone(async dir => {
      await git(['fetch', '--quiet', 'origin', `refs/heads/${branch}:refs/remotes/origin/${branch}`], dir);
      await git(['merge', '--quiet', '--no-ff', '-m', `Merge branch '${branch}'`, `origin/${branch}`], dir);
      await git(['push', '--quiet', 'origin', `HEAD:refs/heads/${this.mainBranch}`, `:refs/heads/${branch}`], dir);
    });
    return (await this.head())!;
  }

  private async withClone(work: (dir: string) => Promise<void>, checkout = true): Promise<void> {
    const dir = mkdtempSync(join(tmpdir(), 'demo-gitops-'));
    try {
      if (checkout) {
        await git(['clone', '--quiet', '--branch', this.mainBranch, this.url, dir]);
      } else {
        await git(['init', '--quiet', dir]);
        await git(['remote', 'add', 'origin', this.url], dir);
      }
      await work(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
