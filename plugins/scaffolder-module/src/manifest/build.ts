import { JsonObject } from '@backstage/types';
import { withRuleRequiredFields } from '@kube-platform/plugin-kubernetes-common';
import { validateCelRules } from './cel';
import { convertValues } from './convert';
import { validateIdentity } from './identity';
import { validateMetadata } from './metadata';
import { dropDefaults } from './minimize';
import { orderKeys } from './order';
import { propertySchema, requiredKeys } from './schemaNav';
import { unknownFields } from './unknownFields';
import { validateAgainstSchema } from './validate';
import { FieldError, Manifest, ManifestRequest } from './types';

/** A manifest that passed validation, before per-file annotations are added. */
export interface PreparedManifest {
  request: ManifestRequest;
  /** The minimal, ordered spec; undefined when nothing is set. */
  spec?: JsonObject;
}

/**
 * Either the prepared manifest or every problem found, never both; `notes` name the validation rules
 * that could not be judged here (for the task log).
 */
export type Preparation =
  | { ok: true; prepared: PreparedManifest; notes: string[] }
  | { ok: false; errors: FieldError[]; notes: string[] };

function sortedMap(map?: Record<string, string>): JsonObject | undefined {
  const keys = Object.keys(map ?? {}).sort();
  if (!map || keys.length === 0) return undefined;
  return Object.fromEntries(keys.map(key => [key, map[key]]));
}

/**
 * Assembles the object in the order readers expect: apiVersion, kind, metadata (name, namespace,
 * labels, annotations), spec. Unset parts are left out rather than written empty.
 */
export function assembleManifest(prepared: PreparedManifest, extraAnnotations: Record<string, string> = {}): Manifest {
  const { request, spec } = prepared;
  const metadata: JsonObject = { name: request.name };
  if (request.scope === 'Namespaced' && request.namespace) {
    metadata.namespace = request.namespace;
  }
  const labels = sortedMap(request.labels);
  if (labels) metadata.labels = labels;
  const annotations = sortedMap({ ...request.annotations, ...extraAnnotations });
  if (annotations) metadata.annotations = annotations;
  const manifest: Manifest = {
    apiVersion: request.apiVersion,
    kind: request.kind,
    metadata,
  };
  if (spec) manifest.spec = spec;
  return manifest;
}

/**
 * values -> converted values -> validated (identity, metadata, unknown fields, ajv, then the schema's
 * CEL rules) -> minimal, ordered spec. Validation runs on the converted values with defaults still in
 * place, so a value is judged as the user entered it.
 */
export function prepareManifest(request: ManifestRequest): Preparation {
  const declared = propertySchema(request.schema, 'spec');
  // Fields CEL rules require are kept like schema-required ones when their object was left empty.
  const specSchema = declared && withRuleRequiredFields(declared);
  const conversion = convertValues(request.spec ?? {}, specSchema, 'spec');
  const errors: FieldError[] = [
    ...validateIdentity({
      apiVersion: request.apiVersion,
      kind: request.kind,
      name: request.name,
      namespace: request.namespace,
      namespaced: request.scope === 'Namespaced',
    }),
    ...validateMetadata({ labels: request.labels, annotations: request.annotations }),
    ...conversion.errors,
  ];
  // A schema that requires `spec` gets one even when every value was empty or defaulted.
  const specRequired = requiredKeys(request.schema).has('spec');
  const converted = (conversion.value ?? (specRequired ? {} : undefined)) as JsonObject | undefined;
  errors.push(...unknownFields(converted, specSchema, 'spec'));
  const candidate = assembleManifest({ request, spec: converted });
  const reported = new Set(conversion.errors.map(error => error.path));
  for (const error of validateAgainstSchema(candidate, request.schema)) {
    // A field whose YAML did not parse is already reported; "is required" would only add noise.
    if (!reported.has(error.path)) errors.push(error);
  }
  if (errors.length > 0) return { ok: false, errors, notes: [] };
  // CEL rules judge well-typed values only, as on the API server after schema validation.
  const cel = validateCelRules(candidate, request.schema, '');
  if (cel.errors.length > 0) return { ok: false, errors: cel.errors, notes: cel.notes };
  let spec = converted;
  if (spec && !request.keepDefaults) {
    spec = dropDefaults(spec, specSchema) as JsonObject;
  }
  if (spec) spec = orderKeys(spec, specSchema) as JsonObject;
  return { ok: true, prepared: { request, spec }, notes: cel.notes };
}

/** One line per problem, in a stable order, for an `InputError` message. */
export function formatFieldErrors(errors: FieldError[]): string {
  return errors.map(error => `  - ${error.path}: ${error.message}`).join('\n');
}
