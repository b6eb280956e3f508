/**
 * TypeScript types for an API entity, generated with json-schema-to-typescript.
 *
 * Its prettier formatting is switched off (see indent.ts): it cost three times the generation, and
 * prettier 3 cannot load under Jest (scripts/jestEsmResolver.js stubs it there). The generator is a
 * `TypesGenerator` so callers can cache it or, where types are beside the point, leave them out.
 */
import type { JSONSchema } from 'json-schema-to-typescript';
import { indentTypeScript } from './indent';
import { isRecord, type Schema } from './schema/types';

type TypeName = Extract<JSONSchema['type'], string>;

/** Turns a normalised whole-object schema into TypeScript source declaring `typeName`. */
export type TypesGenerator = (schema: Schema, typeName: string) => Promise<string>;

/**
 * The schema as json-schema-to-typescript should read it: Kubernetes extensions become the types
 * they mean, draft-04 `nullable` becomes a null alternative, and nothing it does not know stays.
 */
export function toTypesSchema(schema: Schema): JSONSchema {
  const out: JSONSchema = {};
  if (schema['x-kubernetes-int-or-string'] === true) out.tsType = 'number | string';
  else if (schema['x-kubernetes-embedded-resource'] === true || (schema['x-kubernetes-preserve-unknown-fields'] === true && !schema.properties)) {
    out.tsType = '{ [key: string]: unknown }';
  }
  if (schema.description) out.description = schema.description;
  if (out.tsType) return out;
  if (schema.type) {
    const type = schema.type as TypeName;
    out.type = schema.nullable === true ? [type, 'null'] : type;
  }
  if (schema.enum) out.enum = schema.enum.filter(v => v !== undefined) as JSONSchema['enum'];
  if (schema.required?.length) out.required = [...schema.required];
  if (schema.properties) out.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, toTypesSchema(v)]));
  if (schema.items && isRecord(schema.items)) out.items = toTypesSchema(schema.items);
  if (isRecord(schema.additionalProperties)) out.additionalProperties = toTypesSchema(schema.additionalProperties as Schema);
  else if (schema.additionalProperties === true || (!schema.properties && schema.type === 'object')) out.additionalProperties = true;
  return out;
}

/**
 * The default generator: json-schema-to-typescript, required on first use rather than at start-up
 * (it brings lodash, a $ref resolver and prettier, which loads its ES modules as soon as it is required).
 */
export const generateTypes: TypesGenerator = (schema, typeName) => {
  const { compile } = require('json-schema-to-typescript') as typeof import('json-schema-to-typescript');
  return compile(toTypesSchema(schema), typeName, {
    bannerComment: '',
    // Kubernetes prunes unknown fields, so objects are closed unless the schema says otherwise.
    additionalProperties: false,
    unknownAny: true,
    strictIndexSignatures: true,
    declareExternallyReferenced: true,
    format: false,
  }).then(code => indentTypeScript(code));
};

/**
 * The TypeScript identifier json-schema-to-typescript declares for a kind and version, which
 * upper-cases the first letter and any letter that follows digits: `PostgreSQLInstance` + `v1alpha1` → `PostgreSQLInstanceV1Alpha1`.
 */
export function typeNameFor(kind: string, version: string): string {
  const upperFirst = (s: string) => (s[0]?.toUpperCase() ?? '') + s.slice(1);
  const name = `${upperFirst(kind)}${upperFirst(version)}`.replace(/[^A-Za-z0-9_]/g, '').replace(/\d[a-z]/g, m => m.toUpperCase());
  return /^[A-Za-z_]/.test(name) ? name : `T${name}`;
}

/**
 * A generator that remembers its results by schema content: generation takes 10-1000 ms per
 * definition, and a provider converts the same unchanged definitions every cycle.
 */
export function cachedTypesGenerator(generator: TypesGenerator = generateTypes, maxEntries = 500): TypesGenerator {
  const cache = new Map<string, Promise<string>>();
  return (schema, typeName) => {
    const key = `${typeName}\n${JSON.stringify(schema)}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const result = generator(schema, typeName);
    // A failure is not remembered: the next cycle tries again.
    result.catch(() => cache.delete(key));
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
    cache.set(key, result);
    return result;
  };
}
