/** Test helper: small definitions built in code, one construct at a time. */
import type { KubeObject } from '../../types';
import { resolveTemplateOptions, type TemplateOptionsInput } from '../options';
import type { Schema } from '../schema/types';
import { definitionVersions, type DefinitionVersion } from '../sources';

/** A v1 XRD (LegacyCluster) with a claim unless `claim: false`; `spec` is the spec schema. */
export function xrd(spec: Schema, extra: { claim?: boolean; apiVersion?: string; scope?: string; name?: string } = {}): KubeObject {
  const plural = extra.name ?? 'xdatabases';
  return {
    apiVersion: extra.apiVersion ?? 'apiextensions.crossplane.io/v1',
    kind: 'CompositeResourceDefinition',
    metadata: { name: `${plural}.example.org` },
    spec: {
      group: 'example.org',
      names: { kind: 'XDatabase', plural },
      ...(extra.claim === false ? {} : { claimNames: { kind: 'Database', plural: 'databases' } }),
      ...(extra.scope ? { scope: extra.scope } : {}),
      versions: [{ name: 'v1alpha1', served: true, referenceable: true, ...(spec ? { schema: { openAPIV3Schema: { type: 'object', properties: { spec } } } } : {}) }],
    },
  };
}

/** A namespaced CRD with one served storage version. */
export function crd(spec: Schema, extra: { group?: string; labels?: Record<string, string> } = {}): KubeObject {
  const group = extra.group ?? 'widgets.example.com';
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `widgets.${group}`, ...(extra.labels ? { labels: extra.labels } : {}) },
    spec: {
      group,
      names: { kind: 'Widget', plural: 'widgets' },
      scope: 'Namespaced',
      versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec, status: { type: 'object' } } } } }],
    },
  };
}

export function options(input: TemplateOptionsInput = {}) {
  return resolveTemplateOptions({ ...input, selection: { crds: { ingestAll: true }, ...input.selection } });
}

/** The single version a fixture yields. */
export function versionOf(obj: KubeObject, input: TemplateOptionsInput = {}): DefinitionVersion {
  const [v] = definitionVersions(obj, options(input).selection);
  return v;
}
