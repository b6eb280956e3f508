/** Test helper: the ajv instances the tests validate with. */
import Ajv from 'ajv';
import ajvErrors from 'ajv-errors';
import addFormats from 'ajv-formats';
import { formPattern } from '../form/pattern';

/** Form schemas as the scaffolder frontend would compile them (with ajv-errors), `ui:*` keys removed as Backstage does. */
export function formAjv(): Ajv {
  const ajv = new Ajv({ strict: true, allErrors: true, strictRequired: false });
  addFormats(ajv);
  ajvErrors(ajv);
  return ajv;
}

/** Kubernetes schemas: extensions are unknown keywords; formats are the API server's business. */
export function kubeAjv(): Ajv {
  // RE2 patterns (`(?i)`) compiled the way the form compiles them.
  const regExp = Object.assign((pattern: string, flags: string) => new RegExp(formPattern(pattern).pattern ?? '', flags), { code: 'new RegExp' });
  return new Ajv({ strict: false, allErrors: true, validateFormats: false, logger: false, code: { regExp } });
}

/** A copy without `ui:*` keys, at any depth. */
export function withoutUiKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUiKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => !k.startsWith('ui:')).map(([k, v]) => [k, withoutUiKeys(v)]));
  }
  return value;
}
