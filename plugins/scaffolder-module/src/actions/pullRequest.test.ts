import { createMockDirectory } from '@backstage/backend-test-utils';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createGithubClientFactory } from '../gitops/githubClient';
import { captureLogger } from '../testing/captureLogger';
import { GithubStandIn } from '../testing/githubStandIn';
import { createPullRequestAction } from './pullRequest';

const INTEGRATION_TOKEN = 'ghp_integrationSecret0123456789';
const USER_TOKEN = 'gho_userSecret9876543210';
const FILE = 'prod-eu/team-a/PostgreSQLInstance/orders-db.yaml';
const MANIFEST =
  'apiVersion: database.example.org/v1alpha1\nkind: PostgreSQLInstance\nmetadata:\n  name: orders-db\n  namespace: team-a\nspec:\n  parameters:\n    region: eu-west-1\n';
const BRANCH = 'backstage/create-postgresqlinstance-team-a-orders-db';
const REPO = '/repos/acme/platform-gitops';

const mockDir = createMockDirectory();
let standIn: GithubStandIn;

async function setup(options: { host?: string; prefix?: string; scaffolder?: object } = {}) {
  standIn = new GithubStandIn('acme', 'platform-gitops', options.prefix ?? '');
  const apiBaseUrl = await standIn.start();
  const config = new ConfigReader({
    app: { baseUrl: 'https://backstage.example.com' },
    integrations: { github: [{ host: options.host ?? 'github.com', apiBaseUrl, token: INTEGRATION_TOKEN }] },
    ...(options.scaffolder ? { scaffolder: options.scaffolder } : {}),
  });
  const integrations = ScmIntegrations.fromConfig(config);
  const clientFactory = createGithubClientFactory({ integrations, retry: { baseDelayMs: 1, maxDelayMs: 5 } });
  return createPullRequestAction({ integrations, clientFactory, config });
}

/** The action pointed at another GitHub API address (the stand-in still starts, so teardown is the same). */
async function actionAt(apiBaseUrl: string) {
  await setup();
  const config = new ConfigReader({
    integrations: { github: [{ host: 'github.com', apiBaseUrl, token: INTEGRATION_TOKEN }] },
  });
  const integrations = ScmIntegrations.fromConfig(config);
  const clientFactory = createGithubClientFactory({ integrations, retry: { baseDelayMs: 1, maxDelayMs: 5 } });
  return createPullRequestAction({ integrations, clientFactory, config });
}

/** A local port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise(resolve => server.close(resolve));
  return port;
}

function context(input: Record<string, unknown>, isDryRun = false) {
  const logger = captureLogger();
  const ctx = createMockActionContext({
    input: {
      repoUrl: 'github.com?owner=acme&repo=platform-gitops',
      title: 'Create PostgreSQLInstance team-a/orders-db',
      paths: [FILE],
      ...input,
    },
    workspacePath: mockDir.path,
    logger,
  });
  return { ctx: { ...ctx, isDryRun }, logger };
}

function outputs(ctx: { output: unknown }): Record<string, unknown> {
  return Object.fromEntries((ctx.output as jest.Mock).mock.calls);
}

/** Shas differ per run; the sequence of calls is what matters. */
const sequence = () => standIn.sequence().map(line => line.replace(/[0-9a-f]{40}/g, '<sha>'));

const FIRST_RUN = [
  `GET ${REPO}`,
  `GET ${REPO}/git/ref/heads/main`,
  `GET ${REPO}/git/ref/heads/${BRANCH}`,
  `GET ${REPO}/git/commits/<sha>`,
  `GET ${REPO}/contents/${FILE}`,
  `POST ${REPO}/git/blobs`,
  `POST ${REPO}/git/trees`,
  `POST ${REPO}/git/commits`,
  `POST ${REPO}/git/refs`,
  `GET ${REPO}/pulls`,
  `POST ${REPO}/pulls`,
];

