/** All pages of a Template's form, and the bindings that put their values back into the spec. */
import { withRuleRequiredFields } from '@kube-platform/plugin-kubernetes-common';
import type { DefinitionVersion } from '../sources';
import type { FormOptions, PublishOptions } from '../options';
import { titleFromKey } from '../names';
import { crossplaneSpecProperties } from '../schema/crossplane';
import { userSpecSchema } from '../schema/normalise';
import type { Schema } from '../schema/types';
import { advancedPage } from './advanced';
import { withoutCaseTwins } from './caseTwins';
import type { SpecBinding } from './bindings';
import { gitopsPage, type GitopsInputs } from './gitops';
import { KeyAllocator } from './keys';
import { layoutSpec } from './layout';
import { splitLongSection } from './longSections';
import { metadataPage } from './metadata';
import { sectionPage } from './sectionPage';
import { labelForReview } from './review';
import { descriptionsAsText } from './text';
import type { FieldRecord, FormSchema } from './types';

export interface FormPlan {
  /** The Template's `spec.parameters`: one JSON Schema per page. */
  pages: FormSchema[];
  bindings: SpecBinding[];
  gitops: GitopsInputs;
  /** Where every source property went. */
  records: FieldRecord[];
  /** What the form left out of the source schema because no value could satisfy it. */
  warnings: string[];
}

export interface FormInput {
  version: DefinitionVersion;
  compositions: string[];
  clusters: string[];
  form: FormOptions;
  publish: PublishOptions;
}

/** Crossplane writes its own fields over same-named user fields, so the form must not offer the user's. */
function withoutCrossplaneFields(version: DefinitionVersion): { spec: Schema; replaced: string[] } {
  const spec = withRuleRequiredFields(userSpecSchema(version));
  const added = Object.keys(crossplaneSpecProperties(version));
  const replaced = added.filter(key => spec.properties?.[key] !== undefined);
  if (!replaced.length || !spec.properties) return { spec, replaced };
  const properties = Object.fromEntries(Object.entries(spec.properties).filter(([key]) => !replaced.includes(key)));
  return { spec: { ...spec, properties, required: spec.required?.filter(r => !replaced.includes(r)) }, replaced };
}

/** One warning for the fields left out as case twins, by name and count (a name recurs in every list that holds it). */
function caseTwinWarning(dropped: string[]): string[] {
  if (!dropped.length) return [];
  const counts = new Map<string, number>();
  for (const at of dropped) {
    const name = at.slice(at.lastIndexOf('.') + 1);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  // Field names come from a cluster's schema: quoted, so no character in one can pass for log text.
  const names = [...counts].map(([name, n]) => (n > 1 ? `${JSON.stringify(name)} (in ${n} places)` : JSON.stringify(name)));
  return [`left out of the form: ${names.join(', ')}; each name differs from another field's only in letter case, and the catalog cannot store both`];
}

export function buildForm({ version, compositions, clusters, form, publish }: FormInput): FormPlan {
  const keys = new KeyAllocator();
  const { spec, replaced } = withoutCrossplaneFields(version);
  const layout = layoutSpec(spec, keys, form, `${titleFromKey(version.kind)} settings`);
  layout.records.push(...replaced.map(key => ({ path: [key], mode: 'hidden' as const, reason: "replaced by Crossplane's own field" })));
  const pages: FormSchema[] = [metadataPage(version)];
  const bindings: SpecBinding[] = [];
  for (const section of layout.sections.flatMap(splitLongSection)) {
    const { page, bindings: pageBindings } = sectionPage(section, keys);
    bindings.push(...pageBindings);
    pages.push(page);
  }
  // A spec edited whole as YAML already holds Crossplane's fields; binding them too would clash.
  const wholeSpec = bindings.some(b => b.path.length === 0);
  const advanced = advancedPage(version, wholeSpec ? [] : compositions, layout.advanced);
  if (advanced.page && !wholeSpec) pages.push(advanced.page);
  if (!wholeSpec) bindings.push(...advanced.bindings);
  const gitops = gitopsPage(publish, clusters);
  if (gitops.page) pages.push(gitops.page);
  labelForReview(pages);
  descriptionsAsText(pages);
  const twins = withoutCaseTwins(pages);
  const warnings = [...layout.warnings, ...caseTwinWarning(twins.dropped)];
  return { pages: twins.pages, bindings, gitops: gitops.inputs, records: layout.records, warnings };
}
