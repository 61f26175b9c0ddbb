#!/usr/bin/env bash
# Runs Kinship on this machine: Keycloak on http://localhost:8180 (realm "kinship", demo users) and
# Kinship on http://localhost:8080 with the embedded H2 database and two demo communities.
#
#   deploy/run.sh            build what changed, start both, print the URL and the demo logins
#   deploy/run.sh --stop     stop both
#   deploy/run.sh --reset    stop, delete the demo data (H2 and Keycloak), start afresh
#
# Runtime data lives in .data/ (override with KINSHIP_DATA_DIR); `mvn clean` does not touch it.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=${KINSHIP_DATA_DIR:-$ROOT/.data}
KC_PORT=${KINSHIP_KEYCLOAK_PORT:-8180}
# A port offset runs a second copy beside the demo (the start-up benchmark does); sign-in works on
# the default ports only, because those are the redirect addresses the realm file allows.
PORT_OFFSET=${KINSHIP_PORT_OFFSET:-0}
HTTP_PORT=$((8080 + PORT_OFFSET))
HTTPS_PORT=$((8443 + PORT_OFFSET))
KC_VERSION=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' "$ROOT/pom.xml")
KC_HOME="$DATA/keycloak-$KC_VERSION"
BUILT_SERVER="$ROOT/ear/target/server"
EAR="$ROOT/ear/target/kinship.ear"
# The demo runs from its own copy of the provisioned server, so that a build or a test run
# (which re-provisions ear/target/server) can go on while the demo is up.
SERVER="$DATA/wildfly"
LOGS="$DATA/logs"

log() { printf '[kinship] %s\n' "$*"; }

stop_pidfile() {
  local file=$1
  if [[ -f $file ]]; then
    local pid
    pid=$(cat "$file")
    # Each service runs in a process group of its own (setsid below): stop the whole group,
    # or the JVM that a launcher script started outlives it and keeps the port.
    if kill -0 -- "-$pid" 2>/dev/null; then
      kill -TERM -- "-$pid" 2>/dev/null || true
      for _ in $(seq 1 30); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 1; done
      kill -KILL -- "-$pid" 2>/dev/null || true
    fi
    rm -f "$file"
  fi
}

stop_all() {
  stop_pidfile "$DATA/wildfly.pid"
  stop_pidfile "$DATA/keycloak.pid"
}

wait_for() { # url seconds what pidfile
  local url=$1 seconds=$2 what=$3 pidfile=$4
  for _ in $(seq 1 "$seconds"); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then return 0; fi
    if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      log "$what stopped while starting; see $LOGS"
      return 1
    fi
    sleep 1
  done
  log "$what did not answer at $url within ${seconds}s; see $LOGS"
  return 1
}

case "${1:-}" in
  --stop) stop_all; log "stopped"; exit 0 ;;
  --reset) stop_all; rm -rf "$DATA/h2" "$KC_HOME/data/h2"; log "demo data deleted" ;;
  "") ;;
  *) echo "usage: deploy/run.sh [--stop|--reset]" >&2; exit 2 ;;
esac

command -v java >/dev/null || { echo "Java 17 or newer is required" >&2; exit 1; }
command -v mvn >/dev/null || { echo "Apache Maven is required" >&2; exit 1; }
mkdir -p "$DATA" "$LOGS"
stop_all
START=$(date +%s)

# 1. Keycloak first: its first start is the slowest part, so it runs while Kinship builds.
if [[ ! -x $KC_HOME/bin/kc.sh ]]; then
  log "unpacking Keycloak $KC_VERSION from the Maven repository"
  mvn -q -f "$ROOT/pom.xml" -N dependency:unpack \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" -DoutputDirectory="$DATA"
fi
mkdir -p "$KC_HOME/data/import"
cp "$ROOT/deploy/keycloak/kinship-realm.json" "$KC_HOME/data/import/"
log "starting Keycloak on http://localhost:$KC_PORT (log: $LOGS/keycloak.log)"
(
  cd "$KC_HOME"
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    exec setsid bin/kc.sh start-dev --http-port="$KC_PORT" --http-management-port="$((KC_PORT + 1000))" --import-realm
) >"$LOGS/keycloak.log" 2>&1 </dev/null &
echo $! >"$DATA/keycloak.pid"

# 2. Build Kinship when the sources are newer than the packaged server.
if [[ ! -f $EAR || ! -x $BUILT_SERVER/bin/standalone.sh ]] \
   || [[ -n $(find "$ROOT/pom.xml" "$ROOT/platform" "$ROOT/plugins" "$ROOT/federation" "$ROOT/ear/pom.xml" "$ROOT/deploy/wildfly" \
          -newer "$EAR" -type f -not -path '*/target/*' -print -quit) ]]; then
  log "building Kinship (mvn package, tests skipped; 'deploy/test.sh' runs them)"
  mvn -q -f "$ROOT/pom.xml" -Dmaven.test.skip=true -Dkinship.skipKeycloakUnpack=true package
fi

# 3. Kinship on WildFly, with H2 in .data/h2 and the demo communities. WildFly starts once Keycloak
#    answers: both are CPU-hungry at start, and on a small machine two starting JVMs slow each other
#    down more than running them one after the other (sign-in needs Keycloak anyway).
wait_for "http://localhost:$KC_PORT/realms/kinship/.well-known/openid-configuration" 240 "Keycloak" "$DATA/keycloak.pid"
rm -rf "$SERVER"
cp -a "$BUILT_SERVER" "$SERVER"
cp "$EAR" "$SERVER/standalone/deployments/"
log "starting Kinship on http://localhost:$HTTP_PORT (log: $LOGS/wildfly.log)"
(
  export KINSHIP_DB=h2
  export KINSHIP_DB_URL="jdbc:h2:file:$DATA/h2/kinship;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
  export KINSHIP_OIDC_PROVIDER_URL="http://localhost:$KC_PORT/realms/kinship"
  export KINSHIP_PUBLIC_URL="http://localhost:$HTTP_PORT"
  export KINSHIP_DEMO_DATA=true
  exec setsid "$SERVER/bin/standalone.sh" -b 127.0.0.1 -bmanagement 127.0.0.1 \
    -Djboss.socket.binding.port-offset="$PORT_OFFSET"
) >"$LOGS/wildfly.log" 2>&1 </dev/null &
echo $! >"$DATA/wildfly.pid"

wait_for "http://localhost:$HTTP_PORT/api/communities" 180 "Kinship" "$DATA/wildfly.pid"
KINSHIP_UP=$(( $(date +%s) - START ))

cat <<MSG

  Kinship is running:  http://localhost:$HTTP_PORT/     (answering after ${KINSHIP_UP}s)
                       https://localhost:$HTTPS_PORT/    (self-signed certificate unless KINSHIP_TLS_KEYSTORE is set)
  Keycloak:            http://localhost:$KC_PORT/        (admin console: admin / admin)

  Demo logins (user / password):
    platform-admin  / kinship-admin   creates communities
    community-admin / kinship-demo    admin of Fjordvik and Storby
    moderator       / kinship-demo    peer moderator in Fjordvik and Storby
    member-ada      / kinship-demo    member of both (different pseudonyms)
    member-bo       / kinship-demo    member of Fjordvik
    member-cai      / kinship-demo    member of Storby
    provider        / kinship-demo    health provider in both
    newcomer        / kinship-demo    no memberships yet: try joining

  Stop with: deploy/run.sh --stop      Start afresh with: deploy/run.sh --reset
MSG
