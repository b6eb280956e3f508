/**
 * The entry point: Kubernetes objects in, Template and API entities out. One bad definition is
 * reported and skipped; it never stops the others.
 */
import type { Entity } from '@backstage/catalog-model';
import type { KubeObject } from '../types';
import { apiEntity } from './api';
import { buildForm, type FormPlan } from './form/parameters';
import { groupVersions, type LocatedVersion, type VersionGroup } from './merge';
import { definitionEntityName } from './names';
import type { TemplateOptions } from './options';
import { compositionsFor } from './schema/crossplane';
import { manifestSchema, readableSchema } from './schema/normalise';
import type { Schema } from './schema/types';
import { definitionVersions, isDefinition, isSelected } from './sources';
import { buildSteps } from './steps';
import { templateEntity } from './template';
import { generateTypes, typeNameFor, type TypesGenerator } from './typescript';

/** An object with where it came from. */
export interface LocatedObject {
  object: KubeObject;
  /** A file name, or anything that tells a reader where to look; defaults to `<cluster>: <kind> <name>`. */
  source?: string;
  /** The cluster it was read from, if any. */
  cluster?: string;
}

export interface ConversionProblem {
  source: string;
  message: string;
}

export interface ConversionResult {
  /** Templates and APIs, sorted by kind and name. */
  entities: Entity[];
  /** Definitions that produced nothing. */
  errors: ConversionProblem[];
  /** Definitions that produced entities with something missing (e.g. no TypeScript types). */
  warnings: ConversionProblem[];
}

export interface ConvertDependencies {
  /** Defaults to json-schema-to-typescript; `null` leaves the types out. */
  typesGenerator?: TypesGenerator | null;
}

function sourceOf(item: LocatedObject): string {
  if (item.source) return item.source;
  const what = `${item.object.kind ?? 'object'} ${item.object.metadata.name ?? '(unnamed)'}`;
  return item.cluster ? `${item.cluster}: ${what}` : what;
}

/** Converts objects that carry no origin (e.g. read from one place). */
export function convertDefinitions(objects: KubeObject[], options: TemplateOptions, deps: ConvertDependencies = {}): Promise<ConversionResult> {
  return convertLocatedDefinitions(objects.map(object => ({ object })), options, deps);
}

/** One Template to build: the definition version (merged across sources), its entity name and form. */
export interface PlannedTemplate {
  group: VersionGroup;
  name: string;
  plan: FormPlan;
  /** The whole-object schema the render step embeds. */
  schema: Schema;
}

/**
 * Selection, version choice and merging: which Templates and APIs there will be, and their names.
 * Cheap (no forms), so the workload provider can name the API a claim consumes the same way.
 */
export function groupDefinitions(inputs: LocatedObject[], options: TemplateOptions): { groups: Array<{ group: VersionGroup; name: string }>; errors: ConversionProblem[] } {
  const errors: ConversionProblem[] = [];
  const located: LocatedVersion[] = [];
  for (const item of inputs) {
    if (!isDefinition(item.object) || !isSelected(item.object, options.selection)) continue;
    try {
      for (const version of definitionVersions(item.object, options.selection)) located.push({ version, source: sourceOf(item), cluster: item.cluster });
    } catch (e) {
      errors.push({ source: sourceOf(item), message: (e as Error).message });
    }
  }
  const groups = groupVersions(located).map(group => {
    const v = group.version;
    return { group, name: definitionEntityName(v.plural, v.group, v.version, group.discriminator) };
  });
  return { groups, errors };
}

/** Everything before entities are written: {@link groupDefinitions}, then each Template's form. */
export function planTemplates(inputs: LocatedObject[], options: TemplateOptions): { planned: PlannedTemplate[]; errors: ConversionProblem[] } {
  const { groups, errors } = groupDefinitions(inputs, options);
  const objects = inputs.map(i => i.object);
  const planned: PlannedTemplate[] = [];
  for (const { group, name } of groups) {
    const v = group.version;
    try {
      const plan = buildForm({ version: v, compositions: compositionsFor(v, objects), clusters: group.clusters, form: options.form, publish: options.publish });
      planned.push({ group, name, plan, schema: manifestSchema(v) });
    } catch (e) {
      errors.push({ source: group.sources.join(', '), message: `${v.definition.name} ${v.version}: ${(e as Error).message}` });
    }
  }
  return { planned, errors };
}

function templateFor({ group, name, plan, schema }: PlannedTemplate, options: TemplateOptions): Entity {
  const v = group.version;
  const templateRef = `template:${options.namespace}/${name}`;
  const { steps, output } = buildSteps({ version: v, bindings: plan.bindings, gitops: plan.gitops, schema, templateRef, publish: options.publish });
  return templateEntity({ version: v, name, plan, steps, output, clusters: group.clusters, notes: group.notes, options });
}

/** Converts objects read from files or clusters; Compositions among them become composition choices. */
export async function convertLocatedDefinitions(
  inputs: LocatedObject[],
  options: TemplateOptions,
  deps: ConvertDependencies = {},
): Promise<ConversionResult> {
  const generator = deps.typesGenerator === undefined ? generateTypes : deps.typesGenerator;
  const { planned, errors } = planTemplates(inputs, options);
  const warnings: ConversionProblem[] = [];
  const entities: Entity[] = [];
  for (const item of planned) {
    const { group, name } = item;
    const v = group.version;
    const source = group.sources.join(', ');
    for (const message of item.plan.warnings) warnings.push({ source, message: `${v.definition.name} ${v.version}: ${message}` });
    try {
      const template = templateFor(item, options);
      const schema = readableSchema(v);
      let types: string | undefined;
      if (generator) {
        try {
          types = await generator(schema, typeNameFor(v.kind, v.version));
        } catch (e) {
          warnings.push({ source, message: `${v.definition.name} ${v.version}: TypeScript types not generated: ${(e as Error).message}` });
        }
      }
      entities.push(template, apiEntity({ version: v, name, schema, types, clusters: group.clusters, notes: group.notes, options }));
    } catch (e) {
      errors.push({ source, message: `${v.definition.name} ${v.version}: ${(e as Error).message}` });
    }
  }
  entities.sort((a, b) => a.kind.localeCompare(b.kind) || a.metadata.name.localeCompare(b.metadata.name));
  return { entities, errors, warnings };
}
