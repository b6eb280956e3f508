import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** Examples shown in the scaffolder's action reference. */
export const examples: TemplateExample[] = [
  {
    description: 'Push the rendered files to a local bare repository as a new branch of main',
    example: stringify({
      steps: [
        {
          id: 'push',
          action: 'kubernetes:gitops:push',
          name: 'Push branch',
          input: {
            remoteUrl: 'file:///srv/git/platform-gitops.git',
            branchName: 'backstage/postgresqlinstance-team-a-orders-db',
            baseBranch: 'main',
            paths: '${{ steps.render.output.paths }}',
            commitMessage: 'Create PostgreSQLInstance team-a/orders-db',
          },
        },
      ],
    }),
  },
];
