// kube-sim is private dev tooling that is never built or shipped, so the rules about production builds
// (__dirname) do not apply; the simulator's dense protocol code reads better with a few nested ternaries.
module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  rules: {
    'no-nested-ternary': 'off',
    'no-restricted-syntax': 'off',
    // TypeScript's noImplicitReturns already checks this; handlers return whatever they send.
    'consistent-return': 'off',
  },
});
