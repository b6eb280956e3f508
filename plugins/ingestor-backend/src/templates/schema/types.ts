/**
 * OpenAPI v3 schemas as CustomResourceDefinitions and XRDs carry them (apiextensions.k8s.io/v1
 * JSONSchemaProps), plus the incumbent's `x-ui-*` hints that schema authors already use.
 */

/** One `x-kubernetes-validations` rule (CEL). */
export interface ValidationRule {
  rule?: string;
  message?: string;
  messageExpression?: string;
}

/** A structural schema node. Unknown keywords are kept so nothing a schema says is lost on the way. */
export interface Schema {
  type?: string;
  format?: string;
  title?: string;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: Schema | boolean;
  enum?: unknown[];
  default?: unknown;
  nullable?: boolean;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  /** Draft-04 style booleans in Kubernetes schemas. */
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minProperties?: number;
  maxProperties?: number;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  not?: Schema;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
  'x-kubernetes-validations'?: ValidationRule[];
  'x-kubernetes-list-type'?: string;
  'x-kubernetes-list-map-keys'?: string[];
  'x-ui-order'?: number;
  'x-ui-hidden'?: boolean;
  'x-ui-advanced'?: boolean;
  [keyword: string]: unknown;
}

/** Narrowing for parsed YAML. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a parsed value as a schema node; anything that is not an object is an empty schema. */
export function asSchema(value: unknown): Schema {
  return isRecord(value) ? (value as Schema) : {};
}

/** Plain JSON deep copy, so generated entities never share structure with their input. */
export function cloneJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
