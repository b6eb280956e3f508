/**
 * The Templates the ingestor generates from every CRD and XRD of `../shared/corpus`, written as a catalog
 * file location for the demo backend, each with the values a user filling only the required fields would
 * give (generated from the form's schema by the ingestor's own test filler).
 */
import type { Entity } from '@backstage/catalog-model';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { repoRoot } from '../../paths';
// Test only: the ingestor's converter and its test helpers, imported by source.
/* eslint-disable @backstage/no-forbidden-package-imports, no-restricted-imports */
import {
  convertLocatedDefinitions,
  planTemplates,
  type PlannedTemplate,
} from '@kube-platform/plugin-catalog-backend-module-kubernetes-ingestor/src/templates/convert';
import { resolveTemplateOptions } from '@kube-platform/plugin-catalog-backend-module-kubernetes-ingestor/src/templates/options';
import { userSpecSchema } from '@kube-platform/plugin-catalog-backend-module-kubernetes-ingestor/src/templates/schema/normalise';
import { readCorpus } from '@kube-platform/plugin-catalog-backend-module-kubernetes-ingestor/src/templates/__testUtils__/corpus';
import { fillForm } from '@kube-platform/plugin-catalog-backend-module-kubernetes-ingestor/src/templates/__testUtils__/fill';
/* eslint-enable @backstage/no-forbidden-package-imports, no-restricted-imports */

/** The catalog namespace of the corpus Templates: apart from the demo's own. */
export const CORPUS_NAMESPACE = 'corpus';
/** The cluster the definitions are said to come from, so the GitOps page is the one an ingested definition gets. */
const CLUSTER = 'demo';

export interface CorpusTemplate {
  name: string;
  entity: Entity;
  planned: PlannedTemplate;
  /** Every page's values: required fields generated from the schema, plus defaults. */
  values: Record<string, unknown>;
}

export interface CorpusCatalog {
  templates: CorpusTemplate[];
  /** The backend config file that adds them (and keeps the demo's users and groups). */
  configFile: string;
}

/** Generates the Templates into `dir` and returns them with the config file that serves them. */
export async function writeCorpusCatalog(dir: string, gitopsRemote: string): Promise<CorpusCatalog> {
  const inputs = readCorpus().inputs.map(input => ({ ...input, cluster: CLUSTER }));
  const options = resolveTemplateOptions({
    namespace: CORPUS_NAMESPACE,
    owner: 'group:default/platform',
    selection: { crds: { ingestAll: true }, xrds: { composites: true } },
    publish: { target: 'git-push', repoUrl: gitopsRemote, targetBranch: 'main' },
  });
  const { planned } = planTemplates(inputs, options);
  const result = await convertLocatedDefinitions(inputs, options, { typesGenerator: null });
  const entities = new Map(result.entities.filter(e => e.kind === 'Template').map(e => [e.metadata.name, e]));

  const templates = planned.map(p => {
    const entity = entities.get(p.name);
    if (!entity) throw new Error(`${p.name}: planned but not generated`);
    return { name: p.name, entity, planned: p, values: fillForm(p.plan.pages, p.plan.records, userSpecSchema(p.group.version)) };
  });

  const entitiesFile = join(dir, 'corpus-templates.yaml');
  writeFileSync(entitiesFile, templates.map(t => stringify(t.entity, { lineWidth: 0 })).join('---\n'));
  const configFile = join(dir, 'app-config.corpus.yaml');
  // Arrays replace rather than merge across config files: the demo's org location is repeated.
  const config = {
    catalog: {
      locations: [
        { type: 'file', target: join(repoRoot, 'examples/org.yaml'), rules: [{ allow: ['User', 'Group'] }] },
        { type: 'file', target: entitiesFile, rules: [{ allow: ['Template'] }] },
      ],
    },
  };
  writeFileSync(configFile, stringify(config));
  return { templates, configFile };
}
