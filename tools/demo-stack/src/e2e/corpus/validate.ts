/**
 * The manifest a dry-run produced, checked against its definition's schema the way the API server would:
 * structure with ajv (RE2 patterns compiled as the form compiles them), then the schema's CEL rules.
 */
import type { JsonValue } from '@backstage/types';
import { parse } from 'yaml';
// Test only: the ingestor's ajv set-up and the scaffolder module's CEL evaluation, imported by source.
/* eslint-disable @backstage/no-forbidden-package-imports, no-restricted-imports */
import { kubeAjv } from '@kube-platform/plugin-catalog-backend-module-kubernetes-ingestor/src/templates/__testUtils__/ajv';
import type { Schema } from '@kube-platform/plugin-catalog-backend-module-kubernetes-ingestor/src/templates/schema/types';
import { validateCelRules } from '@kube-platform/plugin-scaffolder-backend-module-kubernetes-gitops/src/manifest/cel';
/* eslint-enable @backstage/no-forbidden-package-imports, no-restricted-imports */

const ajv = kubeAjv();

/** Problems with `text` as a manifest of `schema`; empty when the API server would take it. */
export function manifestProblems(text: string, schema: Schema, expected: { apiVersion: string; kind: string; name: string }): string[] {
  let manifest: JsonValue;
  try {
    manifest = parse(text) as JsonValue;
  } catch (e) {
    return [`not YAML: ${(e as Error).message}`];
  }
  const problems: string[] = [];
  const object = manifest as { apiVersion?: string; kind?: string; metadata?: { name?: string } };
  if (object.apiVersion !== expected.apiVersion || object.kind !== expected.kind) {
    problems.push(`is ${object.apiVersion} ${object.kind}, not ${expected.apiVersion} ${expected.kind}`);
  }
  if (object.metadata?.name !== expected.name) problems.push(`metadata.name is ${object.metadata?.name}, not ${expected.name}`);
  const validate = ajv.compile(schema);
  if (!validate(manifest)) {
    problems.push(...(validate.errors ?? []).map(e => `${e.instancePath || '/'} ${e.message}`));
  }
  const cel = validateCelRules(manifest, schema as never, '');
  problems.push(...cel.errors.map(e => `${e.path}: ${e.message}`));
  return problems;
}
