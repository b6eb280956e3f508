/** All pages of a Template's form, and the bindings that put their values back into the spec. */
import type { DefinitionVersion } from '../sources';
import type { FormOptions, PublishOptions } from '../options';
import { titleFromKey } from '../names';
import { crossplaneSpecProperties } from '../schema/crossplane';
import { userSpecSchema } from '../schema/normalise';
import type { Schema } from '../schema/types';
import { advancedPage } from './advanced';
import type { SpecBinding } from './bindings';
import { gitopsPage, type GitopsInputs } from './gitops';
import { KeyAllocator } from './keys';
import { layoutSpec } from './layout';
import { metadataPage } from './metadata';
import { needsOptIn, optInDependency, optInToggle, toggleSegment } from './optIn';
import { labelForReview } from './review';
import { descriptionsAsText } from './text';
import type { FieldRecord, FormSchema } from './types';
import { unionKeys } from './choice';

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
  const spec = userSpecSchema(version);
  const added = Object.keys(crossplaneSpecProperties(version));
  const replaced = added.filter(key => spec.properties?.[key] !== undefined);
  if (!replaced.length || !spec.properties) return { spec, replaced };
  const properties = Object.fromEntries(Object.entries(spec.properties).filter(([key]) => !replaced.includes(key)));
  return { spec: { ...spec, properties, required: spec.required?.filter(r => !replaced.includes(r)) }, replaced };
}

export function buildForm({ version, compositions, clusters, form, publish }: FormInput): FormPlan {
  const keys = new KeyAllocator();
  const { spec, replaced } = withoutCrossplaneFields(version);
  const layout = layoutSpec(spec, keys, form, `${titleFromKey(version.kind)} settings`);
  layout.records.push(...replaced.map(key => ({ path: [key], mode: 'hidden' as const, reason: "replaced by Crossplane's own field" })));
  const pages: FormSchema[] = [metadataPage(version)];
  const bindings: SpecBinding[] = [];
  for (const section of layout.sections) {
    const properties: Record<string, FormSchema> = {};
    const required: string[] = [];
    const dependencies: Record<string, FormSchema> = {};
    // Fields a page-level union names must stay plain fields, or the union could never be met.
    const named = new Set(section.unions ? unionKeys(section.unions) : []);
    const order: string[] = [];
    for (const field of section.fields) {
      if (!field.required && field.path.length > 0 && !named.has(field.key) && needsOptIn(field.form)) {
        const toggle = keys.allocate([...field.path.slice(0, -1), toggleSegment(field.path)]);
        properties[toggle] = optInToggle(field.form);
        dependencies[toggle] = optInDependency(toggle, field.key, field.form);
        bindings.push({ path: field.path, key: field.key, when: toggle });
        order.push(toggle, field.key);
        continue;
      }
      properties[field.key] = field.form;
      if (field.required) required.push(field.key);
      bindings.push({ path: field.path, key: field.key });
      order.push(field.key);
    }
    const page: FormSchema = { title: section.title, type: 'object', properties };
    if (section.description) page.description = section.description;
    if (required.length) page.required = required;
    if (Object.keys(dependencies).length) {
      page.dependencies = dependencies;
      // A shown section would otherwise be appended at the page's end, far from its checkbox.
      page['ui:order'] = [...order, '*'];
    }
    Object.assign(page, section.unions);
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
  return { pages, bindings, gitops: gitops.inputs, records: layout.records, warnings: layout.warnings };
}
