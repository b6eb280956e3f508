/**
 * The API entity for one definition version: `spec.type: openapi`, so Backstage's API docs render it
 * (schema browser included) without a custom widget. The definition is a small OpenAPI 3.0 document
 * with the create/read paths the API server serves and the readable schema as its one component;
 * the TypeScript types sit in its description as a code block a developer can copy.
 */
import { createHash } from 'node:crypto';
import type { Entity } from '@backstage/catalog-model';
import { stringify } from 'yaml';
import { annotationsOf, lifecycleOf, ownerOf, tagsOf } from './describe';
import type { TemplateOptions } from './options';
import type { Schema } from './schema/types';
import type { DefinitionVersion } from './sources';
import { withArticle } from './words';

export interface ApiInput {
  version: DefinitionVersion;
  name: string;
  /** The schema without status and managedFields. */
  schema: Schema;
  /** TypeScript source, when generated. */
  types?: string;
  clusters: string[];
  notes: string[];
  options: TemplateOptions;
}

function collectionPath(v: DefinitionVersion): string {
  return v.namespaced ? `/apis/${v.group}/${v.version}/namespaces/{namespace}/${v.plural}` : `/apis/${v.group}/${v.version}/${v.plural}`;
}

function pathParameters(v: DefinitionVersion, withName: boolean): object[] {
  const param = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
  return [...(v.namespaced ? [param('namespace')] : []), ...(withName ? [param('name')] : [])];
}

/** The OpenAPI document, as data. */
export function openApiDocument(input: ApiInput): Record<string, unknown> {
  const { version: v } = input;
  const ref = { $ref: `#/components/schemas/${v.kind}` };
  const body = { content: { 'application/json': { schema: ref }, 'application/yaml': { schema: ref } } };
  const description = [
    input.schema.description?.trim(),
    `Kubernetes resource \`${v.kind}\` (\`apiVersion: ${v.group}/${v.version}\`), ${v.namespaced ? 'namespaced' : 'cluster-scoped'}, defined by ${v.definition.kind} \`${v.definition.name}\`.`,
    ...input.notes,
    input.types ? `## TypeScript\n\n\`\`\`ts\n${input.types.trimEnd()}\n\`\`\`` : undefined,
  ].filter((s): s is string => !!s);
  return {
    openapi: '3.0.3',
    info: { title: `${v.kind} ${v.version}`, version: v.version, description: description.join('\n\n') },
    paths: {
      [collectionPath(v)]: {
        parameters: pathParameters(v, false),
        post: { summary: `Create ${withArticle(v.kind)}`, operationId: `create${v.kind}`, requestBody: { required: true, ...body }, responses: { '201': { description: 'Created', ...body } } },
      },
      [`${collectionPath(v)}/{name}`]: {
        parameters: pathParameters(v, true),
        get: { summary: `Read ${withArticle(v.kind)}`, operationId: `read${v.kind}`, responses: { '200': { description: 'OK', ...body } } },
      },
    },
    components: { schemas: { [v.kind]: input.schema } },
  };
}

/**
 * Above this size (as JSON) the definition is written as indented JSON, which is YAML too: the `yaml`
 * library needs seconds for the few megabyte-sized CRDs, and nobody reads those line by line.
 */
const YAML_DEFINITION_LIMIT = 64_000;

/**
 * YAML definitions already written, by a hash of their document: a provider converts the same unchanged
 * definitions every cycle, and the `yaml` library is most of an API entity's cost. Bounded, oldest out.
 */
const writtenYaml = new Map<string, string>();
const WRITTEN_YAML_ENTRIES = 500;

/**
 * JSON that tells apart what YAML writes differently and plain JSON would not (`.inf`, `.nan` and `-0`
 * become null or 0 in JSON; undefined array items null), so two documents share a key only when they
 * are written the same.
 */
function documentKey(document: Record<string, unknown>): string {
  const json = JSON.stringify(document, (_key, value: unknown) => {
    if (value === undefined) return '\u0000undefined';
    if (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0))) return `\u0000${Object.is(value, -0) ? '-0' : String(value)}`;
    return value;
  });
  return createHash('sha256').update(json).digest('base64');
}

function serialise(document: Record<string, unknown>): string {
  const json = JSON.stringify(document, null, 2);
  if (json.length > YAML_DEFINITION_LIMIT) return `${json}\n`;
  const key = documentKey(document);
  const written = writtenYaml.get(key);
  if (written !== undefined) return written;
  // No anchors: shared nodes are written out in full, as a reader expects.
  const text = stringify(document, { lineWidth: 0, aliasDuplicateObjects: false });
  if (writtenYaml.size >= WRITTEN_YAML_ENTRIES) writtenYaml.delete(writtenYaml.keys().next().value as string);
  writtenYaml.set(key, text);
  return text;
}

export function apiEntity(input: ApiInput): Entity {
  const { version: v, options } = input;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: {
      name: input.name,
      namespace: options.namespace,
      title: `${v.kind} ${v.version}`,
      description: input.schema.description?.trim() || `The ${v.kind} Kubernetes API (${v.group}/${v.version}).`,
      tags: tagsOf(v),
      annotations: annotationsOf(v, input.clusters),
    },
    spec: {
      type: 'openapi',
      lifecycle: lifecycleOf(v, options),
      owner: ownerOf(v, options),
      definition: serialise(openApiDocument(input)),
    },
  };
}
