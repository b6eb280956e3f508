/**
 * The GitOps page: where the manifest goes. Every publish setting is either fixed by configuration or
 * asked for here, so the steps never carry an unset value.
 */
import type { ManifestLayout, PublishOptions } from '../options';
import type { FormSchema } from './types';

/** Inputs for the render and publish steps: literals, or `${{ parameters.* }}` expressions. */
export interface GitopsInputs {
  repoUrl?: string;
  targetBranch?: string;
  layout: ManifestLayout | string;
  pathTemplate?: string;
  clusters?: string[] | string;
}

export interface GitopsPage {
  page?: FormSchema;
  inputs: GitopsInputs;
}

/** The layouts a user may pick, as they read; a cluster segment only makes sense with clusters to name. */
const LAYOUT_CHOICES: Array<{ const: ManifestLayout; title: string }> = [
  { const: 'cluster-namespace-kind', title: 'Cluster, namespace, kind, name' },
  { const: 'namespace-kind', title: 'Namespace, kind, name (no cluster)' },
];

/** The repository picker's own hints say the repository "will be created"; ours says where the manifest goes. */
const REPOSITORY_HINTS = {
  ownerDescription: 'Owner of the GitOps repository.',
  repoLabel: 'GitOps repository',
  repoDescription: 'The existing repository the pull request with the manifest goes to.',
};

/** `clusters` are those the definition was found in (empty when unknown, e.g. from the CLI). */
export function gitopsPage(publish: PublishOptions, clusters: string[]): GitopsPage {
  const properties: Record<string, FormSchema> = {};
  const required: string[] = [];
  const inputs: GitopsInputs = { layout: publish.layout ?? '${{ parameters.layout }}' };
  if (publish.target !== 'none') {
    if (!publish.repoUrl || publish.allowRepoSelection) {
      properties.repoUrl =
        publish.target === 'github-pr'
          ? {
              type: 'string',
              title: 'Repository',
              description: 'The GitOps repository the pull request goes to.',
              'ui:field': 'RepoUrlPicker',
              'ui:options': { allowedHosts: publish.allowedHosts, ...REPOSITORY_HINTS },
            }
          : { type: 'string', title: 'Git remote', description: 'URL of the GitOps repository the branch is pushed to.', minLength: 1 };
      if (publish.repoUrl) properties.repoUrl.default = publish.repoUrl;
      required.push('repoUrl');
      inputs.repoUrl = '${{ parameters.repoUrl }}';
    } else {
      inputs.repoUrl = publish.repoUrl;
    }
    if (publish.targetBranch) {
      inputs.targetBranch = publish.targetBranch;
    } else {
      properties.targetBranch = { type: 'string', title: 'Target branch', description: "Leave empty for the repository's default branch." };
      // An emptied text field is '', which must reach the action as "not set".
      inputs.targetBranch = '${{ parameters.targetBranch if parameters.targetBranch else undefined }}';
    }
  }
  if (!publish.layout && clusters.length === 0) {
    // Without a known cluster there is no cluster segment to write.
    inputs.layout = 'namespace-kind';
  } else if (!publish.layout) {
    properties.layout = {
      type: 'string',
      title: 'Layout',
      description: 'Where the manifest goes in the repository: <cluster>/<namespace>/<kind>/<name>.yaml, or without the cluster.',
      oneOf: LAYOUT_CHOICES,
      default: LAYOUT_CHOICES[0].const,
    };
    required.push('layout');
  }
  if (publish.layout === 'custom') inputs.pathTemplate = publish.pathTemplate;
  if (clusters.length === 1) inputs.clusters = [...clusters];
  if (clusters.length > 1) {
    properties.clusters = {
      type: 'array',
      title: 'Clusters',
      description: 'The clusters to create it in; one manifest per cluster.',
      items: { type: 'string', enum: [...clusters] },
      uniqueItems: true,
      minItems: 1,
      'ui:widget': 'checkboxes',
    };
    required.push('clusters');
    inputs.clusters = '${{ parameters.clusters }}';
  }
  if (Object.keys(properties).length === 0) return { inputs };
  return { page: { title: 'GitOps', type: 'object', required, properties }, inputs };
}
