import type { FakeGitRepository, PullRequest, RequestBody } from './fakeGitRepository';

/** Method, path pattern (relative to the repository) and the answer. */
type Route = [
  string,
  RegExp,
  (m: RegExpExecArray, body: RequestBody, query: Record<string, string>) => [number, unknown],
];

function pullJson(repo: FakeGitRepository, p: PullRequest) {
  const html = `https://github.example/${repo.owner}/${repo.repo}`;
  return {
    number: p.number,
    html_url: `${html}/pull/${p.number}`,
    state: p.state,
    title: p.title,
    body: p.body,
    base: { ref: p.base },
  };
}

/** The REST routes the pull-request flow calls, answered from the repository model. */
export function githubRoutes(repo: FakeGitRepository): Route[] {
  const notFound: [number, unknown] = [404, { message: 'Not Found' }];
  return [
    ['GET', /^$/, () => [200, { default_branch: repo.defaultBranch, full_name: `${repo.owner}/${repo.repo}` }]],
    [
      'GET',
      /^\/git\/ref\/heads\/(.+)$/,
      m => {
        const head = repo.refs.get(m[1]);
        return head ? [200, { ref: `refs/heads/${m[1]}`, object: { sha: head, type: 'commit' } }] : notFound;
      },
    ],
    [
      'GET',
      /^\/git\/commits\/(\w+)$/,
      m => {
        const commit = repo.commits.get(m[1]);
        return commit
          ? [
              200,
              {
                sha: commit.sha,
                tree: { sha: commit.tree },
                parents: commit.parents.map(p => ({ sha: p })),
                message: commit.message,
              },
            ]
          : notFound;
      },
    ],
    [
      'GET',
      /^\/contents\/(.+)$/,
      (m, _body, query) => {
        const content = repo.filesAt(query.ref ?? repo.defaultBranch)[m[1]];
        return content === undefined
          ? notFound
          : [200, { type: 'file', path: m[1], encoding: 'base64', content: Buffer.from(content).toString('base64') }];
      },
    ],
    [
      'POST',
      /^\/git\/blobs$/,
      (_m, body) => [
        201,
        { sha: repo.putBlob(Buffer.from(String(body.content), body.encoding === 'base64' ? 'base64' : 'utf8')) },
      ],
    ],
    [
      'POST',
      /^\/git\/trees$/,
      (_m, body) => {
        const tree: Record<string, string> = { ...(repo.trees.get(String(body.base_tree)) ?? {}) };
        for (const entry of body.tree ?? []) tree[entry.path] = entry.sha;
        return [201, { sha: repo.putTree(tree) }];
      },
    ],
    [
      'POST',
      /^\/git\/commits$/,
      (_m, body) => [201, { sha: repo.putCommit(String(body.tree), body.parents ?? [], String(body.message)) }],
    ],
    [
      'POST',
      /^\/git\/refs$/,
      (_m, body) => {
        const name = String(body.ref).replace(/^refs\/heads\//, '');
        if (repo.refs.has(name)) return [422, { message: 'Reference already exists' }];
        repo.refs.set(name, String(body.sha));
        return [201, { ref: body.ref, object: { sha: body.sha } }];
      },
    ],
    [
      'PATCH',
      /^\/git\/refs\/heads\/(.+)$/,
      (m, body) => {
        repo.refs.set(m[1], String(body.sha));
        return [200, { ref: `refs/heads/${m[1]}`, object: { sha: body.sha } }];
      },
    ],
    [
      'GET',
      /^\/pulls$/,
      (_m, _body, query) => {
        const head = (query.head ?? '').replace(`${repo.owner}:`, '');
        return [
          200,
          repo.pulls
            .filter(p => p.state === 'open' && p.head === head && (!query.base || p.base === query.base))
            .map(p => pullJson(repo, p)),
        ];
      },
    ],
    [
      'POST',
      /^\/pulls$/,
      (_m, body) => {
        const pull: PullRequest = {
          number: repo.pulls.length + 1,
          head: String(body.head),
          base: String(body.base),
          title: String(body.title),
          body: String(body.body ?? ''),
          draft: Boolean(body.draft),
          state: 'open',
          labels: [],
          reviewers: [],
        };
        repo.pulls.push(pull);
        return [201, pullJson(repo, pull)];
      },
    ],
    [
      'PATCH',
      /^\/pulls\/(\d+)$/,
      (m, body) => {
        const pull = repo.pulls[Number(m[1]) - 1];
        Object.assign(pull, { title: body.title ?? pull.title, body: body.body ?? pull.body });
        return [200, pullJson(repo, pull)];
      },
    ],
    [
      'POST',
      /^\/issues\/(\d+)\/labels$/,
      (m, body) => {
        const labels = body.labels ?? [];
        repo.pulls[Number(m[1]) - 1].labels.push(...labels);
        return [200, labels.map(name => ({ name }))];
      },
    ],
    [
      'POST',
      /^\/pulls\/(\d+)\/requested_reviewers$/,
      (m, body) => {
        repo.pulls[Number(m[1]) - 1].reviewers.push(...(body.reviewers ?? []));
        return [201, pullJson(repo, repo.pulls[Number(m[1]) - 1])];
      },
    ],
  ];
}
