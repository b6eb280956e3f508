/** Help text: the schema's description plus what the form cannot check itself but the API server will. */
import type { Schema } from '../schema/types';
import { shortDescription } from './text';

/**
 * Each CEL rule (`x-kubernetes-validations`) in words: its message, else the rule's own text. A
 * `messageExpression` is CEL code, not words, so a rule with only that is shown by its rule text.
 */
export function ruleTexts(schema: Schema): string[] {
  return (schema['x-kubernetes-validations'] ?? [])
    .map(r => r.message?.trim().replace(/\.$/, '') || (r.rule ? `must satisfy ${r.rule.trim()}` : undefined))
    .filter((m): m is string => !!m);
}

/** The rules of `schema` as one sentence, or undefined when it has none. */
export function rulesSentence(schema: Schema): string | undefined {
  const rules = ruleTexts(schema);
  return rules.length ? `Rules: ${rules.join('; ')}.` : undefined;
}

/** The description shown under a field, or undefined when there is nothing to say. */
export function helpText(schema: Schema, extra: string[] = []): string | undefined {
  const parts: string[] = [];
  if (schema.description) parts.push(shortDescription(schema.description));
  const rules = rulesSentence(schema);
  if (rules) parts.push(rules);
  const keys = schema['x-kubernetes-list-map-keys'];
  if (schema['x-kubernetes-list-type'] === 'map' && keys?.length) parts.push(`Items are unique by ${keys.join(', ')}.`);
  parts.push(...extra);
  return parts.length ? parts.join('\n\n') : undefined;
}
