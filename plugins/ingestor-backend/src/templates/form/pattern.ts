import { javascriptPattern } from '@kube-platform/plugin-kubernetes-common';

/**
 * The pattern as the form can check it, or undefined when it cannot (the caller then shows it as
 * help). The translation is shared with the render action, so the form and the action agree.
 */
export function formPattern(pattern: string): string | undefined {
  return javascriptPattern(pattern);
}
