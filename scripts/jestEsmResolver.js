/*
 * Jest resolves with the "require" condition, but octokit 5 and its @octokit/* dependencies are
 * ESM-only and some expose only an "import" condition. Resolving just those packages with "import"
 * lets Backstage's SWC transform turn them into CommonJS, so tests exercise the real octokit
 * (see plugins/scaffolder-module/README.md, "octokit and Jest"). Every package uses this resolver:
 * Jest shares resolutions between the projects of one run, so a package resolving these modules the
 * default way would break the others.
 *
 * Prettier 3's CommonJS entry starts a dynamic import as soon as it is loaded, which kills the Jest
 * worker; json-schema-to-typescript requires it but, called with `format: false` as we do, never
 * uses it, so for that one importer it resolves to a stub.
 */
const ESM_ONLY =
  /^(octokit|@octokit\/[^/]+|universal-user-agent|universal-github-app-jwt|before-after-hook|fast-content-type-parse|toad-scheduler|bottleneck)(\/.*)?$/;

const PRETTIER_STUB = require('node:path').join(__dirname, 'jestPrettierStub.js');

module.exports = (request, options) => {
  if (request === 'prettier' && /[\\/]json-schema-to-typescript[\\/]/.test(options.basedir)) return PRETTIER_STUB;
  if (ESM_ONLY.test(request)) {
    return options.defaultResolver(request, {
      ...options,
      conditions: ['node', 'import', 'default'],
    });
  }
  return options.defaultResolver(request, options);
};
