import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { JsonObject } from '@backstage/types';
import {
  MANIFEST_LAYOUTS,
  ManifestLayout,
  RENDER_MANIFEST_ACTION_ID,
  decodeSchema,
} from '@kube-platform/plugin-kubernetes-common';
import { posix } from 'node:path';
import { CrdSchemaSource } from '../cluster/crdSchemaSource';
import { writeWorkspaceFiles } from '../gitops/workspaceFiles';
import {
  GITOPS_ANNOTATIONS,
  KubeSchema,
  UnsafePathError,
  assembleManifest,
  formatFieldErrors,
  manifestPath,
  manifestToYaml,
  prepareManifest,
} from '../manifest';
import { validateIdentity } from '../manifest/identity';
import { mixedEnumWarnings } from '../manifest/normalise';
import { secretRefusal } from '../manifest/secrets';
import { examples } from './renderManifest.examples';

/** The id templates call; see docs/scaffolder-actions.md. @public */
export { RENDER_MANIFEST_ACTION_ID };

/**
 * `kubernetes:manifest:render`: form values to a validated, minimal manifest file per target
 * cluster. Nothing is written unless every value and every path is valid.
 *
 * @public
 */
export function createRenderManifestAction(options: { schemaSource?: CrdSchemaSource }) {
  return createTemplateAction({
    id: RENDER_MANIFEST_ACTION_ID,
    description: 'Renders a validated, minimal Kubernetes manifest into the workspace, once per target cluster.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        apiVersion: z => z.string().describe('apiVersion of the resource, e.g. database.example.org/v1alpha1'),
        kind: z => z.string().describe('Kind of the resource, e.g. PostgreSQLInstance'),
        name: z => z.string().describe('metadata.name (DNS-1123 subdomain)'),
        namespace: z => z.string().optional().describe('metadata.namespace; required when scope is Namespaced'),
        scope: z =>
          z
            .enum(['Namespaced', 'Cluster'])
            .optional()
            .describe('Scope of the resource; default Namespaced (or the CRD scope with schemaRef)'),
        spec: z =>
          z
            .record(z.unknown())
            .optional()
            .describe('Form values for spec; empty values are dropped, YAML text for object fields is parsed'),
        labels: z => z.record(z.string()).optional().describe('metadata.labels'),
        annotations: z => z.record(z.string()).optional().describe('metadata.annotations'),
        schemaBase64: z =>
          z
            .string()
            .optional()
            .describe(
              "The version's openAPIV3Schema as base64 of its JSON text, as generated Templates embed it: the scaffolder never evaluates text inside it",
            ),
        schema: z =>
          z
            .record(z.unknown())
            .optional()
            .describe(
              "The version's openAPIV3Schema as an object, for hand-written Templates; the scaffolder evaluates its strings, so prefer schemaBase64 for schemas from a cluster",
            ),
        schemaRef: z =>
          z
            .object({
              group: z.string().describe('API group of the CRD'),
              version: z.string().describe('Version whose schema is used'),
              kind: z.string().describe('Kind served by the CRD'),
            })
            .optional()
            .describe('Alternative to schema: read the CRD from a configured cluster'),
        clusters: z =>
          z
            .array(z.string())
            .optional()
            .describe('Target clusters; empty means one manifest without a cluster path segment'),
        layout: z =>
          z
            .enum(MANIFEST_LAYOUTS as [ManifestLayout, ...ManifestLayout[]])
            .optional()
            .describe('File layout; default cluster-namespace-kind: <cluster>/<namespace>/<kind>/<name>.yaml'),
        pathTemplate: z =>
          z
            .string()
            .optional()
            .describe(
              'With layout custom: a path with {cluster}, {namespace}, {kind}, {name} and {parameters.<key>} placeholders',
            ),
        targetPath: z => z.string().optional().describe('Workspace sub-directory to write under; default .'),
        keepDefaults: z => z.boolean().optional().describe('Keep values equal to the schema default; default false'),
        owner: z =>
          z.string().optional().describe('Entity ref of the owner, written as annotation kube-platform.io/owner'),
        templateRef: z =>
          z
            .string()
            .optional()
            .describe(
              'Entity ref of the template, written as annotation kube-platform.io/template; default the running template',
            ),
      },
      output: {
        paths: z => z.array(z.string()).describe('Workspace-relative paths of the written files'),
        manifest: z => z.string().describe('YAML of the first file'),
        manifests: z =>
          z
            .array(
              z.object({
                cluster: z.string().optional().describe('Target cluster, absent without clusters'),
                path: z.string().describe('Workspace-relative path'),
                content: z.string().describe('YAML text'),
              }),
            )
            .describe('Every written file'),
      },
    },
    async handler(ctx) {
      const input = ctx.input;
      const refusal = secretRefusal(input.apiVersion, input.kind);
      if (refusal) throw new InputError(refusal);
      const clusters = input.clusters ?? [];
      // Before anything else, and before any path is built from them. The namespace is judged once the
      // scope is known (a schemaRef may bring it), by prepareManifest, still before any path.
      const identityErrors = validateIdentity({
        apiVersion: input.apiVersion,
        kind: input.kind,
        name: input.name,
        namespace: undefined,
        namespaced: false,
      });
      if (identityErrors.length > 0) {
        throw new InputError(`Invalid resource identity:\n${formatFieldErrors(identityErrors)}`);
      }
      if (input.schemaBase64 !== undefined && input.schema !== undefined) {
        throw new InputError('Give either "schemaBase64" or "schema", not both');
      }
      let schema = input.schema as KubeSchema | undefined;
      if (input.schemaBase64 !== undefined) {
        try {
          schema = decodeSchema(input.schemaBase64) as KubeSchema;
        } catch (error) {
          throw new InputError(`Invalid schemaBase64 input: ${(error as Error).message}`);
        }
      }
      let scope = input.scope;
      if (!schema && input.schemaRef) {
        if (!options.schemaSource) {
          throw new InputError(
            'schemaRef is not available: no cluster schema source is configured; embed "schema" instead',
          );
        }
        const crd = await options.schemaSource.getSchema(input.schemaRef, clusters[0]);
        schema = crd.schema;
        scope ??= crd.scope;
      }
      if (!schema) throw new InputError('One of "schemaBase64", "schema" or "schemaRef" is required');
      const layout = input.layout ?? 'cluster-namespace-kind';
      if (layout === 'namespace-kind' && clusters.length > 1) {
        throw new InputError(
          'layout "namespace-kind" writes a single file; use "cluster-namespace-kind" or a custom pathTemplate with {cluster} for several clusters',
        );
      }
      const request = {
        apiVersion: input.apiVersion,
        kind: input.kind,
        name: input.name,
        namespace: input.namespace || undefined,
        scope: scope ?? 'Namespaced',
        spec: input.spec as JsonObject | undefined,
        labels: input.labels,
        annotations: input.annotations,
        schema,
        keepDefaults: input.keepDefaults ?? false,
      } as const;
      for (const warning of mixedEnumWarnings(schema)) ctx.logger.warn(`Schema of ${input.kind}: ${warning}`);
      const preparation = prepareManifest(request);
      for (const note of preparation.notes) ctx.logger.info(note);
      if (!preparation.ok) {
        throw new InputError(
          `Invalid values for ${input.kind} "${input.name}":\n${formatFieldErrors(preparation.errors)}`,
        );
      }
      const targetPath = input.targetPath ?? '.';
      const templateRef = input.templateRef ?? ctx.templateInfo?.entityRef;
      const manifests = (clusters.length > 0 ? clusters : [undefined]).map(cluster => {
        let path: string;
        try {
          path = manifestPath({
            layout,
            pathTemplate: input.pathTemplate,
            targetPath,
            cluster,
            namespace: request.scope === 'Namespaced' ? request.namespace : undefined,
            kind: input.kind,
            name: input.name,
            parameters: request.spec,
          });
        } catch (error) {
          if (error instanceof UnsafePathError) throw new InputError(error.message);
          throw error;
        }
        const annotations: Record<string, string> = {
          [GITOPS_ANNOTATIONS.gitopsPath]: posix.relative(posix.normalize(targetPath), path),
        };
        if (input.owner) annotations[GITOPS_ANNOTATIONS.owner] = input.owner;
        if (templateRef) annotations[GITOPS_ANNOTATIONS.template] = templateRef;
        const content = manifestToYaml(assembleManifest(preparation.prepared, annotations));
        return { ...(cluster ? { cluster } : {}), path, content };
      });
      const paths = manifests.map(m => m.path);
      if (new Set(paths).size !== paths.length) {
        throw new InputError(`Several clusters map to the same file (${paths.join(', ')}); add {cluster} to the path`);
      }
      // Dry runs write too: their workspace is a scratch directory whose files the editor shows.
      await writeWorkspaceFiles(ctx.workspacePath, manifests);
      ctx.logger.info(`Rendered ${input.kind} "${input.name}" to ${paths.join(', ')}`);
      ctx.output('paths', paths);
      ctx.output('manifest', manifests[0].content);
      ctx.output('manifests', manifests);
    },
  });
}
