import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** Examples shown in the scaffolder's action reference. */
export const examples: TemplateExample[] = [
  {
    description: 'Open a pull request with the files of the render step',
    example: stringify({
      steps: [
        {
          id: 'pull-request',
          action: 'kubernetes:gitops:pull-request',
          name: 'Open pull request',
          input: {
            repoUrl: 'github.com?owner=acme&repo=platform-gitops',
            title: 'Create PostgreSQLInstance team-a/orders-db',
            paths: '${{ steps.render.output.paths }}',
            entityRef: '${{ parameters.owner }}',
            labels: ['backstage'],
          },
        },
      ],
    }),
  },
  {
    description: 'Open a draft pull request as the user, against a release branch',
    example: stringify({
      steps: [
        {
          id: 'pull-request',
          action: 'kubernetes:gitops:pull-request',
          name: 'Open pull request',
          input: {
            repoUrl: 'github.example.com?owner=platform&repo=gitops',
            targetBranch: 'release',
            branchPrefix: 'requests/',
            title: 'Update XBucket team-b/assets',
            draft: true,
            reviewers: ['platform-oncall'],
            token: '${{ secrets.USER_OAUTH_TOKEN }}',
          },
        },
      ],
    }),
  },
];
