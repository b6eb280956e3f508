import { LoggerService } from '@backstage/backend-plugin-api';
import { GithubClient } from './githubClient';
import { GithubStep, describeGithubError } from './errors';
import { GitFile } from './workspaceFiles';

/** Whether a committed file is new on the target branch, changes it, or is identical. */
export type ChangeKind = 'added' | 'modified' | 'unchanged';

/** One committed file and how it relates to the target branch. */
export interface FileChange {
  path: string;
  change: ChangeKind;
}

/** What to publish. */
export interface PullRequestPlan {
  owner: string;
  repo: string;
  /** Undefined: the repository's default branch. */
  targetBranch?: string;
  branchName: string;
  title: string;
  commitMessage: string;
  files: GitFile[];
  labels?: string[];
  reviewers?: string[];
  draft?: boolean;
  author?: { name: string; email: string };
  /** Builds the body once the changes against the target branch are known. */
  body: (changes: FileChange[], targetBranch: string) => string;
}

/** What happened. */
export interface PullRequestResult {
  url: string;
  number: number;
  created: boolean;
  targetBranch: string;
  commitSha: string;
  changes: FileChange[];
}

/**
 * Branch + one commit (git data API) + pull request. Safe to run twice: an existing branch gets a
 * new commit on top, an open pull request for it is reused (and its description refreshed).
 */
export async function publishPullRequest(
  client: GithubClient,
  plan: PullRequestPlan,
  logger: LoggerService,
): Promise<PullRequestResult> {
  const { octokit } = client;
  const { owner, repo, branchName } = plan;
  const repository = `${owner}/${repo}`;
  const call = async <T>(step: GithubStep, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (error) {
      throw describeGithubError(error, repository, step, [client.token]);
    }
  };
  const optional = async <T>(step: GithubStep, fn: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await fn();
    } catch (error) {
      if ((error as { status?: number }).status === 404) return undefined;
      throw describeGithubError(error, repository, step, [client.token]);
    }
  };
  const read = (action: string): GithubStep => ({ action, permission: 'contents: read' });
  const write = (action: string): GithubStep => ({ action, permission: 'contents: write' });
  const pulls = (action: string): GithubStep => ({ action, permission: 'pull requests: write' });

  const { data: repoInfo } = await call(read('reading the repository'), () => octokit.rest.repos.get({ owner, repo }));
  const targetBranch = plan.targetBranch ?? repoInfo.default_branch;
  const { data: baseRef } = await call(read(`reading branch ${targetBranch}`), () =>
    octokit.rest.git.getRef({ owner, repo, ref: `heads/${targetBranch}` }),
  );
  const existingRef = await optional(read(`reading branch ${branchName}`), () =>
    octokit.rest.git.getRef({ owner, repo, ref: `heads/${branchName}` }),
  );
  const parentSha = existingRef?.data.object.sha ?? baseRef.object.sha;
  const { data: parent } = await call(read(`reading commit ${parentSha}`), () =>
    octokit.rest.git.getCommit({ owner, repo, commit_sha: parentSha }),
  );

  const changes: FileChange[] = [];
  const tree: Array<{ path: string; mode: '100644' | '100755'; type: 'blob'; sha: string }> = [];
  for (const file of plan.files) {
    const current = await optional(read(`reading ${file.path}`), () =>
      octokit.rest.repos.getContent({ owner, repo, path: file.path, ref: targetBranch }),
    );
    const existing =
      current && !Array.isArray(current.data) && 'content' in current.data
        ? Buffer.from(current.data.content, 'base64')
        : undefined;
    let change: ChangeKind = 'added';
    if (existing) change = existing.equals(file.content) ? 'unchanged' : 'modified';
    changes.push({ path: file.path, change });
    const { data: blob } = await call(write(`uploading ${file.path}`), () =>
      octokit.rest.git.createBlob({
        owner,
        repo,
        content: file.content.toString('base64'),
        encoding: 'base64',
      }),
    );
    tree.push({
      path: file.path,
      mode: file.executable ? '100755' : '100644',
      type: 'blob',
      sha: blob.sha,
    });
  }
  const { data: newTree } = await call(write('creating the tree'), () =>
    octokit.rest.git.createTree({ owner, repo, base_tree: parent.tree.sha, tree }),
  );
  const { data: commit } = await call(write('creating the commit'), () =>
    octokit.rest.git.createCommit({
      owner,
      repo,
      message: plan.commitMessage,
      tree: newTree.sha,
      parents: [parentSha],
      ...(plan.author ? { author: plan.author } : {}),
    }),
  );
  if (existingRef) {
    logger.info(`Updating branch ${branchName} of ${repository} with commit ${commit.sha}`);
    await call(write(`updating branch ${branchName}`), () =>
      octokit.rest.git.updateRef({ owner, repo, ref: `heads/${branchName}`, sha: commit.sha }),
    );
  } else {
    logger.info(`Creating branch ${branchName} of ${repository} from ${targetBranch}`);
    await call(write(`creating branch ${branchName}`), () =>
      octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${branchName}`, sha: commit.sha }),
    );
  }

  const body = plan.body(changes, targetBranch);
  const { data: open } = await call(pulls('listing pull requests'), () =>
    octokit.rest.pulls.list({ owner, repo, head: `${owner}:${branchName}`, base: targetBranch, state: 'open' }),
  );
  if (open.length > 0) {
    const existing = open[0];
    logger.info(`Pull request #${existing.number} already exists; it now shows the new commit`);
    await call(pulls(`updating pull request #${existing.number}`), () =>
      octokit.rest.pulls.update({ owner, repo, pull_number: existing.number, title: plan.title, body }),
    );
    return {
      url: existing.html_url,
      number: existing.number,
      created: false,
      targetBranch,
      commitSha: commit.sha,
      changes,
    };
  }
  const { data: created } = await call(pulls('opening the pull request'), () =>
    octokit.rest.pulls.create({
      owner,
      repo,
      title: plan.title,
      head: branchName,
      base: targetBranch,
      body,
      draft: plan.draft,
    }),
  );
  if (plan.labels?.length) {
    await call({ action: `labelling pull request #${created.number}`, permission: 'issues: write' }, () =>
      octokit.rest.issues.addLabels({ owner, repo, issue_number: created.number, labels: plan.labels! }),
    );
  }
  if (plan.reviewers?.length) {
    await call(pulls(`requesting reviewers on #${created.number}`), () =>
      octokit.rest.pulls.requestReviewers({ owner, repo, pull_number: created.number, reviewers: plan.reviewers }),
    );
  }
  logger.info(`Opened pull request #${created.number}: ${created.html_url}`);
  return { url: created.html_url, number: created.number, created: true, targetBranch, commitSha: commit.sha, changes };
}
