/** Helpers shared by the crossplane tests. */
import type { KubeObject } from '../types';
import { isCrd, type CustomResourceDefinition } from './crdTypes';
import { isRecord, type JSONSchemaProps } from './jsonSchema';
import { crdsForXrd } from './xrdToCrds';

/** crdsForXrd, with each result narrowed to a CRD (failing if one is not). */
export function renderCrds(xrd: KubeObject): CustomResourceDefinition[] {
  return crdsForXrd(xrd).map(obj => {
    if (!isCrd(obj)) throw new Error(`not a CRD: ${JSON.stringify(obj).slice(0, 200)}`);
    return obj;
  });
}

export function storageVersion(crd: CustomResourceDefinition) {
  const storage = crd.spec.versions.filter(v => v.storage);
  if (storage.length !== 1) throw new Error(`${crd.metadata.name}: ${storage.length} storage versions`);
  return storage[0];
}

export function rootSchema(crd: CustomResourceDefinition, version?: string): JSONSchemaProps {
  const v = version ? crd.spec.versions.find(x => x.name === version) : storageVersion(crd);
  if (!v) throw new Error(`${crd.metadata.name}: no version ${version}`);
  return v.schema.openAPIV3Schema;
}

/** spec.properties (or status.properties) of a version's schema. */
export function props(crd: CustomResourceDefinition, part: 'spec' | 'status', version?: string): Record<string, JSONSchemaProps> {
  return rootSchema(crd, version).properties?.[part]?.properties ?? {};
}

/** What a schema says at each property path (`.a.b`, `[]` for items): its type and required list. */
export function schemaOutline(schema: unknown, prefix = ''): Map<string, { type?: unknown; required?: unknown }> {
  const out = new Map<string, { type?: unknown; required?: unknown }>();
  const walk = (node: unknown, path: string) => {
    if (!isRecord(node)) return;
    const required = Array.isArray(node.required) && node.required.length ? [...node.required] : undefined;
    out.set(path, { type: node.type, required });
    if (isRecord(node.properties)) {
      for (const [key, child] of Object.entries(node.properties)) walk(child, `${path}.${key}`);
    }
    if (isRecord(node.items)) walk(node.items, `${path}[]`);
  };
  walk(schema, prefix);
  return out;
}
