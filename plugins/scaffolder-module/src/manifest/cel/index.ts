import { JsonValue } from '@backstage/types';
import { quote } from '../identity';
import { FieldError, KubeSchema } from '../types';
import { withDefaults } from './defaults';
import { evaluateRule } from './evaluate';
import { reportedPath, ruleSites } from './rules';

/** Failures (with the rule's message and field path) and notes about rules not judged here. */
export interface CelValidation {
  errors: FieldError[];
  notes: string[];
}

/**
 * Runs every `x-kubernetes-validations` rule of the schema on the value (defaults applied first, as
 * the API server does), as on create. See ./evaluate for what is skipped and why.
 */
export function validateCelRules(value: JsonValue | undefined, schema: KubeSchema | undefined, path: string): CelValidation {
  const result: CelValidation = { errors: [], notes: [] };
  if (value === undefined || !schema) return result;
  for (const site of ruleSites(withDefaults(value, schema), schema, path)) {
    const outcome = evaluateRule(site);
    if (outcome.kind === 'failed') {
      // The message is the CRD author's text: shown quoted only when it holds something unusual.
      const message = /^[\x20-\x7e]*$/.test(outcome.message) ? outcome.message : quote(outcome.message);
      result.errors.push({ path: reportedPath(site.path, site.rule.fieldPath), message });
    } else if (outcome.kind === 'skipped') {
      result.notes.push(outcome.note);
    }
  }
  return result;
}
