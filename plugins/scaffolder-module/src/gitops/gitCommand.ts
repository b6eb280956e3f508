import { spawn } from 'node:child_process';

/**
 * Inherited variables git may read, kept: how to reach a remote over SSH and how to ask for a
 * password, both the backend operator's choice. Every other `GIT_*` variable (GIT_DIR, GIT_WORK_TREE,
 * GIT_INDEX_FILE, GIT_CONFIG_*, GIT_EXEC_PATH, …) is dropped: it could point git at another
 * repository or another configuration.
 */
const KEPT_GIT_VARIABLES = new Set(['GIT_SSH', 'GIT_SSH_COMMAND', 'GIT_SSH_VARIANT', 'GIT_ASKPASS']);

/** Transports git may use; `file` only when the remote itself is a `file://` URL. */
const NETWORK_PROTOCOLS = ['https', 'http', 'ssh', 'git'];

/** Where git runs and what it may reach. */
export interface HardenedGitOptions {
  /** The scratch repository (bare, so there is no work tree to write into). */
  gitDir: string;
  /** An empty directory: `core.hooksPath` and the `init` template point at it, so no hook exists. */
  emptyDir: string;
  /** The scratch index (outside `gitDir`). */
  indexFile: string;
  /** Whether the remote is a `file://` URL, the only case the `file` protocol is allowed. */
  fileRemote: boolean;
}

/**
 * `-c` settings for every git command. Command-line settings win over any file, so even a
 * configuration git found somewhere would lose to these.
 */
export function hardenedConfig(options: Pick<HardenedGitOptions, 'emptyDir' | 'fileRemote'>): string[] {
  const settings: Array<[string, string]> = [
    // No hook can run: the hooks directory is empty, and the init template (which could copy hooks) too.
    ['core.hooksPath', options.emptyDir],
    ['init.templateDir', options.emptyDir],
    // No command from configuration: file-system monitor, pager, editor, credential helpers.
    ['core.fsmonitor', 'false'],
    ['core.pager', 'cat'],
    ['core.editor', 'false'],
    ['credential.helper', ''],
    // Paths that name a git directory on any file system are refused by the index.
    ['core.protectNTFS', 'true'],
    ['core.protectHFS', 'true'],
    // Only transports that move data; `ext::` and friends would run commands.
    ['protocol.allow', 'never'],
    ...NETWORK_PROTOCOLS.map((name): [string, string] => [`protocol.${name}.allow`, 'always']),
    ['protocol.file.allow', options.fileRemote ? 'always' : 'never'],
    ['protocol.ext.allow', 'never'],
    // Nothing in the background, nothing recursive.
    ['gc.auto', '0'],
    ['maintenance.auto', 'false'],
    ['fetch.recurseSubmodules', 'false'],
    ['submodule.recurse', 'false'],
  ];
  return settings.flatMap(([key, value]) => ['-c', `${key}=${value}`]);
}

/**
 * The environment git runs in: no system configuration (GIT_CONFIG_NOSYSTEM), no global one
 * (GIT_CONFIG_GLOBAL=/dev/null, which also stops the XDG file), no terminal prompt, no inherited
 * variable that could redirect it, a fixed locale for messages.
 */
export function hardenedEnvironment(options: Pick<HardenedGitOptions, 'gitDir' | 'indexFile'>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('GIT_') || KEPT_GIT_VARIABLES.has(key)) env[key] = value;
  }
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    GIT_NO_REPLACE_OBJECTS: '1',
    GIT_DIR: options.gitDir,
    GIT_INDEX_FILE: options.indexFile,
    LC_ALL: 'C',
  };
}

/**
 * For a `file://` remote git starts `git-upload-pack` / `git-receive-pack` on the remote repository
 * itself, on this machine, and clears `-c` settings for it; the remote repository's own hooks would
 * run. These programs are started with the same hardened settings instead. (Over the network the
 * server runs them; nothing to set.)
 */
export function localTransportOptions(options: Pick<HardenedGitOptions, 'emptyDir' | 'fileRemote'>): {
  fetch: string[];
  push: string[];
} {
  if (!options.fileRemote) return { fetch: [], push: [] };
  const program = (name: string) => ['git', ...hardenedConfig(options), name].map(shellQuote).join(' ');
  return {
    fetch: [`--upload-pack=${program('upload-pack')}`],
    push: [`--receive-pack=${program('receive-pack')}`],
  };
}

/** Quotes one word for `sh`, which git uses to start the local transport programs. */
function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A git failure: the subcommand and git's own message. */
export class GitCommandError extends Error {
  constructor(
    readonly subcommand: string,
    readonly stderr: string,
  ) {
    super(`git ${subcommand} failed: ${stderr}`);
    this.name = 'GitCommandError';
  }
}

/**
 * Runs git with the hardened configuration and environment, in `cwd` (the scratch directory), with
 * optional standard input. Resolves with standard output, trimmed.
 */
export function runHardenedGit(
  options: HardenedGitOptions & { cwd: string },
  args: string[],
  extra: { input?: Buffer | string; env?: NodeJS.ProcessEnv } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...hardenedConfig(options), ...args], {
      cwd: options.cwd,
      env: { ...hardenedEnvironment(options), ...extra.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', chunk => stdout.push(chunk));
    child.stderr.on('data', chunk => stderr.push(chunk));
    child.on('error', error => reject(new GitCommandError(args[0], error.message)));
    child.on('close', code => {
      if (code === 0) resolve(Buffer.concat(stdout).toString('utf8').trim());
      else reject(new GitCommandError(args[0], Buffer.concat(stderr).toString('utf8').trim()));
    });
    // A command that does not read its input closes the pipe early; that is not a failure.
    child.stdin.on('error', () => {});
    child.stdin.end(extra.input ?? '');
  });
}
