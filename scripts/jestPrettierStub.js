/*
 * What json-schema-to-typescript gets for `prettier` under Jest (see scripts/jestEsmResolver.js).
 * Prettier 3's CommonJS entry starts a dynamic import when it loads, which Jest cannot run; our
 * types are generated with `format: false` (src/templates/indent.ts does the indenting), so
 * formatting is never asked for and this stub only fails if that changes.
 */
module.exports = {
  format() {
    throw new Error('prettier is not available under Jest: generate types with format: false');
  },
};
