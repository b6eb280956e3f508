import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { GIT_PUSH_ACTION_ID } from '@kube-platform/plugin-kubernetes-common';
import { assertBranchName } from '../gitops/branchName';
import { readDefaultCommitAuthor } from '../gitops/commitAuthor';
import { assertRemoteUrl, pushBranch, redactRemote } from '../gitops/gitPush';
import { readWorkspaceFiles } from '../gitops/workspaceFiles';
import { examples } from './gitPush.examples';

/** The id templates call; see docs/scaffolder-actions.md. @public */
export { GIT_PUSH_ACTION_ID };

/**
 * `kubernetes:gitops:push`: pushes workspace files as a branch to any git remote, for hosts
 * without a pull-request API and for the demo (a `file://` bare repository).
 *
 * @public
 */
export function createGitPushAction(options: { config?: Config } = {}) {
  const defaultAuthor = readDefaultCommitAuthor(options.config);
  return createTemplateAction({
    id: GIT_PUSH_ACTION_ID,
    description: 'Pushes workspace files as a new branch to a git remote (file://, https://, ssh://).',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        remoteUrl: z =>
          z.string().describe('The git remote, e.g. file:///srv/git/gitops.git or https://git.example.com/gitops.git'),
        branchName: z => z.string().describe('Branch to push; an existing branch gets the commit on top'),
        baseBranch: z =>
          z.string().optional().describe('Branch the new branch starts from; without it the branch starts empty'),
        sourcePath: z => z.string().optional().describe('Workspace directory whose files are pushed; default .'),
        paths: z => z.array(z.string()).optional().describe('Only these workspace-relative files'),
        commitMessage: z => z.string().optional().describe('Commit message; default "Update from Backstage"'),
        authorName: z =>
          z.string().optional().describe('Commit author name; default scaffolder.defaultAuthor.name or Scaffolder'),
        authorEmail: z =>
          z
            .string()
            .optional()
            .describe('Commit author email; default scaffolder.defaultAuthor.email or scaffolder@backstage.io'),
      },
      output: {
        branchName: z => z.string().describe('The pushed branch'),
        commitSha: z => z.string().describe('The pushed commit (empty in a dry run)'),
      },
    },
    async handler(ctx) {
      const input = ctx.input;
      assertRemoteUrl(input.remoteUrl);
      const branchName = assertBranchName(input.branchName);
      if (input.baseBranch) assertBranchName(input.baseBranch);
      const files = await readWorkspaceFiles({
        workspacePath: ctx.workspacePath,
        sourcePath: input.sourcePath,
        paths: input.paths,
      }).catch(error => {
        throw new InputError(`Cannot read the files to push: ${(error as Error).message}`);
      });
      if (files.length === 0) throw new InputError('There are no files to push');
      const remote = redactRemote(input.remoteUrl);
      if (ctx.isDryRun) {
        ctx.logger.info(`Dry run: would push ${files.length} file(s) to branch ${branchName} of ${remote}`);
        ctx.output('branchName', branchName);
        ctx.output('commitSha', '');
        return;
      }
      const { commitSha } = await pushBranch({
        remoteUrl: input.remoteUrl,
        branchName,
        baseBranch: input.baseBranch,
        files,
        commitMessage: input.commitMessage ?? 'Update from Backstage',
        author: { name: input.authorName ?? defaultAuthor.name, email: input.authorEmail ?? defaultAuthor.email },
      });
      ctx.logger.info(`Pushed ${commitSha} to branch ${branchName} of ${remote}`);
      ctx.output('branchName', branchName);
      ctx.output('commitSha', commitSha);
    },
  });
}
