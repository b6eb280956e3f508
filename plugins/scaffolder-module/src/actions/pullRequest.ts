import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { createTemplateAction, parseRepoUrl } from '@backstage/plugin-scaffolder-node';
import { PULL_REQUEST_ACTION_ID } from '@kube-platform/plugin-kubernetes-common';
import { assertBranchName, branchFromTitle, DEFAULT_BRANCH_PREFIX } from '../gitops/branchName';
import { readDefaultCommitAuthor } from '../gitops/commitAuthor';
import { GithubClientFactory } from '../gitops/githubClient';
import { publishPullRequest } from '../gitops/githubPullRequest';
import { pullRequestBody } from '../gitops/pullRequestBody';
import { readWorkspaceFiles } from '../gitops/workspaceFiles';
import { examples } from './pullRequest.examples';

/** The id templates call; see docs/scaffolder-actions.md. @public */
export { PULL_REQUEST_ACTION_ID };

/** What {@link createPullRequestAction} needs. @public */
export interface PullRequestActionOptions {
  integrations: ScmIntegrationRegistry;
  clientFactory: GithubClientFactory;
  /** For `app.baseUrl` (links in the body) and `scaffolder.defaultAuthor` / `defaultCommitMessage`. */
  config?: Config;
}

/**
 * `kubernetes:gitops:pull-request`: commits workspace files to a branch in one commit and opens, or
 * on a re-run updates, a GitHub pull request.
 *
 * @public
 */
export function createPullRequestAction(options: PullRequestActionOptions) {
  const { integrations, clientFactory, config } = options;
  // Read once, here: the commit author (one rule for both git actions), the commit message, the links' base.
  const author = readDefaultCommitAuthor(config);
  const defaultCommitMessage = config?.getOptionalString('scaffolder.defaultCommitMessage');
  const appBaseUrl = config?.getOptionalString('app.baseUrl');
  return createTemplateAction({
    id: PULL_REQUEST_ACTION_ID,
    description: 'Commits workspace files to a branch and opens (or updates) a GitHub pull request.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        repoUrl: z => z.string().describe('RepoUrlPicker format: github.com?owner=acme&repo=platform-gitops'),
        targetBranch: z =>
          z.string().optional().describe("Base branch of the pull request; default the repository's default branch"),
        branchName: z =>
          z
            .string()
            .optional()
            .describe('Branch to commit to; default branchPrefix plus a name derived from the title'),
        branchPrefix: z => z.string().optional().describe('Prefix of the derived branch name; default backstage/'),
        title: z => z.string().min(1).describe('Pull request title'),
        description: z => z.string().optional().describe('Extra text for the generated body'),
        sourcePath: z => z.string().optional().describe('Workspace directory whose files are committed; default .'),
        paths: z =>
          z.array(z.string()).optional().describe("Only these workspace-relative files (e.g. the render step's paths)"),
        labels: z => z.array(z.string()).optional().describe('Labels for a new pull request'),
        reviewers: z => z.array(z.string()).optional().describe('Users asked to review a new pull request'),
        draft: z => z.boolean().optional().describe('Open the pull request as a draft'),
        token: z =>
          z.string().optional().describe('User token (${{ secrets.USER_OAUTH_TOKEN }}); otherwise integrations.github'),
        entityRef: z => z.string().optional().describe('Entity linked in the body'),
        templateRef: z => z.string().optional().describe('Template linked in the body; default the running template'),
      },
      output: {
        pullRequestUrl: z => z.string().describe('Web URL of the pull request'),
        pullRequestNumber: z => z.number().describe('Number of the pull request'),
        branchName: z => z.string().describe('Branch holding the commit'),
        created: z => z.boolean().describe('False when an existing pull request was updated'),
        fileUrls: z =>
          z.array(z.string()).describe('Download links of the committed files on the branch (in the order of `paths`)'),
      },
    },
    async handler(ctx) {
      const input = ctx.input;
      const { host, owner, repo } = parseRepoUrl(input.repoUrl, integrations);
      if (!owner) throw new InputError(`repoUrl "${input.repoUrl}" names no owner`);
      const branchName = input.branchName
        ? assertBranchName(input.branchName)
        : branchFromTitle(input.title, input.branchPrefix ?? DEFAULT_BRANCH_PREFIX);
      const files = await readWorkspaceFiles({
        workspacePath: ctx.workspacePath,
        sourcePath: input.sourcePath,
        paths: input.paths,
      }).catch(error => {
        throw new InputError(`Cannot read the files to commit: ${(error as Error).message}`);
      });
      if (files.length === 0) throw new InputError('There are no files to commit');
      const repository = `${host}/${owner}/${repo}`;
      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would commit ${files.map(f => f.path).join(', ')} to branch ${branchName} of ${repository} and open a pull request "${input.title}"`,
        );
        ctx.output('pullRequestUrl', `https://${host}/${owner}/${repo}/pulls`);
        ctx.output('pullRequestNumber', 0);
        ctx.output('branchName', branchName);
        ctx.output('created', true);
        ctx.output('fileUrls', fileUrls(`https://${host}/${owner}/${repo}`, branchName, files));
        return;
      }
      const client = await clientFactory({ host, owner, repo, token: input.token, logger: ctx.logger });
      const templateRef = input.templateRef ?? ctx.templateInfo?.entityRef;
      const result = await ctx.checkpoint({
        key: `kubernetes.gitops.pull-request.${owner}.${repo}.${branchName}`,
        fn: async () => {
          const published = await publishPullRequest(
            client,
            {
              owner,
              repo,
              branchName,
              targetBranch: input.targetBranch,
              title: input.title,
              commitMessage: defaultCommitMessage ?? input.title,
              files,
              labels: input.labels,
              reviewers: input.reviewers,
              draft: input.draft,
              author,
              body: (changes, targetBranch) =>
                pullRequestBody({
                  title: input.title,
                  description: input.description,
                  files,
                  changes,
                  targetBranch,
                  entityRef: input.entityRef,
                  templateRef,
                  appBaseUrl,
                }),
            },
            ctx.logger,
          );
          return { url: published.url, number: published.number, created: published.created };
        },
      });
      ctx.output('pullRequestUrl', result.url);
      ctx.output('pullRequestNumber', result.number);
      ctx.output('branchName', branchName);
      ctx.output('created', result.created);
      // The pull request's web URL gives the repository's web base, on github.com and Enterprise alike.
      ctx.output('fileUrls', fileUrls(result.url.replace(/\/pull\/\d+$/, ''), branchName, files));
    },
  });
}

/** `?raw=true` makes GitHub answer with the file itself: a download link for the template's output. */
function fileUrls(repositoryWebUrl: string, branch: string, files: Array<{ path: string }>): string[] {
  return files.map(f => `${repositoryWebUrl}/blob/${branch.split('/').map(encodeURIComponent).join('/')}/${f.path.split('/').map(encodeURIComponent).join('/')}?raw=true`);
}
