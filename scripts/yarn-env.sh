# Sourced by the other scripts: points corepack and Yarn at the registry npm is configured with.
# --workspaces=false: inside a workspace folder npm refuses `config get` otherwise.
registry="$(npm config get registry --workspaces=false 2>/dev/null | sed 's:/*$::' || true)"
export COREPACK_NPM_REGISTRY="${COREPACK_NPM_REGISTRY:-$registry}"
export YARN_NPM_REGISTRY_SERVER="${YARN_NPM_REGISTRY_SERVER:-$registry}"
export COREPACK_ENABLE_DOWNLOAD_PROMPT=0
# node-gyp must build native modules (better-sqlite3) against the local Node headers; without this it
# tries to download them and fails.
if [ -z "${npm_config_nodedir:-}" ]; then
  nodedir="$(npm config get nodedir --workspaces=false 2>/dev/null || true)"
  if [ -n "$nodedir" ] && [ "$nodedir" != "undefined" ]; then export npm_config_nodedir="$nodedir"; fi
fi
yarn() { corepack yarn "$@"; }
