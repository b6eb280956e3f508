import { createMockDirectory } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGitPushAction } from './gitPush';

const FILE = 'prod-eu/team-a/PostgreSQLInstance/orders-db.yaml';
const mockDir = createMockDirectory();
const git = (gitDir: string, ...args: string[]) =>
  execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8' }).trim();

// Each push starts a dozen git processes; a loaded machine needs more than Jest's 5 s for three of them.
jest.setTimeout(30_000);

describe('kubernetes:gitops:push', () => {
  const action = createGitPushAction();
  let bare: string;
  let remoteUrl: string;

  beforeEach(() => {
    bare = mkdtempSync(join(tmpdir(), 'gitops-bare-'));
    execFileSync('git', ['init', '--quiet', '--bare', '--initial-branch=main', bare]);
    remoteUrl = `file://${bare}`;
    mockDir.setContent({ [FILE]: 'kind: PostgreSQLInstance\n', 'notes.txt': 'scratch' });
  });
  afterEach(() => rmSync(bare, { recursive: true, force: true }));

  type Context = Parameters<typeof action.handler>[0];
  function context(input: Record<string, unknown>, isDryRun = false): Context {
    const ctx = createMockActionContext({
      input: { remoteUrl, ...input } as Context['input'],
      workspacePath: mockDir.path,
    });
    return { ...ctx, isDryRun };
  }

  it('pushes the listed files as a new branch of a local bare repository', async () => {
    const ctx = context({
      branchName: 'backstage/orders-db',
      paths: [FILE],
      commitMessage: 'Create orders-db',
      authorName: 'Jane',
      authorEmail: 'jane@example.com',
    });
    await action.handler(ctx);
    const sha = git(bare, 'rev-parse', 'refs/heads/backstage/orders-db');
    expect(ctx.output).toHaveBeenCalledWith('branchName', 'backstage/orders-db');
    expect(ctx.output).toHaveBeenCalledWith('commitSha', sha);
    expect(git(bare, 'ls-tree', '-r', '--name-only', 'backstage/orders-db')).toBe(FILE);
    expect(git(bare, 'show', `backstage/orders-db:${FILE}`)).toBe('kind: PostgreSQLInstance');
    expect(git(bare, 'log', '-1', '--format=%an <%ae> %s', 'backstage/orders-db')).toBe(
      'Jane <jane@example.com> Create orders-db',
    );
  });

  it('starts from the base branch and adds a commit on top when re-run', async () => {
    await action.handler(context({ branchName: 'main', sourcePath: '.', paths: ['notes.txt'] }));
    await action.handler(context({ branchName: 'backstage/orders-db', baseBranch: 'main', paths: [FILE] }));
    mockDir.addContent({ [FILE]: 'kind: PostgreSQLInstance\nspec: {}\n' });
    await action.handler(context({ branchName: 'backstage/orders-db', baseBranch: 'main', paths: [FILE] }));
    expect(git(bare, 'ls-tree', '-r', '--name-only', 'backstage/orders-db').split('\n')).toEqual(['notes.txt', FILE]);
    expect(git(bare, 'rev-list', '--count', 'backstage/orders-db')).toBe('3');
    expect(git(bare, 'show', `backstage/orders-db:${FILE}`)).toContain('spec: {}');
  });

  it('commits as scaffolder.defaultAuthor, each part falling back on its own, unless the step names an author', async () => {
    const withName = createGitPushAction({ config: new ConfigReader({ scaffolder: { defaultAuthor: { name: 'Platform Bot' } } }) });
    await withName.handler(context({ branchName: 'a', paths: [FILE] }));
    expect(git(bare, 'log', '-1', '--format=%an <%ae>', 'a')).toBe('Platform Bot <scaffolder@backstage.io>');
    await action.handler(context({ branchName: 'b', paths: [FILE] }));
    expect(git(bare, 'log', '-1', '--format=%an <%ae>', 'b')).toBe('Scaffolder <scaffolder@backstage.io>');
  });

  it('pushes nothing in a dry run', async () => {
    const ctx = context({ branchName: 'backstage/orders-db' }, true);
    await action.handler(ctx);
    expect(git(bare, 'for-each-ref')).toBe('');
    expect(ctx.output).toHaveBeenCalledWith('commitSha', '');
  });

  it('rejects remotes that could run commands and invalid branch names', async () => {
    await expect(
      action.handler(context({ remoteUrl: 'ext::sh -c touch% /tmp/pwned', branchName: 'x' })),
    ).rejects.toMatchObject({ name: 'InputError' });
    await expect(action.handler(context({ branchName: '-delete' }))).rejects.toMatchObject({ name: 'InputError' });
  });

  describe('a workspace holding a git directory, and git configuration planted around it', () => {
    let traps: string;
    let marker: string;
    const saved = { ...process.env };

    /** A hook or fsmonitor command that leaves a trace when anything runs it. */
    const trap = (name: string) => `#!/bin/sh\necho ${name} >> '${marker}'\nexit 1\n`;

    beforeEach(() => {
      traps = mkdtempSync(join(tmpdir(), 'gitops-traps-'));
      marker = join(traps, 'ran');
      const hooks = join(traps, 'hooks');
      mkdirSync(hooks);
      const hookNames = ['pre-commit', 'post-commit', 'pre-push', 'reference-transaction', 'post-checkout', 'pre-receive', 'update', 'post-receive', 'post-update', 'post-index-change'];
      for (const name of hookNames) {
        writeFileSync(join(hooks, name), trap(name));
        chmodSync(join(hooks, name), 0o755);
      }
      const planted = `[core]\n\tfsmonitor = "echo fsmonitor >> '${marker}'; false"\n\thooksPath = ${hooks}\n[alias]\n\tpush = !echo alias >> '${marker}'\n`;
      // In the workspace: a git directory with configuration, a hook, and a nested one.
      mockDir.setContent({
        [FILE]: 'kind: PostgreSQLInstance\n',
        '.git/config': planted,
        '.git/hooks/pre-commit': trap('workspace-hook'),
        'nested/.GIT/config': planted,
      });
      chmodSync(join(mockDir.path, '.git/hooks/pre-commit'), 0o755);
      // Around the backend: a global configuration with the same traps, variables pointing git elsewhere.
      writeFileSync(join(traps, 'gitconfig'), planted);
      process.env.GIT_CONFIG_GLOBAL = join(traps, 'gitconfig');
      process.env.HOME = traps;
      writeFileSync(join(traps, '.gitconfig'), planted);
      process.env.GIT_DIR = join(mockDir.path, '.git');
      process.env.GIT_CONFIG_COUNT = '1';
      process.env.GIT_CONFIG_KEY_0 = 'core.hooksPath';
      process.env.GIT_CONFIG_VALUE_0 = hooks;
      // On the remote (a file:// repository on this machine): its own hooks and configuration.
      for (const name of hookNames) {
        writeFileSync(join(bare, 'hooks', name), trap(`remote-${name}`));
        chmodSync(join(bare, 'hooks', name), 0o755);
      }
      writeFileSync(join(bare, 'config'), `${execFileSync('cat', [join(bare, 'config')], { encoding: 'utf8' })}\tfsmonitor = "echo remote-fsmonitor >> '${marker}'; false"\n`);
    });
    afterEach(() => {
      process.env = { ...saved };
      rmSync(traps, { recursive: true, force: true });
    });

    const refs = () => execFileSync('git', ['--git-dir', bare, 'for-each-ref'], { encoding: 'utf8', env: saved }).trim();

    it.each([
      ['a listed path inside it', { paths: ['.git/config', FILE] }],
      ['a listed path in any case', { paths: ['nested/.GIT/config'] }],
      ['a disguised listed path', { paths: ['.git./config'] }],
      ['a sourcePath inside it', { sourcePath: '.git' }],
      ['a walk of the workspace', { sourcePath: '.' }],
    ])('refuses %s with an InputError: nothing runs, nothing is pushed', async (_what, input) => {
      await expect(action.handler(context({ branchName: 'backstage/orders-db', ...input }))).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringMatching(/\.git/i),
      });
      expect(existsSync(marker)).toBe(false);
      expect(refs()).toBe('');
    });

    it('pushes only the listed file; no hook, fsmonitor or alias runs, here or on the remote', async () => {
      await action.handler(context({ branchName: 'main', paths: [FILE], commitMessage: 'first' }));
      await action.handler(context({ branchName: 'backstage/orders-db', baseBranch: 'main', paths: [FILE] }));
      expect(existsSync(marker) ? execFileSync('cat', [marker], { encoding: 'utf8' }) : '').toBe('');
      expect(git(bare, 'ls-tree', '-r', '--name-only', 'backstage/orders-db')).toBe(FILE);
      expect(git(bare, 'rev-list', '--count', 'backstage/orders-db')).toBe('2');
    });
  });
});

