#!/usr/bin/env bash
# Chat load benchmark (issue 4, Performance: "a load tool opens N authenticated clients over loopback
# and prints figures; targets on this 2-core machine, load generator included: 1,000 members in one
# room, 100 messages/s posted in total: >= 100,000 deliveries/s, end-to-end p99 <= 50 ms, no loss;
# 10,000 connected idle members: <= 1 GiB heap, reported with RSS; time to resume 1,000 missed
# messages after a reconnect").
#
#   flock /tmp/kinship-heavy.lock deploy/bench/chat/run.sh
#
# End to end and unattended: builds Kinship when ear/target has no kinship.ear or server; recreates the
# PostgreSQL database kinship_bench_chat; generates a bench copy of the Keycloak realm with
# BENCH_MEMBERS users (bench-00001 ..., password "bench", fixed ids, a one-iteration password hash and
# two-hour access tokens: for this throw-away realm only) and starts Keycloak with it (port 9480,
# management 10480); starts WildFly with kinship.ear on PostgreSQL (port offset 1300: http 9380,
# management 11290) with a heap of BENCH_WILDFLY_HEAP (1g); waits until Kinship is ready (Flyway has
# then created the schema), seeds the community, memberships and rooms (seed.sql), and runs the load
# tool ChatLoad.java (the JDK only: java.net.http and NIO), which takes the members' tokens
# by password grant on kinship-cli, opens their WebSockets with the bearer token at the handshake and
# prints the figures (see README.md here). Stops everything it started on exit. Runtime files go to
# /tmp/kinship-bench-chat (logs/ in it).
#
# Tunables (environment): BENCH_MEMBERS (10000), BENCH_FANOUT (1000 members in the fan-out room),
# BENCH_RATES (messages/s in total, one measured run each: "100"; "100,120" adds a run above the target), BENCH_WARMUP (60 s),
# BENCH_DURATION (30 s per measured run), BENCH_RESUME_MESSAGES (1000), BENCH_RESUME_RUNS (3),
# BENCH_PHASES ("fanout,resume,idle"), BENCH_WILDFLY_HEAP (1g), BENCH_TOOL_HEAP (2g),
# KINSHIP_DATA_DIR (/tmp/kinship-bench-chat). BENCH_PROFILE=1 also records a Java Flight Recording of
# WildFly during the fan-out runs (logs/fanout.jfr) and prints its CPU samples by layer.
#
# WildFly is started here rather than by deploy/run.sh because run.sh sets its own KINSHIP_DB* (embedded
# H2) and demo data; the start logic below is deploy/bench/forum/run.sh's.
set -euo pipefail
# The whole script is one block, which bash reads before running any of it: editing this file during a
# run cannot change the run.
{
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
HERE="$ROOT/deploy/bench/chat"
[[ $# -eq 0 ]] || { echo "usage: deploy/bench/chat/run.sh (tunables in the environment; see the header)" >&2; exit 2; }

MEMBERS=${BENCH_MEMBERS:-10000}
FANOUT=${BENCH_FANOUT:-1000}
RATES=${BENCH_RATES:-100}
WARMUP=${BENCH_WARMUP:-60}
DURATION=${BENCH_DURATION:-30}
RESUME_MESSAGES=${BENCH_RESUME_MESSAGES:-1000}
RESUME_RUNS=${BENCH_RESUME_RUNS:-3}
PHASES=${BENCH_PHASES:-fanout,resume,idle}
WILDFLY_HEAP=${BENCH_WILDFLY_HEAP:-1g}
TOOL_HEAP=${BENCH_TOOL_HEAP:-2g}
DATA=${KINSHIP_DATA_DIR:-/tmp/kinship-bench-chat}
PORT_OFFSET=1300
HTTP_PORT=$((8080 + PORT_OFFSET))
MGMT_PORT=$((9990 + PORT_OFFSET))
KC_PORT=9480
KC_MGMT_PORT=$((KC_PORT + 1000))
DB=kinship_bench_chat
DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB"
KC_VERSION=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' "$ROOT/pom.xml")
KC_HOME="$DATA/keycloak-$KC_VERSION"
BUILT_SERVER="$ROOT/ear/target/server"
EAR="$ROOT/ear/target/kinship.ear"
SERVER="$DATA/wildfly"
LOGS="$DATA/logs"
PSQL=(psql -h 127.0.0.1 -U postgres -X -q -v ON_ERROR_STOP=1)

log() { printf '[chat-bench] %s\n' "$*" >&2; }
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
sql() { "${PSQL[@]}" -d "$DB" -At -c "$1"; }

# ---- stopping what we started ----
stop_group() { # pidfile: each service runs in a process group of its own (setsid)
  local file=$1 pid
  [[ -f $file ]] || return 0
  pid=$(cat "$file")
  if kill -0 -- "-$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}
cleanup() {
  local rc=$?
  stop_group "$DATA/tool.pid"
  stop_group "$DATA/wildfly.pid"
  stop_group "$DATA/keycloak.pid"
  [[ $rc -eq 0 ]] || log "failed (exit $rc); logs are in $LOGS"
}

wait_for() { # url seconds what pidfile
  local url=$1 seconds=$2 what=$3 pidfile=$4
  for _ in $(seq 1 "$seconds"); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then return 0; fi
    if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      log "$what stopped while starting; see $LOGS"
      return 1
    fi
    if grep -q 'WFLYSRV0026' "$LOGS/wildfly.log" 2>/dev/null; then
      log "WildFly started with errors (the deployment failed); see $LOGS/wildfly.log"
      return 1
    fi
    sleep 1
  done
  log "$what did not answer at $url within ${seconds}s; see $LOGS"
  return 1
}

# ---- 0. prerequisites ----
START_UPTIME=$(uptime)   # before anything of ours runs: how busy the machine is with other work
stop_group "$DATA/tool.pid"      # left over from an interrupted run of this script
stop_group "$DATA/wildfly.pid"
stop_group "$DATA/keycloak.pid"
for port in "$HTTP_PORT" "$MGMT_PORT" "$KC_PORT" "$KC_MGMT_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    log "port $port is in use: is another chat benchmark running?"
    exit 1
  fi
done
command -v java >/dev/null || { log "Java 17 or newer is required"; exit 1; }
command -v mvn >/dev/null || { log "Apache Maven is required"; exit 1; }
command -v psql >/dev/null || { log "psql (postgresql-client) is required"; exit 1; }
"${PSQL[@]}" -d postgres -c 'select 1' >/dev/null || { log "PostgreSQL is not answering on 127.0.0.1:5432 (user postgres)"; exit 1; }
if ! command -v jq >/dev/null; then
  log "installing Debian's jq"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jq >/dev/null
fi
# One socket per member on each side (WildFly and the tool are started from this shell), plus the
# JVMs' own files: raise the soft limit to the hard one.
NEEDED_FDS=$((MEMBERS + 2000))
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if [[ $(ulimit -n) != unlimited && $(ulimit -n) -lt $NEEDED_FDS ]]; then
  log "open files limit $(ulimit -n) (hard $(ulimit -Hn)) is below $NEEDED_FDS for $MEMBERS connections"
  exit 1
fi

mkdir -p "$DATA" "$LOGS"
trap cleanup EXIT

# ---- 1. build when there is nothing built ----
if [[ ! -f $EAR || ! -x $BUILT_SERVER/bin/standalone.sh ]]; then
  log "building Kinship (mvn -DskipTests package)"
  (cd "$ROOT" && mvn -q -DskipTests package)
fi
log "compiling the load tool"
rm -rf "$DATA/classes"
javac -d "$DATA/classes" "$HERE/ChatLoad.java"

# ---- 2. the database ----
"${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"

# ---- 3. Keycloak with a bench copy of the realm ----
if [[ ! -x $KC_HOME/bin/kc.sh ]]; then
  log "unpacking Keycloak $KC_VERSION from the Maven repository"
  mvn -q -f "$ROOT/pom.xml" -N dependency:unpack \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" -DoutputDirectory="$DATA"
fi
rm -rf "$KC_HOME/data/h2" "$KC_HOME/data/import"   # import the bench realm as generated now
mkdir -p "$KC_HOME/data/import"
# Member n: user bench-0000n, id bc000000-0000-4000-8000-<n in 12 digits> (seed.sql uses the same
# subject). One hash iteration and no brute-force detection make 10,000 password grants cheap; the
# access tokens live two hours so that none expires during a run (the WebSocket checks it at the handshake).
jq --argjson n "$MEMBERS" '
  .passwordPolicy = "hashIterations(1)"
  | .accessTokenLifespan = 7200
  | .bruteForceProtected = false
  | .users += [range(1; $n + 1) as $i | {
      id: ("bc000000-0000-4000-8000-" + ("000000000000" + ($i | tostring))[-12:]),
      username: ("bench-" + ("00000" + ($i | tostring))[-5:]),
      enabled: true,
      credentials: [{type: "password", value: "bench", temporary: false}],
      requiredActions: [],
      realmRoles: ["default-roles-kinship"]
    }]' "$ROOT/deploy/keycloak/kinship-realm.json" >"$KC_HOME/data/import/kinship-realm.json"
log "starting Keycloak on http://localhost:$KC_PORT with $MEMBERS bench users (log: $LOGS/keycloak.log)"
(
  cd "$KC_HOME"
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    exec setsid bin/kc.sh start-dev --http-port="$KC_PORT" --http-management-port="$KC_MGMT_PORT" --import-realm
) >"$LOGS/keycloak.log" 2>&1 </dev/null &
echo $! >"$DATA/keycloak.pid"

# ---- 4. WildFly with kinship.ear on PostgreSQL ----
rm -rf "$SERVER"
cp -a "$BUILT_SERVER" "$SERVER"
cp "$EAR" "$SERVER/standalone/deployments/"
log "starting Kinship on http://localhost:$HTTP_PORT with -Xmx$WILDFLY_HEAP (log: $LOGS/wildfly.log)"
(
  # (no KINSHIP_DB_PASSWORD: the datasource needs a non-empty one, and trust authentication ignores it)
  export KINSHIP_DB=postgresql KINSHIP_DB_URL="$DB_URL" KINSHIP_DB_USER=postgres
  export KINSHIP_OIDC_PROVIDER_URL="http://localhost:$KC_PORT/realms/kinship"
  export KINSHIP_PUBLIC_URL="http://localhost:$HTTP_PORT"
  export KINSHIP_DEMO_DATA=false
  # standalone.conf's sizing with a larger maximum heap (the chat limits stay the production defaults)
  export JBOSS_JAVA_SIZING="-Xms64m -Xmx$WILDFLY_HEAP"
  exec setsid "$SERVER/bin/standalone.sh" -b 127.0.0.1 -bmanagement 127.0.0.1 \
    -Djboss.socket.binding.port-offset="$PORT_OFFSET"
) >"$LOGS/wildfly.log" 2>&1 </dev/null &
echo $! >"$DATA/wildfly.pid"
# readiness on the management port: no request to the application before the seed (its caches start empty)
wait_for "http://127.0.0.1:$MGMT_PORT/health/ready" 240 "Kinship" "$DATA/wildfly.pid"
log "Kinship is ready; schema: $(sql "select max(version) from flyway_schema_history where success")"

# ---- 5. seed ----
seed_start=$(date +%s.%N)
"${PSQL[@]}" -d "$DB" --single-transaction -v members="$MEMBERS" -v fanout="$FANOUT" -f "$HERE/seed.sql" >"$LOGS/seed.log"
"${PSQL[@]}" -d "$DB" -c 'vacuum (analyze)'
log "seeded in $(awk -v a="$seed_start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1fs", b - a }')"

wait_for "http://localhost:$KC_PORT/realms/kinship/.well-known/openid-configuration" 600 "Keycloak" "$DATA/keycloak.pid"
log "Keycloak answers"

# ---- 6. what is measured, and where ----
WILDFLY_PGID=$(cat "$DATA/wildfly.pid")
WILDFLY_JAVA=$(ps -eo pid=,pgid=,comm= | awk -v g="$WILDFLY_PGID" '$2 == g && $3 == "java" { print $1 }')
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD)
[[ -z $(git -C "$ROOT" status --porcelain) ]] || COMMIT="$COMMIT (with uncommitted changes)"
echo "machine:   $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)), $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -n 1), PostgreSQL $(sql 'show server_version'), open files limit $(ulimit -n)"
echo "commit:    $COMMIT"
echo "wildfly:   pid $WILDFLY_JAVA, $(tr '\0' ' ' <"/proc/$WILDFLY_JAVA/cmdline" | grep -o -- '-Xm[sx][^ ]*' | tr '\n' ' ')(chat limits: production defaults)"
echo "seed:      $(sql "select format('%s members in community bench, %s public rooms (room 0 for the fan-out, lobbies of 100 for the others)',
  (select count(*) from membership where status = 'ACTIVE'), (select count(*) from chat_room))")"
echo "load:      ChatLoad.java --members $MEMBERS --fanout $FANOUT --rates $RATES --warmup $WARMUP --duration $DURATION --resume-messages $RESUME_MESSAGES --resume-runs $RESUME_RUNS --phases $PHASES"
echo "uptime:    $START_UPTIME   (at the start, before Keycloak and WildFly)"
echo "uptime:    $(uptime)   (before the load; from here on the load average counts the benchmark's own threads)"

# (the tokens' issuer must be the provider URL WildFly was given: localhost, not 127.0.0.1)
JFR_ARGS=()
[[ -z ${BENCH_PROFILE:-} ]] || JFR_ARGS=(--jfr "$LOGS/fanout.jfr")
(
  exec setsid java -Xmx"$TOOL_HEAP" -cp "$DATA/classes" ChatLoad \
    --http "http://127.0.0.1:$HTTP_PORT" --keycloak "http://localhost:$KC_PORT/realms/kinship" \
    --wildfly-pid "$WILDFLY_JAVA" --db "$DB" --members "$MEMBERS" --fanout "$FANOUT" --rates "$RATES" \
    --warmup "$WARMUP" --duration "$DURATION" --resume-messages "$RESUME_MESSAGES" --resume-runs "$RESUME_RUNS" \
    --phases "$PHASES" "${JFR_ARGS[@]}"
) >"$LOGS/tool.out" 2>"$LOGS/tool.err" </dev/null &
TOOL=$!
echo "$TOOL" >"$DATA/tool.pid"
touch "$LOGS/tool.out"
tail -n +1 --pid="$TOOL" -f "$LOGS/tool.out" &
TOOL_RC=0
wait "$TOOL" || TOOL_RC=$?
sleep 1   # tail prints the last lines
rm -f "$DATA/tool.pid"
[[ ! -s $LOGS/tool.err ]] || { echo "tool stderr (first lines; all in $LOGS/tool.err):"; head -n 20 "$LOGS/tool.err"; }
if [[ -n ${BENCH_PROFILE:-} && -f $LOGS/fanout.jfr ]]; then
  echo "  $(jfr print --stack-depth 200 --events jdk.ExecutionSample "$LOGS/fanout.jfr" | awk -f "$ROOT/deploy/bench/forum/jfr-layers.awk")"
fi
echo "uptime:    $(uptime)   (after the load)"
echo "server log: $(grep -c ' ERROR ' "$SERVER/standalone/log/server.log" || true) ERROR lines"
log "done; logs in $LOGS"
exit "$TOOL_RC"
}
