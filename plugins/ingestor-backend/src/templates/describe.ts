/** Entity metadata shared by a definition's Template and API: owner, lifecycle, tags, annotations. */
import { ENTITY_ANNOTATIONS, SOURCE_ANNOTATION_SUFFIXES } from '../annotations';
import type { FieldRecord } from './form/types';
import type { TemplateOptions } from './options';
import type { DefinitionVersion } from './sources';

/** Annotations only generated Templates and APIs carry. */
export const TEMPLATE_ANNOTATIONS = {
  /** The CRD or XRD the entity was generated from. */
  definition: 'kube-platform.io/definition',
  /** Comma separated clusters the definition was found in. */
  clusters: 'kube-platform.io/clusters',
} as const;

export function ownerOf(v: DefinitionVersion, options: TemplateOptions): string {
  return v.annotations[`${options.selection.annotationPrefix}/${SOURCE_ANNOTATION_SUFFIXES.owner}`] || options.owner;
}

export function lifecycleOf(v: DefinitionVersion, options: TemplateOptions): string {
  const annotated = v.annotations[`${options.selection.annotationPrefix}/${SOURCE_ANNOTATION_SUFFIXES.lifecycle}`];
  return annotated || (v.deprecated ? 'deprecated' : options.lifecycle);
}

export function tagsOf(v: DefinitionVersion): string[] {
  const tags = ['kubernetes', v.role === 'resource' ? 'crd' : 'crossplane'];
  if (v.role !== 'resource') tags.push(v.role);
  if (v.deprecated) tags.push('deprecated');
  return tags;
}

export function annotationsOf(v: DefinitionVersion, clusters: string[]): Record<string, string> {
  const annotations: Record<string, string> = {
    [ENTITY_ANNOTATIONS.apiVersion]: `${v.group}/${v.version}`,
    [ENTITY_ANNOTATIONS.kind]: v.kind,
    [TEMPLATE_ANNOTATIONS.definition]: v.definition.name,
  };
  if (v.definition.kind === 'CompositeResourceDefinition') annotations[ENTITY_ANNOTATIONS.xrd] = v.definition.name;
  if (clusters.length) annotations[TEMPLATE_ANNOTATIONS.clusters] = clusters.join(',');
  return annotations;
}

/** `spec.a.b`, `spec.list[].c`, `spec.map.*` */
export function fieldPath(path: string[]): string {
  return ['spec', ...path].join('.').replace(/\.\[\]/g, '[]');
}

/**
 * The sentences about fields not shown as plain form fields, so none is dropped silently: hidden
 * ones by path (they are nowhere in the form), YAML ones only counted, once (each field says so
 * itself, and the description is repeated above every page).
 */
export function fieldNotes(records: FieldRecord[]): string[] {
  const yaml = records.filter(r => r.mode === 'yaml').length;
  const notes: string[] = [];
  if (yaml) notes.push(`${yaml === 1 ? 'One field is' : `${yaml} fields are`} entered as YAML.`);
  const hidden = new Map<string, string[]>();
  for (const r of records.filter(x => x.mode === 'hidden')) {
    const reason = r.reason ?? 'hidden';
    hidden.set(reason, [...(hidden.get(reason) ?? []), fieldPath(r.path)]);
  }
  for (const [reason, paths] of hidden) notes.push(`Not in the form (${reason}): ${paths.join(', ')}.`);
  return notes;
}
