/** Shapes of the generated form: react-jsonschema-form JSON Schema with Backstage's inline `ui:*` keys. */
import type { FormOptions } from '../options';

/** A form schema node. `ui:*` keys sit inline, as Backstage Templates write them. */
export interface FormSchema {
  type?: string;
  title?: string;
  description?: string;
  properties?: Record<string, FormSchema>;
  required?: string[];
  items?: FormSchema;
  additionalProperties?: FormSchema | boolean;
  enum?: unknown[];
  default?: unknown;
  oneOf?: FormSchema[];
  anyOf?: FormSchema[];
  [keyword: string]: unknown;
}

/** How a source property reaches the user. */
export type FieldMode = 'form' | 'yaml' | 'hidden' | 'split';

/**
 * Where one source property went. `path` is below `spec` (`[]` marks array items). Every property of
 * the source schema that a user can set gets a record, which is how "nothing is dropped silently" is
 * both implemented (the Template description lists YAML and hidden fields) and tested.
 */
export interface FieldRecord {
  path: string[];
  mode: FieldMode;
  /** The form node, for `form` and `yaml`. */
  form?: FormSchema;
  /** Why a value is edited as YAML or hidden. */
  reason?: string;
}

/** State threaded through the schema walk. */
export interface FormContext {
  options: FormOptions;
  /** Object/array nesting below the page field. */
  depth: number;
  path: string[];
  records: FieldRecord[];
  /** Problems in the source schema the form worked around, for the conversion's warnings. */
  warnings: string[];
  /** Below a list, a map or a field name a template expression cannot name: no conditional fields (conditions.ts). */
  unconditional?: boolean;
}

/** The context for a child at `segment`. */
export function childContext(ctx: FormContext, segment: string): FormContext {
  return { ...ctx, depth: ctx.depth + 1, path: [...ctx.path, segment] };
}
