import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** Examples shown in the scaffolder's action reference. */
export const examples: TemplateExample[] = [
  {
    description: 'Render a PostgreSQLInstance claim for two clusters with the embedded schema',
    example: stringify({
      steps: [
        {
          id: 'render',
          action: 'kubernetes:manifest:render',
          name: 'Render manifest',
          input: {
            apiVersion: 'database.example.org/v1alpha1',
            kind: 'PostgreSQLInstance',
            name: '${{ parameters.name }}',
            namespace: '${{ parameters.namespace }}',
            spec: '${{ parameters.spec }}',
            schema: { type: 'object', properties: { spec: { type: 'object' } } },
            clusters: ['prod-eu', 'prod-us'],
            owner: '${{ parameters.owner }}',
          },
        },
      ],
    }),
  },
  {
    description: 'Read the schema from the cluster and use a custom path',
    example: stringify({
      steps: [
        {
          id: 'render',
          action: 'kubernetes:manifest:render',
          name: 'Render manifest',
          input: {
            apiVersion: 'storage.example.org/v1alpha1',
            kind: 'XBucket',
            name: '${{ parameters.name }}',
            namespace: '${{ parameters.namespace }}',
            spec: '${{ parameters.spec }}',
            schemaRef: { group: 'storage.example.org', version: 'v1alpha1', kind: 'XBucket' },
            layout: 'custom',
            pathTemplate: 'apps/{namespace}/{parameters.region}/{name}.yaml',
          },
        },
      ],
    }),
  },
];
