/*
 * Jest resolves with the "require" condition, but octokit 5 and its @octokit/* dependencies are
 * ESM-only and some expose only an "import" condition. Resolving just those packages with "import"
 * lets Backstage's SWC transform turn them into CommonJS, so tests exercise the real octokit
 * (see plugins/scaffolder-module/README.md, "octokit and Jest"). Every package uses this resolver:
 * Jest shares resolutions between the projects of one run, so a package resolving these modules the
 * default way would break the others.
 */
const ESM_ONLY =
  /^(octokit|@octokit\/[^/]+|universal-user-agent|universal-github-app-jwt|before-after-hook|fast-content-type-parse|toad-scheduler|bottleneck)(\/.*)?$/;

module.exports = (request, options) => {
  if (ESM_ONLY.test(request)) {
    return options.defaultResolver(request, {
      ...options,
      conditions: ['node', 'import', 'default'],
    });
  }
  return options.defaultResolver(request, options);
};
