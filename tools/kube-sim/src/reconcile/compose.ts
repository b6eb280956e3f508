import type { KubeObject } from '../types';
import { applyPatches } from './patches';

type Json = Record<string, unknown>;

export interface ComposeContext {
  /** A random name suffix, as Crossplane's generateName gives (`-x7k2p`). */
  suffix(): string;
  /** Whether a kind is namespaced; undefined when the cluster does not serve it. */
  isNamespaced(apiVersion: string, kind: string): boolean | undefined;
}

export interface ComposedResource {
  /** The Composition's name for it (`crossplane.io/composition-resource-name`). */
  templateName: string;
  object: KubeObject;
}

/**
 * The resources a Composition in Pipeline mode makes for a composite, from the function-patch-and-transform
 * steps' resource templates: base + patches, named `<composite>-<suffix>`, labelled and owned like
 * Crossplane's. Other functions (auto-ready, CEL filters) change nothing here. Kinds the cluster does not
 * serve are left out.
 */
export function composeResources(composite: KubeObject, composition: KubeObject, ctx: ComposeContext): ComposedResource[] {
  const pipeline = Array.isArray((composition.spec as Json | undefined)?.pipeline) ? ((composition.spec as Json).pipeline as Json[]) : [];
  const out: ComposedResource[] = [];
  for (const step of pipeline) {
    const input = (step.input ?? {}) as Json;
    if (input.kind !== 'Resources') continue;
    const patchSets = new Map<string, Json[]>(
      (Array.isArray(input.patchSets) ? (input.patchSets as Json[]) : []).map(ps => [String(ps.name), (ps.patches as Json[]) ?? []]),
    );
    for (const template of Array.isArray(input.resources) ? (input.resources as Json[]) : []) {
      const base = structuredClone((template.base ?? {}) as Json);
      const apiVersion = String(base.apiVersion ?? '');
      const kind = String(base.kind ?? '');
      const namespaced = ctx.isNamespaced(apiVersion, kind);
      if (namespaced === undefined) continue;
      applyPatches(composite, base, Array.isArray(template.patches) ? (template.patches as Json[]) : [], patchSets);
      out.push({ templateName: String(template.name), object: decorate(base, composite, String(template.name), namespaced, ctx) });
    }
  }
  return out;
}

function decorate(base: Json, composite: KubeObject, templateName: string, namespaced: boolean, ctx: ComposeContext): KubeObject {
  const meta = (base.metadata ?? {}) as Json;
  const xrLabels = composite.metadata.labels ?? {};
  const labels: Record<string, string> = { ...((meta.labels as Record<string, string>) ?? {}), 'crossplane.io/composite': String(composite.metadata.name) };
  for (const key of ['crossplane.io/claim-name', 'crossplane.io/claim-namespace']) {
    if (xrLabels[key]) labels[key] = xrLabels[key];
  }
  return {
    ...base,
    metadata: {
      ...meta,
      name: typeof meta.name === 'string' ? meta.name : `${composite.metadata.name}-${ctx.suffix()}`,
      ...(namespaced && composite.metadata.namespace ? { namespace: composite.metadata.namespace } : {}),
      labels,
      annotations: { ...((meta.annotations as Record<string, string>) ?? {}), 'crossplane.io/composition-resource-name': templateName },
      ownerReferences: [
        { apiVersion: composite.apiVersion, kind: composite.kind, name: composite.metadata.name, uid: composite.metadata.uid, controller: true, blockOwnerDeletion: true },
      ],
    },
  } as KubeObject;
}
