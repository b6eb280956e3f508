/** The Template entity (scaffolder.backstage.io/v1beta3) for one definition version. */
import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import { annotationsOf, fieldNotes, lifecycleOf, ownerOf, tagsOf } from './describe';
import type { FormPlan } from './form/parameters';
import type { TemplateOptions } from './options';
import type { TemplateOutput, TemplateStep } from './steps';
import type { DefinitionVersion } from './sources';
import { caseTwinPaths } from './form/caseTwins';
import { markdownText } from './form/text';
import { withArticle } from './words';

export interface TemplateInput {
  version: DefinitionVersion;
  name: string;
  plan: FormPlan;
  steps: TemplateStep[];
  output: TemplateOutput;
  clusters: string[];
  /** Extra sentences for the description (schema differences between clusters, deprecation). */
  notes: string[];
  options: TemplateOptions;
}

function templateType(v: DefinitionVersion): string {
  if (v.role === 'claim') return 'crossplane-claim';
  if (v.role === 'composite') return 'crossplane-composite';
  return 'kubernetes-resource';
}

function summary(v: DefinitionVersion): string {
  const own = v.schema?.description?.trim();
  const what = `Creates ${withArticle(v.kind)} (${v.group}/${v.version})${v.namespaced ? '' : ', cluster-scoped'}.`;
  return own ? `${own}\n\n${what}` : what;
}

/** Typed as a plain Entity: scaffolder-common's TemplateEntityV1beta3 types `output` as strings only. */
export function templateEntity(input: TemplateInput): Entity {
  const { version: v, plan, options } = input;
  const notes = [...input.notes, ...(v.deprecationWarning ? [v.deprecationWarning] : []), ...fieldNotes(plan.records)];
  const entity: Entity = {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: {
      name: input.name,
      namespace: options.namespace,
      title: `${v.kind} ${v.version}`,
      description: markdownText([summary(v), ...notes].join('\n\n')),
      tags: tagsOf(v),
      annotations: annotationsOf(v, input.clusters),
    },
    spec: {
      type: templateType(v),
      owner: ownerOf(v, options),
      lifecycle: lifecycleOf(v, options),
      parameters: plan.pages as JsonObject[],
      steps: input.steps,
      output: input.output,
    },
  };
  // The form already dropped its own twins (form/caseTwins.ts), so its pages are not walked again. Any elsewhere
  // (e.g. two spec fields bound at the top level of the render step) would make the catalog refuse the entity
  // without a word to the platform team, so the definition is reported instead.
  const twins = caseTwinPaths({ ...entity, spec: { ...entity.spec, parameters: [] } });
  if (twins.length) {
    throw new Error(`the Template would hold keys that differ only in letter case, which the catalog cannot store: ${twins.slice(0, 3).map(t => JSON.stringify(t)).join(', ')}`);
  }
  return entity;
}
