import { readFileSync } from 'node:fs';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { KubeSchema } from '../manifest';

/** The repository's demo cluster manifests. */
export const EXAMPLES_CLUSTER_DIR = resolvePackagePath(
  '@kube-platform/plugin-scaffolder-backend-module-kubernetes-gitops',
  '../../examples/cluster',
);

interface Xrd {
  metadata: { name: string };
  spec: { versions: Array<{ name: string; schema: { openAPIV3Schema: KubeSchema } }> };
}

/** The `openAPIV3Schema` of a demo XRD version, as a template would embed it. */
export function demoXrdSchema(name = 'xpostgresqlinstances.database.example.org', version = 'v1alpha1'): KubeSchema {
  const text = readFileSync(join(EXAMPLES_CLUSTER_DIR, '20-xrds.yaml'), 'utf8');
  const xrd = parseAllDocuments(text)
    .map(doc => doc.toJS() as Xrd)
    .find(doc => doc?.metadata?.name === name);
  const found = xrd?.spec.versions.find(v => v.name === version);
  if (!found) throw new Error(`demo XRD ${name} ${version} not found`);
  return found.schema.openAPIV3Schema;
}
