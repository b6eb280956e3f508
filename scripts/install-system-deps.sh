#!/usr/bin/env bash
# Installs the system (non-npm) tools the tests need, on Debian/Ubuntu. Run as root (or with sudo
# available) before the tests; `.ci/run` does this. Idempotent: a second run only checks.
#
#   chromium Debian's browser for the demo's end-to-end test (playwright-core drives it headless).
#   kubectl  Debian's `kubernetes-client` (kubectl 1.20), an old client the kube-sim conformance
#            tests run against, next to whatever newer kubectl the machine already has. Their
#            paths go to .cache/kubectl-binaries, one per line (read by
#            tools/kube-sim/src/conformance/kubectlBinaries.ts).
#
# Each tool has its own install_<tool> function; add new tools the same way and call them from main.
set -euo pipefail

repo_root="$(cd "$(dirname "$0")/.." && pwd)"
cache_dir="$repo_root/.cache"
export DEBIAN_FRONTEND=noninteractive

log() { echo "install-system-deps: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Runs a command as root: directly when we are root, else through sudo (non-interactively).
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
  else die "need root (or sudo) to run: $*"
  fi
}

apt_updated=0
# `apt-get update`, at most once per run.
apt_update_once() {
  [ "$apt_updated" -eq 1 ] && return 0
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found: this script supports Debian/Ubuntu only"
  log "apt-get update..."
  as_root apt-get update -qq >/dev/null || die "apt-get update failed"
  apt_updated=1
}

dpkg_installed() {
  [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" = "install ok installed" ]
}

# ---------------------------------------------------------------------------------------------
# kubectl (Debian kubernetes-client)
# ---------------------------------------------------------------------------------------------
debian_kubectl_dir="$cache_dir/debian-kubectl"
kubectl_list="$cache_dir/kubectl-binaries"

# Prints the path of Debian's kubectl, installing or extracting it first when needed.
ensure_debian_kubectl() {
  if dpkg_installed kubernetes-client; then
    log "kubernetes-client is installed (dpkg)"
    echo /usr/bin/kubectl
    return
  fi
  local extracted="$debian_kubectl_dir/usr/bin/kubectl"
  if [ -x "$extracted" ] && "$extracted" version --client >/dev/null 2>&1; then
    log "Debian kubectl already extracted at ${extracted#"$repo_root"/}"
    echo "$extracted"
    return
  fi
  apt_update_once
  if ! command -v kubectl >/dev/null 2>&1; then
    log "no kubectl on PATH: apt-get install kubernetes-client"
    as_root apt-get install -y -qq --no-install-recommends kubernetes-client >/dev/null \
      || die "apt-get install kubernetes-client failed"
    echo /usr/bin/kubectl
    return
  fi
  # Another package owns /usr/bin/kubectl (installing would conflict): unpack the .deb privately.
  log "another kubectl is on PATH ($(command -v kubectl)): extracting kubernetes-client into ${debian_kubectl_dir#"$repo_root"/}"
  local tmp
  tmp="$(mktemp -d)"
  # apt fetches as the unprivileged _apt user when it can write the target folder (else it warns).
  if [ "$(id -u)" -eq 0 ] && id _apt >/dev/null 2>&1; then chown _apt "$tmp"; fi
  if ! (cd "$tmp" && apt-get download -qq kubernetes-client >/dev/null); then
    rm -rf "$tmp"
    die "apt-get download kubernetes-client failed"
  fi
  local deb
  deb="$(ls "$tmp"/kubernetes-client_*.deb 2>/dev/null | head -n1 || true)"
  [ -n "$deb" ] || { rm -rf "$tmp"; die "apt-get download produced no kubernetes-client .deb"; }
  rm -rf "$debian_kubectl_dir"
  mkdir -p "$debian_kubectl_dir"
  dpkg -x "$deb" "$debian_kubectl_dir"
  rm -rf "$tmp"
  [ -x "$extracted" ] || die "kubernetes-client .deb has no usr/bin/kubectl"
  "$extracted" version --client >/dev/null 2>&1 || die "extracted kubectl does not run: $extracted"
  echo "$extracted"
}

install_kubectl() {
  local debian other binaries=()
  debian="$(ensure_debian_kubectl)"
  binaries+=("$debian")
  other="$(command -v kubectl || true)"
  if [ -n "$other" ] && [ "$(readlink -f "$other")" != "$(readlink -f "$debian")" ]; then
    binaries+=("$other")
  fi
  mkdir -p "$cache_dir"
  printf '%s\n' "${binaries[@]}" >"$kubectl_list.tmp"
  mv "$kubectl_list.tmp" "$kubectl_list"
  echo "kubectl binaries available (listed in ${kubectl_list#"$repo_root"/}):"
  local b version
  for b in "${binaries[@]}"; do
    version="$("$b" version --client 2>/dev/null | head -n1 || true)"
    echo "  $b  ($version)"
  done
}

# ---------------------------------------------------------------------------------------------
# chromium (Debian's), driven headless by playwright-core in the demo's end-to-end test
# ---------------------------------------------------------------------------------------------
install_chromium() {
  if command -v chromium >/dev/null 2>&1; then
    log "chromium is installed ($(command -v chromium))"
    return
  fi
  apt_update_once
  log "apt-get install chromium (for the end-to-end browser test)"
  as_root apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null \
    || die "apt-get install chromium failed"
}

# ---------------------------------------------------------------------------------------------

main() {
  install_kubectl
  install_chromium
}

main "$@"
