/**
 * From a published openAPIV3Schema to the schema of what a user writes: no status (the controller's),
 * no managedFields (the API server's), and, for XRD-derived kinds, Crossplane's own spec fields added
 * the way Crossplane adds them to the generated CRD.
 */
import type { DefinitionVersion } from '../sources';
import { crossplaneSpecProperties } from './crossplane';
import type { Schema } from './types';

/** A spec whose schema says nothing: kept whole, edited as YAML. */
const FREE_FORM_SPEC: Schema = { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };

/*
 * Source schemas are treated as immutable and shared, never deep-copied: the largest published CRDs
 * are megabytes, and copying them dominated conversion time. Only the nodes that change are new.
 */

/** The user's spec schema; a definition without a schema gets a free-form spec. */
export function userSpecSchema(v: DefinitionVersion): Schema {
  return v.schema?.properties?.spec ?? FREE_FORM_SPEC;
}

function withoutManagedFields(metadata: Schema | undefined): Schema {
  if (!metadata) return { type: 'object' };
  if (!metadata.properties?.managedFields) return metadata;
  const { managedFields: _dropped, ...properties } = metadata.properties;
  return { ...metadata, properties };
}

/**
 * The whole-object schema a Template embeds for the render action and that tests validate manifests
 * against: apiVersion, kind, metadata and spec (with Crossplane's fields), without status.
 */
export function manifestSchema(v: DefinitionVersion): Schema {
  const source = v.schema ?? {};
  const spec: Schema = { ...userSpecSchema(v) };
  const added = crossplaneSpecProperties(v);
  if (Object.keys(added).length > 0 && spec.type === 'object') {
    // Crossplane writes its fields over same-named user fields, so they are spread last.
    spec.properties = { ...spec.properties, ...added };
  }
  const root: Schema = { type: 'object' };
  if (source.description) root.description = source.description;
  if (source['x-kubernetes-validations']) root['x-kubernetes-validations'] = source['x-kubernetes-validations'];
  const required = (source.required ?? []).filter(r => r !== 'status');
  if (v.role !== 'resource' && !required.includes('spec')) required.push('spec');
  if (required.length) root.required = required;
  root.properties = {
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    metadata: withoutManagedFields(source.properties?.metadata),
    spec,
  };
  return root;
}

/**
 * The schema an API entity shows: the published one without status and managedFields, every other
 * keyword (x-kubernetes-*, nullable, x-ui-*) kept so readers see what the API server enforces.
 */
export function readableSchema(v: DefinitionVersion): Schema {
  const source = v.schema ?? { type: 'object', properties: { spec: FREE_FORM_SPEC } };
  const root: Schema = { ...source };
  if (source.properties) {
    const { status: _status, ...properties } = source.properties;
    if (properties.metadata) properties.metadata = withoutManagedFields(properties.metadata);
    root.properties = properties;
  }
  if (source.required) root.required = source.required.filter(r => r !== 'status');
  return root;
}
