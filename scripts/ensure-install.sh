#!/usr/bin/env bash
# Installs the workspace when node_modules is missing or older than the lockfile, so that `npm start`
# and `npm test` work on a fresh clone with nothing else run first.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/yarn-env.sh
state=node_modules/.yarn-state.yml
if [ ! -f "$state" ] || [ yarn.lock -nt "$state" ] || [ package.json -nt "$state" ]; then
  echo "Installing dependencies (yarn install)..." >&2
  if [ -n "${CI:-}" ]; then yarn install --immutable; else yarn install; fi
  # Yarn leaves the state file alone when nothing changed, which would make every later run reinstall.
  touch "$state"
fi
