/** Help text: the schema's description plus what the form cannot check itself but the API server will. */
import type { Schema } from '../schema/types';

/** The description shown under a field, or undefined when there is nothing to say. */
export function helpText(schema: Schema, extra: string[] = []): string | undefined {
  const parts: string[] = [];
  if (schema.description) parts.push(schema.description.trim());
  const rules = (schema['x-kubernetes-validations'] ?? [])
    .map(r => r.message ?? r.messageExpression ?? (r.rule ? `must satisfy ${r.rule}` : undefined))
    .filter((m): m is string => !!m);
  if (rules.length) parts.push(`Rules: ${rules.join('; ')}.`);
  const keys = schema['x-kubernetes-list-map-keys'];
  if (schema['x-kubernetes-list-type'] === 'map' && keys?.length) parts.push(`Items are unique by ${keys.join(', ')}.`);
  parts.push(...extra);
  return parts.length ? parts.join('\n\n') : undefined;
}
