/**
 * Validation messages in words for Kubernetes names. Backstage's Create page validates with ajv and
 * ajv-errors, so an `errorMessage` keyword replaces "must match pattern ^[a-z0-9]([-a-z0-9]*…" with
 * what a valid value looks like. The server-side check ignores the keyword.
 */
import type { FormSchema } from './types';

const ENDS = 'start and end with a lowercase letter or digit';

/** Messages for a DNS-1123 subdomain field (object names, Secret names). */
export function subdomainMessages(maxLength: number): FormSchema['errorMessage'] {
  return {
    pattern: `Use lowercase letters, digits, '-' and '.', and ${ENDS} (for example my-name or my.name).`,
    maxLength: `Use at most ${maxLength} characters.`,
  };
}

/** Messages for a DNS-1123 label field (namespaces). */
export function labelMessages(maxLength: number): FormSchema['errorMessage'] {
  return {
    pattern: `Use lowercase letters, digits and '-', and ${ENDS} (for example team-a).`,
    maxLength: `Use at most ${maxLength} characters.`,
  };
}
