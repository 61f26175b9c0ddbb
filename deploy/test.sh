#!/usr/bin/env bash
# Runs every Kinship test: unit tests, the integration tests against a provisioned WildFly, PostgreSQL
# and Keycloak, and the browser tests in headless Chromium. Installs first what Maven cannot bring:
# Debian's chromium and chromium-driver (only when missing). Extra arguments go to Maven.
#
#   deploy/test.sh                 everything (mvn verify)
#   deploy/test.sh -Dit.test=MembershipIT   one integration test class
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
log() { printf '[kinship-test] %s\n' "$*"; }

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

# 1. The browser tests drive Debian's Chromium through its own chromedriver; no tool downloads a browser.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  log "installing Debian's chromium and chromium-driver for the browser tests"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# 2. The integration tests use the PostgreSQL on 127.0.0.1:5432 (trust auth) and create their own database.
if command -v pg_isready >/dev/null && ! pg_isready -q -h 127.0.0.1 -p 5432; then
  if command -v pg_ctlcluster >/dev/null; then
    log "PostgreSQL is not answering; starting the local cluster"
    as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
  fi
  pg_isready -q -h 127.0.0.1 -p 5432 || { log "PostgreSQL is not reachable on 127.0.0.1:5432"; exit 1; }
fi

command -v mvn >/dev/null || { log "Apache Maven is required"; exit 1; }
cd "$ROOT"
log "mvn verify $*"
exec mvn -B verify "$@"
