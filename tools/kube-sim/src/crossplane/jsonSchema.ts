/**
 * OpenAPI v3 schemas as a CustomResourceDefinition carries them (apiextensions.k8s.io/v1 JSONSchemaProps),
 * and `toSchemaProps`, which reads an XRD's free-form `openAPIV3Schema` the way Crossplane does.
 *
 * Crossplane stores an XRD version's schema as raw JSON and `json.Unmarshal`s it into
 * `extv1.JSONSchemaProps` before building the CRD (crossplane-runtime v2 `pkg/xcrd/crd.go`, parseSchema).
 * That round trip keeps only the keywords JSONSchemaProps models, at every depth, and drops the
 * `omitempty` zero values (empty strings, lists and maps, and false for the non-pointer booleans).
 * `toSchemaProps` reproduces it, so the CRD holds what the real one would.
 */

export interface ValidationRule {
  rule: string;
  message?: string;
  messageExpression?: string;
  reason?: string;
  fieldPath?: string;
  optionalOldSelf?: boolean;
}

export interface JSONSchemaProps {
  type?: string;
  description?: string;
  format?: string;
  required?: string[];
  properties?: Record<string, JSONSchemaProps>;
  items?: JSONSchemaProps | JSONSchemaProps[];
  additionalProperties?: JSONSchemaProps | boolean;
  enum?: unknown[];
  default?: unknown;
  maxLength?: number;
  oneOf?: JSONSchemaProps[];
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-validations'?: ValidationRule[];
  'x-kubernetes-list-type'?: string;
  'x-kubernetes-list-map-keys'?: string[];
  [keyword: string]: unknown;
}

