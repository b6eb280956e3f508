import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGitPushAction } from './gitPush';

const FILE = 'prod-eu/team-a/PostgreSQLInstance/orders-db.yaml';
const mockDir = createMockDirectory();
const git = (gitDir: string, ...args: string[]) =>
  execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8' }).trim();

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
});
