import { InputError } from '@backstage/errors';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { confine } from '../manifest';
import { GitCommandError, localTransportOptions, runHardenedGit } from './gitCommand';
import { GitFile } from './workspaceFiles';

/** What to push where. */
export interface GitPushRequest {
  remoteUrl: string;
  branchName: string;
  /** Branch the new one starts from; without it the branch starts empty (orphan). */
  baseBranch?: string;
  files: GitFile[];
  commitMessage: string;
  author: { name: string; email: string };
}

/** Hides user:password in a remote URL before it reaches a log or an error. */
export function redactRemote(url: string): string {
  return url.replace(/\/\/[^/@]+@/, '//***@');
}

/** Only transports that move data; `ext::` and friends would run commands. */
export function assertRemoteUrl(url: string): void {
  const ok = /^(file|https?|ssh|git):\/\//.test(url) || /^[\w.-]+@[\w.-]+:[^:]/.test(url);
  if (!ok) {
    throw new InputError(`remoteUrl "${redactRemote(url)}" must be a file://, https://, ssh:// or git@host: URL`);
  }
}

/**
 * Pushes the files as one commit on `branchName` with the git CLI, from a scratch bare repository in
 * a temporary directory that is removed afterwards. An existing remote branch gets the commit on top
 * (re-runs do not fail).
 *
 * No file is ever written to disk inside a repository: contents go to `git hash-object` on standard
 * input and into a scratch index with `git update-index --cacheinfo`, which refuses any path naming a
 * git directory. Nothing is checked out, so no file of the remote branch (a symlink, attributes) is
 * followed either. git runs hardened (see ./gitCommand): no system or global configuration, hooks
 * pointed at an empty directory, `core.fsmonitor` off, the `file` protocol only for `file://` remotes.
 */
export async function pushBranch(request: GitPushRequest): Promise<{ commitSha: string }> {
  assertRemoteUrl(request.remoteUrl);
  for (const file of request.files) {
    try {
      confine(file.path);
    } catch (error) {
      throw new InputError(`Cannot push "${file.path}": ${(error as Error).message}`);
    }
  }
  const scratch = await fs.mkdtemp(join(tmpdir(), 'kubernetes-gitops-push-'));
  const options = {
    cwd: scratch,
    gitDir: join(scratch, 'repository.git'),
    emptyDir: join(scratch, 'empty'),
    indexFile: join(scratch, 'index'),
    fileRemote: request.remoteUrl.startsWith('file://'),
  };
  const git = async (args: string[], extra?: Parameters<typeof runHardenedGit>[2]) => {
    try {
      return await runHardenedGit(options, args, extra);
    } catch (error) {
      if (error instanceof GitCommandError) {
        throw new Error(`git ${error.subcommand} failed: ${redactRemote(error.stderr)}`);
      }
      throw error;
    }
  };
  const transport = localTransportOptions(options);
  try {
    await fs.mkdir(options.emptyDir);
    await git(['init', '--quiet', '--bare', `--template=${options.emptyDir}`, options.gitDir]);
    // The URL is given to each command rather than stored as a remote: nothing is configured at all.
    const remote = request.remoteUrl;
    const branchRef = `refs/heads/${request.branchName}`;
    const heads = await git(['ls-remote', ...transport.fetch, '--', remote, branchRef]);
    const existing = heads.split('\n').some(line => line.split('\t')[1] === branchRef);
    const start = existing ? request.branchName : request.baseBranch;
    let parent: string | undefined;
    if (start) {
      await git(['fetch', '--quiet', '--no-tags', '--depth', '1', ...transport.fetch, '--', remote, `refs/heads/${start}`]);
      parent = 'FETCH_HEAD';
      await git(['read-tree', parent]);
    } else {
      await git(['read-tree', '--empty']);
    }
    const entries: string[] = [];
    for (const file of request.files) {
      const blob = await git(['hash-object', '-w', '--no-filters', '--stdin'], { input: file.content });
      entries.push('--cacheinfo', `${file.executable ? '100755' : '100644'},${blob},${file.path}`);
    }
    await git(['update-index', '--add', ...entries]);
    const tree = await git(['write-tree']);
    const commitSha = await git(['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-F', '-'], {
      input: request.commitMessage,
      env: {
        GIT_AUTHOR_NAME: request.author.name,
        GIT_AUTHOR_EMAIL: request.author.email,
        GIT_COMMITTER_NAME: request.author.name,
        GIT_COMMITTER_EMAIL: request.author.email,
      },
    });
    await git(['push', '--quiet', '--no-verify', ...transport.push, '--', remote, `${commitSha}:${branchRef}`]);
    return { commitSha };
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
}
