import { javascriptPattern } from '@kube-platform/plugin-kubernetes-common';

/** What an uncheckable pattern compiles to: every value passes. */
const UNCHECKED = { test: (_value: string) => true, toString: () => '(unchecked pattern)' };

/**
 * ajv's `code.regExp` engine: Go patterns translated, uncompilable ones unchecked. `code` only
 * matters for ajv's standalone code, which is never generated here.
 */
export const kubeRegExp = Object.assign(
  (pattern: string, flags: string) => {
    const translated = javascriptPattern(pattern);
    return translated === undefined ? UNCHECKED : new RegExp(translated, flags);
  },
  { code: 'new RegExp' },
);
