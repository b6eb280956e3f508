import { InputError } from '@backstage/errors';
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { GitFile } from './workspaceFiles';

const run = promisify(execFile);

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

async function git(cwd: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run('git', ['-c', 'protocol.ext.allow=never', ...args], {
      cwd,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
    });
    return stdout.trim();
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? '').trim();
    throw new Error(`git ${args[0]} failed: ${redactRemote(stderr)}`);
  }
}

/**
 * Pushes the files as one commit on `branchName` with the git CLI, in a scratch clone that is
 * removed afterwards. An existing remote branch gets the commit on top (re-runs do not fail).
 */
export async function pushBranch(request: GitPushRequest): Promise<{ commitSha: string }> {
  assertRemoteUrl(request.remoteUrl);
  const dir = await fs.mkdtemp(join(tmpdir(), 'kubernetes-gitops-push-'));
  try {
    await git(dir, ['init', '--quiet']);
    await git(dir, ['remote', 'add', 'origin', request.remoteUrl]);
    const existing = await git(dir, ['ls-remote', '--heads', 'origin', request.branchName]);
    const start = existing ? request.branchName : request.baseBranch;
    if (start) {
      await git(dir, ['fetch', '--quiet', '--depth', '1', 'origin', `refs/heads/${start}`]);
      await git(dir, ['checkout', '--quiet', '-B', request.branchName, 'FETCH_HEAD']);
    } else {
      await git(dir, ['checkout', '--quiet', '--orphan', request.branchName]);
    }
    for (const file of request.files) {
      const target = join(dir, file.path);
      await fs.mkdir(dirname(target), { recursive: true });
      await fs.writeFile(target, file.content, { mode: file.executable ? 0o755 : 0o644 });
    }
    await git(dir, ['add', '--all', '--', ...request.files.map(file => file.path)]);
    await git(dir, [
      '-c',
      `user.name=${request.author.name}`,
      '-c',
      `user.email=${request.author.email}`,
      'commit',
      '--quiet',
      '--allow-empty',
      '-m',
      request.commitMessage,
    ]);
    await git(dir, ['push', '--quiet', 'origin', `HEAD:refs/heads/${request.branchName}`]);
    return { commitSha: await git(dir, ['rev-parse', 'HEAD']) };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
