/**
 * The Template's steps and output as data (docs/scaffolder-actions.md is the contract): render the
 * manifest, then publish it by pull request or branch push. Serialised by the `yaml` library with
 * the entity, never concatenated, so an unset value is absent rather than the text `undefined`.
 *
 * The scaffolder evaluates every string of a step input and of the output as a template. Text from a
 * cluster is therefore never placed there as is: the schema travels as base64 of its JSON
 * (`schemaBase64`), and every other cluster-derived string (group, version, kind, cluster names, the
 * Template's ref) must be inert (no `${{`, `{%`, `{#`, `#}`), else the definition gets no Template.
 */
import type { JsonObject, JsonValue } from '@backstage/types';
import {
  GIT_PUSH_ACTION_ID,
  PULL_REQUEST_ACTION_ID,
  RENDER_MANIFEST_ACTION_ID,
  encodeSchema,
  isInertText,
} from '@kube-platform/plugin-kubernetes-common';
import { isComposedBinding, isObjectBinding, type BindingCondition, type ComposedNode, type SpecBinding } from './form/bindings';
import type { GitopsInputs } from './form/gitops';
import { parameterPathRef, parameterRef } from './form/keys';
import type { PublishOptions } from './options';
import type { Schema } from './schema/types';
import type { DefinitionVersion } from './sources';

// A type alias, not an interface, so it is assignable to JsonObject.
export type TemplateStep = {
  id: string;
  name: string;
  action: string;
  input: JsonObject;
};

export type TemplateOutput = {
  links?: Array<{ title: string; url: string }>;
  text?: Array<{ title: string; content: string }>;
};

export interface StepsInput {
  version: DefinitionVersion;
  bindings: SpecBinding[];
  gitops: GitopsInputs;
  /** The manifest schema the render action validates against (embedded as base64 of its JSON). */
  schema: Schema;
  templateRef: string;
  publish: PublishOptions;
}

function conditionExpression(conditions: BindingCondition[]): string {
  // `equals` is a schema field name checked to be an identifier, so quoting it keeps it data.
  return conditions
    .map(c => (c.equals === undefined ? parameterPathRef(c.key, c.at) : `${parameterPathRef(c.key, c.at)} == ${JSON.stringify(c.equals)}`))
    .join(' and ');
}

function nodeExpression(key: string, node: ComposedNode): string {
  const inner =
    'fields' in node
      ? // Spaced braces: two closing braces in a row would end the template expression.
        `{ ${Object.entries(node.fields).map(([name, child]) => `${JSON.stringify(name)}: ${nodeExpression(key, child)}`).join(', ')} }`
      : parameterPathRef(key, node.at);
  return node.conditions?.length ? `(${inner} if ${conditionExpression(node.conditions)} else undefined)` : inner;
}

/** The template expression for one binding. */
export function bindingExpression(b: SpecBinding): string {
  if (isComposedBinding(b)) return `\${{ ${nodeExpression(b.key, b.node)} }}`;
  if (!isObjectBinding(b)) {
    const value = parameterPathRef(b.key, b.at);
    if (!b.conditions?.length) return `\${{ ${value} }}`;
    return `\${{ ${value} if ${conditionExpression(b.conditions)} else undefined }}`;
  }
  const fields = Object.entries(b.fields).map(([k, key]) => `${JSON.stringify(k)}: ${parameterRef(key)}`);
  return `\${{ {${fields.join(', ')}} if ${parameterRef(b.when)} else undefined }}`;
}

/** The render step's `spec`: each binding's expression at its path (a whole-spec binding is the spec). */
export function specInput(bindings: SpecBinding[]): JsonValue {
  const whole = bindings.find(b => b.path.length === 0);
  if (whole) return bindingExpression(whole);
  const spec: JsonObject = {};
  for (const b of bindings) {
    let node: JsonObject = spec;
    b.path.slice(0, -1).forEach((segment, i) => {
      const next = node[segment] ?? {};
      if (typeof next !== 'object' || next === null || Array.isArray(next)) {
        throw new Error(`spec.${b.path.slice(0, i + 1).join('.')} is both a field and the parent of spec.${b.path.join('.')}`);
      }
      node[segment] = next;
      node = next;
    });
    node[b.path[b.path.length - 1]] = bindingExpression(b);
  }
  return spec;
}

