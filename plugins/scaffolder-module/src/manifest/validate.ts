import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { JsonValue } from '@backstage/types';
import { FieldError, KubeSchema } from './types';

// strict: false lets Kubernetes' own keywords (x-kubernetes-*, x-ui-order) and formats such as
// int32 pass; allErrors so the user sees every problem at once.
const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
addFormats(ajv);

const compiled = new WeakMap<KubeSchema, ValidateFunction>();

function compile(schema: KubeSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** `/spec/items/0/name` becomes `spec.items[0].name`. */
export function pointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map(part => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => {
      if (/^\d+$/.test(part)) return `${path}[${part}]`;
      return path ? `${path}.${part}` : part;
    }, '');
}

function toFieldError(error: ErrorObject): FieldError {
  let path = pointerToPath(error.instancePath);
  let message = error.message ?? 'is invalid';
  if (error.keyword === 'required') {
    const missing = String(error.params.missingProperty);
    path = path ? `${path}.${missing}` : missing;
    message = 'is required';
  } else if (error.keyword === 'enum') {
    const allowed = (error.params.allowedValues as unknown[]).join(', ');
    message = `must be one of: ${allowed}`;
  }
  return { path: path || '(root)', message };
}

/**
 * Validates an object against a CRD's `openAPIV3Schema`. Only the first error per field and keyword
 * is kept: `oneOf` branches otherwise repeat the same complaint.
 */
export function validateAgainstSchema(value: JsonValue, schema: KubeSchema): FieldError[] {
  const validate = compile(schema);
  if (validate(value)) return [];
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const error of validate.errors ?? []) {
    const fieldError = toFieldError(error);
    const key = `${fieldError.path}\u0000${fieldError.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      errors.push(fieldError);
    }
  }
  return errors;
}
