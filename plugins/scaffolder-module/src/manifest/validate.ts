import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { JsonValue } from '@backstage/types';
import { normaliseForAjv } from './normalise';
import { kubeRegExp } from './pattern';
import { FieldError, KubeSchema } from './types';

// strict: false lets Kubernetes' own keywords (x-kubernetes-*, x-ui-order) and formats such as
// int32 pass; allErrors so the user sees every problem at once. Patterns are Go RE2 (see ./pattern),
// OpenAPI 3.0 keywords are rewritten as draft-07 before compiling (see ./normalise).
const ajv = new Ajv({ strict: false, allErrors: true, logger: false, code: { regExp: kubeRegExp } });
addFormats(ajv);

/**
 * Kubernetes' `duration` format is Go's `time.ParseDuration` text (`30s`, `1h30m`, `1.5h`);
 * ajv-formats' is ISO 8601 only (`PT30S`). Both are accepted.
 */
const GO_DURATION = /^[-+]?(0|((\d+(\.\d*)?|\.\d+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h))+)$/;
const ISO_DURATION = /^P(?!$)((\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?|(\d+W)?)$/;
ajv.addFormat('duration', {
  type: 'string',
  validate: (value: string) => GO_DURATION.test(value) || ISO_DURATION.test(value),
});

const compiled = new WeakMap<KubeSchema, ValidateFunction>();

function compile(schema: KubeSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(normaliseForAjv(schema));
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
    const allowed = (error.params.allowedValues as unknown[]).map(value => String(value)).join(', ');
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