/** Throws unless the scaffolder would leave `text` as it is (see the file comment). */
export function assertInert(text: string, what: string): string {
  if (!isInertText(text)) {
    throw new Error(`${what} ${JSON.stringify(text)} holds template syntax (\${{, {%, {# or #}); the scaffolder would evaluate it`);
  }
  return text;
}

/** Every cluster-derived string a step or the output carries, checked before any is placed. */
function assertInertInputs({ version: v, gitops, templateRef }: StepsInput): void {
  assertInert(v.group, 'API group');
  assertInert(v.version, 'version');
  assertInert(v.kind, 'kind');
  assertInert(templateRef, 'Template ref');
  if (Array.isArray(gitops.clusters)) for (const cluster of gitops.clusters) assertInert(cluster, 'cluster name');
}

function withoutUndefined(input: Record<string, JsonValue | undefined>): JsonObject {
  return Object.fromEntries(Object.entries(input).filter((e): e is [string, JsonValue] => e[1] !== undefined));
}

function renderStep({ version: v, bindings, gitops, schema, templateRef }: StepsInput): TemplateStep {
  return {
    id: 'render',
    name: `Render the ${v.kind} manifest`,
    action: RENDER_MANIFEST_ACTION_ID,
    input: withoutUndefined({
      apiVersion: `${v.group}/${v.version}`,
      kind: v.kind,
      name: '${{ parameters.name }}',
      namespace: v.namespaced ? '${{ parameters.namespace }}' : undefined,
      scope: v.namespaced ? 'Namespaced' : 'Cluster',
      spec: specInput(bindings),
      schemaBase64: encodeSchema(schema),
      clusters: gitops.clusters,
      layout: gitops.layout,
      pathTemplate: gitops.pathTemplate,
      owner: '${{ parameters.owner }}',
      templateRef,
    }),
  };
}

function publishStep({ version: v, gitops, templateRef, publish }: StepsInput): TemplateStep | undefined {
  const where = v.namespaced ? ' in ${{ parameters.namespace }}' : '';
  const title = `Create ${v.kind} \${{ parameters.name }}${where}`;
  const paths = '${{ steps.render.output.paths }}';
  if (publish.target === 'github-pr') {
    return {
      id: 'publish',
      name: 'Open a pull request',
      action: PULL_REQUEST_ACTION_ID,
      input: withoutUndefined({ repoUrl: gitops.repoUrl, targetBranch: gitops.targetBranch, title, paths, templateRef }),
    };
  }
  if (publish.target === 'git-push') {
    const ns = v.namespaced ? '${{ parameters.namespace }}-' : '';
    return {
      id: 'publish',
      name: 'Push a branch',
      action: GIT_PUSH_ACTION_ID,
      input: withoutUndefined({
        remoteUrl: gitops.repoUrl,
        branchName: `backstage/${v.kind.toLowerCase()}-${ns}\${{ parameters.name }}`,
        baseBranch: gitops.targetBranch,
        paths,
        commitMessage: title,
      }),
    };
  }
  return undefined;
}

/** Steps and output for one Template. */
export function buildSteps(input: StepsInput): { steps: TemplateStep[]; output: TemplateOutput } {
  assertInertInputs(input);
  const publish = publishStep(input);
  const output: TemplateOutput = {
    text: [{ title: 'Manifest', content: '```yaml\n${{ steps.render.output.manifest }}\n```' }],
  };
  if (input.publish.target === 'github-pr') {
    output.links = [
      { title: 'Pull request', url: '${{ steps.publish.output.pullRequestUrl }}' },
      { title: 'Download manifest', url: '${{ steps.publish.output.fileUrls[0] }}' },
    ];
  }
  if (input.publish.target === 'git-push') output.text?.unshift({ title: 'Branch', content: '${{ steps.publish.output.branchName }}' });
  return { steps: publish ? [renderStep(input), publish] : [renderStep(input)], output };
}
