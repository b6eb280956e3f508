import { isGitSegment, manifestPath, PathParts } from './paths';

const parts: PathParts = {
  layout: 'cluster-namespace-kind',
  cluster: 'prod-eu',
  namespace: 'team-a',
  kind: 'PostgreSQLInstance',
  name: 'orders-db',
};

describe('manifestPath', () => {
  it('lays files out per cluster, per namespace, or without a cluster segment', () => {
    expect(manifestPath(parts)).toBe('prod-eu/team-a/PostgreSQLInstance/orders-db.yaml');
    expect(manifestPath({ ...parts, cluster: undefined })).toBe('team-a/PostgreSQLInstance/orders-db.yaml');
    expect(manifestPath({ ...parts, layout: 'namespace-kind' })).toBe('team-a/PostgreSQLInstance/orders-db.yaml');
    expect(manifestPath({ ...parts, namespace: undefined, kind: 'XNetwork' })).toBe(
      'prod-eu/_cluster/XNetwork/orders-db.yaml',
    );
    expect(manifestPath({ ...parts, targetPath: 'clusters/' })).toBe(
      'clusters/prod-eu/team-a/PostgreSQLInstance/orders-db.yaml',
    );
  });

  it('fills a custom template, parameters included', () => {
    expect(
      manifestPath({
        ...parts,
        layout: 'custom',
        pathTemplate: 'apps/{cluster}/{parameters.parameters.region}/{kind}-{name}.yaml',
        parameters: { parameters: { region: 'eu-west-1' } },
      }),
    ).toBe('apps/prod-eu/eu-west-1/PostgreSQLInstance-orders-db.yaml');
  });

  it.each([
    ['a name that climbs', { name: '..' }, /cannot be used as a path segment/],
    ['a name with a slash', { name: 'a/b' }, /cannot be used as a path segment/],
    ['a template that climbs', { layout: 'custom', pathTemplate: '../../etc/{name}.yaml' }, /must not contain ".."/],
    ['an absolute template', { layout: 'custom', pathTemplate: '/etc/{name}.yaml' }, /must be relative/],
    ['a targetPath outside', { targetPath: '../outside' }, /must not contain ".."/],
    [
      'a parameter that climbs',
      { layout: 'custom', pathTemplate: '{parameters.dir}/{name}.yaml', parameters: { dir: '..' } },
      /cannot be used as a path segment/,
    ],
    [
      'an unknown placeholder',
      { layout: 'custom', pathTemplate: '{team}/{name}.yaml' },
      /unknown placeholder \{team\}/,
    ],
    ['a missing parameter', { layout: 'custom', pathTemplate: '{parameters.nope}/{name}.yaml' }, /has no scalar value/],
    ['a cluster named .git', { cluster: '.git' }, /names a git directory/],
    ['a cluster named .GIT', { cluster: '.GIT' }, /names a git directory/],
    ['a targetPath inside .git', { targetPath: 'repo/.git' }, /must not contain a ".git" segment/],
    ['a template into .git', { layout: 'custom', pathTemplate: '.git/hooks/{name}' }, /".git" segment/],
    ['a template into .Git', { layout: 'custom', pathTemplate: 'x/.Git/{name}.yaml' }, /".git" segment/],
    [
      'a parameter naming .git',
      { layout: 'custom', pathTemplate: '{parameters.dir}/{name}.yaml', parameters: { dir: '.gIt' } },
      /names a git directory/,
    ],
  ] as const)('rejects %s', (_what, override, message) => {
    expect(() => manifestPath({ ...parts, ...(override as Partial<PathParts>) })).toThrow(message);
  });
});

describe('isGitSegment', () => {
  it.each(['.git', '.GIT', '.Git', '.git.', '.git ', '.git::$INDEX_ALLOCATION', 'git~1', 'GIT~1', '.g\u200cit'])(
    'names a git directory: %p',
    name => expect(isGitSegment(name)).toBe(true),
  );
  it.each(['git', '.gitignore', '.github', 'x.git', '.git-crypt', 'my.git'])('is an ordinary name: %p', name =>
    expect(isGitSegment(name)).toBe(false),
  );
});
