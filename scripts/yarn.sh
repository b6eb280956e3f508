#!/usr/bin/env bash
# Runs Yarn (through corepack, at the version package.json pins) with the registry npm is configured with.
set -euo pipefail
. "$(dirname "$0")/yarn-env.sh"
exec corepack yarn "$@"