/** Thrown for a schema Crossplane could not unmarshal; `path` is where, e.g. `.properties.spec.items`. */
export class SchemaShapeError extends Error {
  constructor(readonly path: string, readonly problem: string) {
    super(`${path || '.'}: ${problem}`);
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A deep copy of plain JSON data, so no generated object shares structure with its input. */
export function cloneJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

type Kind =
  | 'string' // string, omitted when ''
  | 'bool' // non-pointer bool, omitted when false
  | 'ptr' // pointer or raw JSON (numbers, *bool, *string, default, example...), kept as is
  | 'strings' // []string, omitted when empty
  | 'list' // []JSON (enum), omitted when empty
  | 'schema' // *JSONSchemaProps
  | 'schemas' // []JSONSchemaProps, omitted when empty
  | 'schemaMap' // map[string]JSONSchemaProps, omitted when empty
  | 'schemaOrBool' // *JSONSchemaPropsOrBool
  | 'schemaOrArray' // *JSONSchemaPropsOrArray
  | 'dependencies' // map[string]JSONSchemaPropsOrStringArray
  | 'externalDocs'
  | 'validations';

/** The JSON names of extv1.JSONSchemaProps' fields, and how each (un)marshals. */
const KEYWORDS: Record<string, Kind> = {
  id: 'string',
  $schema: 'string',
  $ref: 'ptr',
  description: 'string',
  type: 'string',
  format: 'string',
  title: 'string',
  default: 'ptr',
  maximum: 'ptr',
  exclusiveMaximum: 'bool',
  minimum: 'ptr',
  exclusiveMinimum: 'bool',
  maxLength: 'ptr',
  minLength: 'ptr',
  pattern: 'string',
  maxItems: 'ptr',
  minItems: 'ptr',
  uniqueItems: 'bool',
  multipleOf: 'ptr',
  enum: 'list',
  maxProperties: 'ptr',
  minProperties: 'ptr',
  required: 'strings',
  items: 'schemaOrArray',
  allOf: 'schemas',
  oneOf: 'schemas',
  anyOf: 'schemas',
  not: 'schema',
  properties: 'schemaMap',
  additionalProperties: 'schemaOrBool',
  patternProperties: 'schemaMap',
  dependencies: 'dependencies',
  additionalItems: 'schemaOrBool',
  definitions: 'schemaMap',
  externalDocs: 'externalDocs',
  example: 'ptr',
  nullable: 'bool',
  'x-kubernetes-preserve-unknown-fields': 'ptr',
  'x-kubernetes-embedded-resource': 'bool',
  'x-kubernetes-int-or-string': 'bool',
  'x-kubernetes-list-map-keys': 'strings',
  'x-kubernetes-list-type': 'ptr',
  'x-kubernetes-map-type': 'ptr',
  'x-kubernetes-validations': 'validations',
};

/** Reads `value` as Crossplane's json.Unmarshal into JSONSchemaProps would; throws SchemaShapeError if it could not. */
export function toSchemaProps(value: unknown, path = ''): JSONSchemaProps {
  if (!isRecord(value)) throw new SchemaShapeError(path, 'must be an object');
  const out: JSONSchemaProps = {};
  for (const [key, raw] of Object.entries(value)) {
    const kind = KEYWORDS[key];
    if (kind === undefined || raw === undefined || raw === null) continue;
    const converted = convert(kind, raw, `${path}.${key}`);
    if (converted !== undefined) out[key] = converted;
  }
  return out;
}

function convert(kind: Kind, raw: unknown, path: string): unknown {
  switch (kind) {
    case 'string':
      if (typeof raw !== 'string') throw new SchemaShapeError(path, 'must be a string');
      return raw === '' ? undefined : raw;
    case 'bool':
      if (typeof raw !== 'boolean') throw new SchemaShapeError(path, 'must be a boolean');
      return raw ? true : undefined;
    case 'ptr':
      return cloneJson(raw);
    case 'strings':
      if (!Array.isArray(raw) || raw.some(s => typeof s !== 'string')) {
        throw new SchemaShapeError(path, 'must be a list of strings');
      }
      return raw.length ? [...raw] : undefined;
    case 'list':
      if (!Array.isArray(raw)) throw new SchemaShapeError(path, 'must be a list');
      return raw.length ? cloneJson(raw) : undefined;
    case 'schema':
      return toSchemaProps(raw, path);
    case 'schemas':
      if (!Array.isArray(raw)) throw new SchemaShapeError(path, 'must be a list of schemas');
      return raw.length ? raw.map((s, i) => toSchemaProps(s, `${path}[${i}]`)) : undefined;
    case 'schemaMap':
      return schemaMap(raw, path);
    case 'schemaOrBool':
      return typeof raw === 'boolean' ? raw : toSchemaProps(raw, path);
    case 'schemaOrArray':
      return Array.isArray(raw) ? raw.map((s, i) => toSchemaProps(s, `${path}[${i}]`)) : toSchemaProps(raw, path);
    case 'dependencies':
      return dependencies(raw, path);
    case 'externalDocs':
      return externalDocs(raw, path);
    case 'validations':
      return validations(raw, path);
    default:
      return undefined;
  }
}

function schemaMap(raw: unknown, path: string): Record<string, JSONSchemaProps> | undefined {
  if (!isRecord(raw)) throw new SchemaShapeError(path, 'must be a map of schemas');
  const entries = Object.entries(raw).map(([k, v]) => [k, toSchemaProps(v, `${path}.${k}`)] as const);
  return entries.length ? Object.fromEntries(entries) : undefined;
}

function dependencies(raw: unknown, path: string): Record<string, unknown> | undefined {
  if (!isRecord(raw)) throw new SchemaShapeError(path, 'must be a map');
  const entries = Object.entries(raw).map(([k, v]) => {
    if (Array.isArray(v) && v.every(s => typeof s === 'string')) return [k, [...v]] as const;
    return [k, toSchemaProps(v, `${path}.${k}`)] as const;
  });
  return entries.length ? Object.fromEntries(entries) : undefined;
}

function externalDocs(raw: unknown, path: string): Record<string, string> | undefined {
  if (!isRecord(raw)) throw new SchemaShapeError(path, 'must be an object');
  const out: Record<string, string> = {};
  for (const key of ['description', 'url']) {
    const v = raw[key];
    if (typeof v === 'string' && v !== '') out[key] = v;
  }
  return out;
}

function validations(raw: unknown, path: string): ValidationRule[] | undefined {
  if (!Array.isArray(raw)) throw new SchemaShapeError(path, 'must be a list of validation rules');
  const rules = raw.map((r, i): ValidationRule => {
    if (!isRecord(r)) throw new SchemaShapeError(`${path}[${i}]`, 'must be an object');
    const rule: ValidationRule = { rule: typeof r.rule === 'string' ? r.rule : '' };
    if (typeof r.message === 'string' && r.message) rule.message = r.message;
    if (typeof r.messageExpression === 'string' && r.messageExpression) rule.messageExpression = r.messageExpression;
    if (typeof r.reason === 'string' && r.reason) rule.reason = r.reason;
    if (typeof r.fieldPath === 'string' && r.fieldPath) rule.fieldPath = r.fieldPath;
    if (typeof r.optionalOldSelf === 'boolean') rule.optionalOldSelf = r.optionalOldSelf;
    return rule;
  });
  return rules.length ? rules : undefined;
}