describe('kubernetes:gitops:pull-request', () => {
  beforeEach(() => mockDir.setContent({ [FILE]: MANIFEST, 'other.txt': 'not committed' }));
  afterEach(() => standIn.stop());

  it('creates the branch, one commit and the pull request, with labels and reviewers', async () => {
    const action = await setup();
    const { ctx } = context({
      labels: ['gitops'],
      reviewers: ['alice'],
      draft: true,
      entityRef: 'group:default/team-a',
      templateRef: 'template:default/postgresql',
    });
    await action.handler(ctx);
    expect(sequence()).toEqual([
      ...FIRST_RUN,
      `POST ${REPO}/issues/1/labels`,
      `POST ${REPO}/pulls/1/requested_reviewers`,
    ]);
    expect(outputs(ctx)).toEqual({
      pullRequestUrl: 'https://github.example/acme/platform-gitops/pull/1',
      pullRequestNumber: 1,
      branchName: BRANCH,
      created: true,
      fileUrls: [`https://github.example/acme/platform-gitops/blob/${BRANCH}/${FILE}?raw=true`],
    });
    expect(standIn.filesAt(BRANCH)).toEqual({ 'README.md': '# GitOps\n', [FILE]: MANIFEST });
    expect(standIn.git.history(BRANCH)).toEqual(['Create PostgreSQLInstance team-a/orders-db', 'initial']);
    const [pull] = standIn.pulls;
    expect(pull).toMatchObject({ head: BRANCH, base: 'main', draft: true, labels: ['gitops'], reviewers: ['alice'] });
    expect(pull.body).toContain(`- added: \`${FILE}\``);
    expect(pull.body).toContain('- `spec.parameters.region`: `"eu-west-1"`');
    expect(pull.body).toContain('[`group:default/team-a`](<https://backstage.example.com/catalog/default/group/team-a>)');
    expect(pull.body).toContain(
      '[`template:default/postgresql`](<https://backstage.example.com/create/templates/default/postgresql>)',
    );
    expect(standIn.requests.every(r => r.authorization === `token ${INTEGRATION_TOKEN}`)).toBe(true);
  });

  it('re-running updates the same branch and returns the existing pull request', async () => {
    const action = await setup();
    await action.handler(context({}).ctx);
    standIn.requests.length = 0;
    await mockDir.setContent({ [FILE]: MANIFEST.replace('eu-west-1', 'eu-central-1') });
    const { ctx } = context({ labels: ['gitops'] });
    await action.handler(ctx);
    expect(sequence()).toEqual([
      `GET ${REPO}`,
      `GET ${REPO}/git/ref/heads/main`,
      `GET ${REPO}/git/ref/heads/${BRANCH}`,
      `GET ${REPO}/git/commits/<sha>`,
      `GET ${REPO}/contents/${FILE}`,
      `POST ${REPO}/git/blobs`,
      `POST ${REPO}/git/trees`,
      `POST ${REPO}/git/commits`,
      `PATCH ${REPO}/git/refs/heads/${BRANCH}`,
      `GET ${REPO}/pulls`,
      `PATCH ${REPO}/pulls/1`,
    ]);
    expect(outputs(ctx)).toMatchObject({ pullRequestNumber: 1, created: false, branchName: BRANCH });
    expect(standIn.pulls).toHaveLength(1);
    expect(standIn.git.history(BRANCH)).toHaveLength(3);
    expect(standIn.filesAt(BRANCH)[FILE]).toContain('eu-central-1');
    expect(standIn.pulls[0].body).toContain('`"eu-central-1"`');
  });

  it('modifies a file that already exists on the target branch', async () => {
    const action = await setup();
    standIn.git.commitFiles('main', { [FILE]: MANIFEST.replace('eu-west-1', 'us-east-1') }, 'existing resource');
    await action.handler(context({ title: 'Update PostgreSQLInstance team-a/orders-db' }).ctx);
    expect(standIn.filesAt('backstage/update-postgresqlinstance-team-a-orders-db')[FILE]).toBe(MANIFEST);
    expect(standIn.pulls[0].body).toContain(`- modified: \`${FILE}\``);
  });

  it('talks to GitHub Enterprise at the integration apiBaseUrl', async () => {
    const action = await setup({ host: 'ghe.example.com', prefix: '/api/v3' });
    await action.handler(context({ repoUrl: 'ghe.example.com?owner=acme&repo=platform-gitops' }).ctx);
    expect(sequence()).toEqual(FIRST_RUN);
    expect(standIn.pulls).toHaveLength(1);
  });

  it('retries a 502 and a secondary rate limit, then succeeds', async () => {
    const action = await setup();
    standIn.fail('POST', /\/git\/trees$/, 502, { message: 'Bad Gateway' });
    standIn.fail('POST', /\/pulls$/, 403, {
      message: 'You have exceeded a secondary rate limit',
      headers: { 'retry-after': '1' },
    });
    const { ctx } = context({});
    await action.handler(ctx);
    const expected = [...FIRST_RUN];
    expected.splice(expected.indexOf(`POST ${REPO}/git/trees`), 0, `POST ${REPO}/git/trees`);
    expected.push(`POST ${REPO}/pulls`);
    expect(sequence()).toEqual(expected);
    expect(outputs(ctx)).toMatchObject({ pullRequestNumber: 1, created: true });
  });

  it('turns a 403 into an error naming the repository and the missing permission, without the token', async () => {
    const action = await setup();
    standIn.fail('POST', /\/git\/blobs$/, 403, {
      message: `Resource not accessible by integration (${INTEGRATION_TOKEN})`,
    });
    const { ctx, logger } = context({});
    const error = await action.handler(ctx).then(
      () => undefined,
      e => e as Error,
    );
    expect(error?.name).toBe('NotAllowedError');
    expect(error?.message).toMatch(/acme\/platform-gitops \(403\): the token needs the "contents: write" permission/);
    expect(error?.message).not.toContain(INTEGRATION_TOKEN);
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain(INTEGRATION_TOKEN);
    expect(logger.lines.join('\n')).not.toContain(INTEGRATION_TOKEN);
    expect(sequence()).not.toContain(`POST ${REPO}/git/trees`);
  });

  it.each([
    [401, /rejected the credentials for acme\/platform-gitops .*\(401\)/],
    [404, /404 .* in acme\/platform-gitops: the repository or branch does not exist, or the token cannot see it/],
  ])('turns a %s into an error naming the repository, without the token', async (status, message) => {
    const action = await setup();
    standIn.fail('POST', /\/git\/blobs$/, status, { message: `failure for ${INTEGRATION_TOKEN}` });
    const { ctx, logger } = context({});
    const error = await action.handler(ctx).then(
      () => undefined,
      e => e as Error,
    );
    expect(error?.message).toMatch(message);
    expect(error?.message).not.toContain(INTEGRATION_TOKEN);
    expect(logger.lines.join('\n')).not.toContain(INTEGRATION_TOKEN);
  });

  it('uses the user token when given and never logs or outputs it', async () => {
    const action = await setup();
    const { ctx, logger } = context({ token: USER_TOKEN });
    await action.handler(ctx);
    expect(standIn.requests.every(r => r.authorization === `token ${USER_TOKEN}`)).toBe(true);
    expect(logger.lines.length).toBeGreaterThan(0);
    expect(logger.lines.join('\n')).not.toContain(USER_TOKEN);
    expect(JSON.stringify(outputs(ctx))).not.toContain(USER_TOKEN);
  });

  it('makes no request in a dry run and reports the plan', async () => {
    const action = await setup();
    const { ctx, logger } = context({ branchName: 'requests/orders-db' }, true);
    await action.handler(ctx);
    expect(standIn.requests).toEqual([]);
    expect(outputs(ctx)).toMatchObject({ branchName: 'requests/orders-db', created: true });
    expect(logger.lines.join('\n')).toContain(`would commit ${FILE} to branch requests/orders-db`);
  });

  it.each([
    ['a listed path in .git', { paths: ['.git/config'] }],
    ['a listed path in a nested .GIT', { paths: ['x/.GIT/hooks/pre-commit'] }],
    ['a sourcePath in .git', { sourcePath: '.git', paths: undefined }],
    ['a walk that meets a .git directory', { sourcePath: '.', paths: undefined }],
  ])('refuses %s before any request', async (_what, input) => {
    mockDir.addContent({ '.git/config': '[core]\n\tfsmonitor = true\n', 'x/.GIT/hooks/pre-commit': '#!/bin/sh\n' });
    const action = await setup();
    await expect(action.handler(context(input).ctx)).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(/\.git/i),
    });
    expect(standIn.requests).toEqual([]);
  });

  it.each([
    [undefined, { name: 'Scaffolder', email: 'scaffolder@backstage.io' }],
    [{ defaultAuthor: { name: 'Platform Bot', email: 'bot@example.com' } }, { name: 'Platform Bot', email: 'bot@example.com' }],
    [{ defaultAuthor: { name: 'Platform Bot' } }, { name: 'Platform Bot', email: 'scaffolder@backstage.io' }],
  ])('commits as scaffolder.defaultAuthor %j, each part falling back on its own', async (scaffolder, author) => {
    const action = await setup({ scaffolder });
    await action.handler(context({}).ctx);
    const commit = standIn.requests.find(r => r.method === 'POST' && r.path.endsWith('/git/commits'));
    expect((commit?.body as { author?: unknown })?.author).toEqual(author);
  });

  it('rejects an invalid branch name before any request', async () => {
    const action = await setup();
    await expect(action.handler(context({ branchName: 'bad..name' }).ctx)).rejects.toMatchObject({
      name: 'InputError',
    });
    expect(standIn.requests).toEqual([]);
  });

  describe('says honestly why GitHub could not be reached, never a made-up HTTP status', () => {
    const failure = async (action: Awaited<ReturnType<typeof setup>>, input: Record<string, unknown> = {}) => {
      const { ctx, logger } = context(input);
      const error = await action.handler(ctx).then(
        () => undefined,
        e => e as Error,
      );
      const everything = `${error?.message}\n${JSON.stringify(error, Object.getOwnPropertyNames(error ?? {}))}\n${logger.lines.join('\n')}`;
      expect(everything).not.toContain(INTEGRATION_TOKEN);
      expect(everything).not.toContain(USER_TOKEN);
      expect(error?.message).not.toMatch(/HTTP \d{3}|\(500\)/);
      return error;
    };

    it('a refused connection', async () => {
      const error = await failure(await actionAt(`http://127.0.0.1:${await closedPort()}`));
      expect(error?.name).toBe('ServiceUnavailableError');
      expect(error?.message).toMatch(/^Cannot connect to GitHub at 127\.0\.0\.1:\d+ while reading the repository in acme\/platform-gitops: the connection was refused/);
    });

    it('a host name that does not resolve', async () => {
      const error = await failure(await actionAt('http://no-such-host.invalid'));
      expect(error?.name).toBe('ServiceUnavailableError');
      expect(error?.message).toMatch(/GitHub at no-such-host\.invalid .*the host name does not resolve \(DNS E[A-Z_]+\)/);
    });

    it('a TLS handshake that fails', async () => {
      // The stand-in speaks plain HTTP; an https:// address makes the TLS handshake fail.
      const plainServer = new GithubStandIn();
      const plain = await plainServer.start();
      const error = await failure(await actionAt(plain.replace('http://', 'https://'))).finally(() => plainServer.stop());
      expect(error?.name).toBe('ServiceUnavailableError');
      expect(error?.message).toMatch(/Cannot connect securely to GitHub at 127\.0\.0\.1:\d+ .*the TLS handshake failed \(ERR_SSL_[A-Z_]+\)/);
    });

    it('a malformed token, before any request', async () => {
      const error = await failure(await setup(), { token: `${USER_TOKEN}\nX-Injected: 1` });
      expect(error?.name).toBe('InputError');
      expect(error?.message).toMatch(/token for github\.com\/acme\/platform-gitops is malformed/);
      expect(standIn.requests).toEqual([]);
    });
  });
});

