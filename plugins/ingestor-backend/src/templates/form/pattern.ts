import { translateGoPattern } from '@kube-platform/plugin-kubernetes-common';

/** A Go pattern as the form checks it, or the help that names it when the form cannot. */
export type FormPattern = { pattern: string; help?: undefined } | { pattern?: undefined; help: string };

/**
 * The translation is shared with the render action, so the form and the action agree; a pattern
 * that cannot be translated exactly is left to the API server and named in the help, with why.
 */
export function formPattern(pattern: string): FormPattern {
  const result = translateGoPattern(pattern);
  if (result.ok) return { pattern: result.pattern };
  return { help: `Must match the pattern ${pattern} (checked when the manifest is applied: ${result.reason}).` };
}
