#!/usr/bin/env bash
# Federation benchmark (issue 7, Performance: on this 2-core machine, over loopback, load generator included:
# the inbox verifies, parses and stores >= 1,000 signed activities/s; one activity reaches 1,000 remote inboxes
# on 100 hosts in <= 5 s; end-to-end lag from A's post to B's display p99 <= 1 s at 50 activities/s between two
# Kinship servers).
#
#   flock /tmp/kinship-heavy.lock deploy/bench/federation/run.sh
#
# End to end and unattended: builds Kinship when ear/target has no kinship.ear or server (the build also makes
# federation/target/kinship-federation-*.jar, whose Signer the load tool signs with); recreates the PostgreSQL
# databases kinship_bench_fed_a and kinship_bench_fed_b; starts two WildFlys with kinship.ear on PostgreSQL:
# A (port offset 1500: http 9580, management 11490, public URL http://localhost:9580) and, for the e2e phase,
# B (port offset 1520: http 9600, management 11510, public URL http://127.0.0.1:9600), each with a heap of
# BENCH_WILDFLY_HEAP (1g), federation allowed to loopback and plain http (KINSHIP_FEDERATION_ALLOW_LOOPBACK,
# KINSHIP_FEDERATION_ALLOW_HTTP) and everything else at the production defaults (4 request threads, 16 delivery
# consumers, the inbox's 200 activities/s per remote host with a burst of 2,000). No Keycloak: nothing measured needs a
# sign-in; what would (following, sharing a thread) is seeded (seed-a.sql, seed-b.sql). Waits until each is
# ready (Flyway has then created the schema), seeds, compiles and runs the load tool FedLoad.java, which plays
# 100 fake ActivityPub servers on the loopback addresses 127.0.1.1-100 (port 9590) and prints the figures
# (see README.md here). Stops everything it started on exit. Runtime files go to /tmp/kinship-bench-federation
# (logs/ in it).
#
# Tunables (environment): BENCH_PHASES ("inbox,delivery,e2e"), BENCH_HOSTS (100), BENCH_INBOX_ACTIVITIES
# (20000), BENCH_INBOX_WARMUP (5000), BENCH_INBOX_THREADS (200 shared threads), BENCH_INBOX_CONCURRENCY (8
# connections), BENCH_FOLLOWERS_PER_HOST (10), BENCH_DELIVERY_ROUNDS (5, after 2 warm-up rounds),
# BENCH_E2E_RATE (50/s), BENCH_E2E_WARMUP (60 s), BENCH_E2E_DURATION (60 s), BENCH_E2E_THREADS (10),
# BENCH_WILDFLY_HEAP (1g), BENCH_TOOL_HEAP (1g), KINSHIP_WORKER_THREADS and KINSHIP_DELIVERY_CONSUMERS (passed
# to both servers when set), KINSHIP_DATA_DIR (/tmp/kinship-bench-federation). BENCH_PROFILE=1 also records
# Java Flight Recordings (the inbox run on A, the e2e runs on A and B: logs/*.jfr) and prints their CPU samples
# by layer (jfr-layers.awk here).
#
# WildFly is started here rather than by deploy/run.sh because run.sh sets its own KINSHIP_DB* (embedded H2)
# and demo data; the start logic is deploy/bench/chat/run.sh's.
set -euo pipefail
# The whole script is one block, which bash reads before running any of it: editing this file during a run
# cannot change the run.
{
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
HERE="$ROOT/deploy/bench/federation"
[[ $# -eq 0 ]] || { echo "usage: deploy/bench/federation/run.sh (tunables in the environment; see the header)" >&2; exit 2; }

PHASES=${BENCH_PHASES:-inbox,delivery,e2e}
HOSTS=${BENCH_HOSTS:-100}
INBOX_ACTIVITIES=${BENCH_INBOX_ACTIVITIES:-20000}
INBOX_WARMUP=${BENCH_INBOX_WARMUP:-5000}
INBOX_THREADS=${BENCH_INBOX_THREADS:-200}
INBOX_CONCURRENCY=${BENCH_INBOX_CONCURRENCY:-8}
FOLLOWERS_PER_HOST=${BENCH_FOLLOWERS_PER_HOST:-10}
DELIVERY_ROUNDS=${BENCH_DELIVERY_ROUNDS:-5}
E2E_RATE=${BENCH_E2E_RATE:-50}
E2E_WARMUP=${BENCH_E2E_WARMUP:-60}
E2E_DURATION=${BENCH_E2E_DURATION:-60}
E2E_THREADS=${BENCH_E2E_THREADS:-10}
WILDFLY_HEAP=${BENCH_WILDFLY_HEAP:-1g}
TOOL_HEAP=${BENCH_TOOL_HEAP:-1g}
DATA=${KINSHIP_DATA_DIR:-/tmp/kinship-bench-federation}
PEER_PORT=9590
A_OFFSET=1500
B_OFFSET=1520
A_HTTP=$((8080 + A_OFFSET))
A_MGMT=$((9990 + A_OFFSET))
B_HTTP=$((8080 + B_OFFSET))
B_MGMT=$((9990 + B_OFFSET))
A_URL="http://localhost:$A_HTTP"
B_URL="http://127.0.0.1:$B_HTTP"
DB_A=kinship_bench_fed_a
DB_B=kinship_bench_fed_b
BUILT_SERVER="$ROOT/ear/target/server"
EAR="$ROOT/ear/target/kinship.ear"
LOGS="$DATA/logs"
PSQL=(psql -h 127.0.0.1 -U postgres -X -q -v ON_ERROR_STOP=1)
WITH_B=false
[[ $PHASES != *e2e* ]] || WITH_B=true

log() { printf '[federation-bench] %s\n' "$*" >&2; }
sql() { "${PSQL[@]}" -d "$1" -At -c "$2"; }

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
  stop_group "$DATA/wildfly-a.pid"
  stop_group "$DATA/wildfly-b.pid"
  [[ $rc -eq 0 ]] || log "failed (exit $rc); logs are in $LOGS"
}

wait_for() { # url seconds what pidfile logfile
  local url=$1 seconds=$2 what=$3 pidfile=$4 logfile=$5
  for _ in $(seq 1 "$seconds"); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then return 0; fi
    if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      log "$what stopped while starting; see $logfile"
      return 1
    fi
    if grep -q 'WFLYSRV0026' "$logfile" 2>/dev/null; then
      log "$what started with errors (the deployment failed); see $logfile"
      return 1
    fi
    sleep 1
  done
  log "$what did not answer at $url within ${seconds}s; see $logfile"
  return 1
}

# start_wildfly name offset public-url database
start_wildfly() {
  local name=$1 offset=$2 url=$3 db=$4 server="$DATA/wildfly-$1"
  rm -rf "$server"
  cp -a "$BUILT_SERVER" "$server"
  cp "$EAR" "$server/standalone/deployments/"
  log "starting Kinship $name on $url with -Xmx$WILDFLY_HEAP (database $db; log: $LOGS/wildfly-$name.log)"
  (
    # (no KINSHIP_DB_PASSWORD: the datasource needs a non-empty one, and trust authentication ignores it)
    export KINSHIP_DB=postgresql KINSHIP_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" KINSHIP_DB_USER=postgres
    # Never contacted: only a signed-in request would fetch the provider's metadata, and none is made.
    export KINSHIP_OIDC_PROVIDER_URL="http://localhost:9/realms/kinship"
    export KINSHIP_PUBLIC_URL="$url"
    export KINSHIP_DEMO_DATA=false
    # Federation with the fake servers on 127.0.1.x and between A and B: loopback and plain http.
    export KINSHIP_FEDERATION_ALLOW_LOOPBACK=true KINSHIP_FEDERATION_ALLOW_HTTP=true
    export JBOSS_JAVA_SIZING="-Xms64m -Xmx$WILDFLY_HEAP"
    # JFR keeps 64 frames of a stack by default: a Hibernate call under the inbox is deeper, and loses the
    # Kinship frames that say which step it belongs to.
    [[ -z ${BENCH_PROFILE:-} ]] || JBOSS_JAVA_SIZING="$JBOSS_JAVA_SIZING -XX:FlightRecorderOptions=stackdepth=256"
    exec setsid "$server/bin/standalone.sh" -b 127.0.0.1 -bmanagement 127.0.0.1 \
      -Djboss.socket.binding.port-offset="$offset"
  ) >"$LOGS/wildfly-$name.log" 2>&1 </dev/null &
  echo $! >"$DATA/wildfly-$name.pid"
}

java_of() { # pidfile: the java process in that process group
  ps -eo pid=,pgid=,comm= | awk -v g="$(cat "$1")" '$2 == g && $3 == "java" { print $1 }'
}

# ---- 0. prerequisites ----
START_UPTIME=$(uptime)   # before anything of ours runs: how busy the machine is with other work
OTHER_JAVA=$(ps -eo args= | grep -c '[j]boss-modules.jar' || true)
stop_group "$DATA/tool.pid"      # left over from an interrupted run of this script
stop_group "$DATA/wildfly-a.pid"
stop_group "$DATA/wildfly-b.pid"
for port in "$A_HTTP" "$A_MGMT" "$B_HTTP" "$B_MGMT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    log "port $port is in use: is another federation benchmark running?"
    exit 1
  fi
done
for h in 127.0.1.1 "127.0.1.$HOSTS" 127.0.3.1; do
  if (exec 3<>"/dev/tcp/$h/$PEER_PORT") 2>/dev/null; then
    log "$h:$PEER_PORT is in use: is another federation benchmark running?"
    exit 1
  fi
done
command -v java >/dev/null || { log "Java 17 or newer is required"; exit 1; }
command -v mvn >/dev/null || { log "Apache Maven is required"; exit 1; }
command -v psql >/dev/null || { log "psql (postgresql-client) is required"; exit 1; }
"${PSQL[@]}" -d postgres -c 'select 1' >/dev/null || { log "PostgreSQL is not answering on 127.0.0.1:5432 (user postgres)"; exit 1; }
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

mkdir -p "$DATA" "$LOGS"
trap cleanup EXIT

# ---- 1. build when there is nothing built ----
if [[ ! -f $EAR || ! -x $BUILT_SERVER/bin/standalone.sh ]] || ! compgen -G "$ROOT/federation/target/kinship-federation-*.jar" >/dev/null; then
  log "building Kinship (mvn -DskipTests package)"
  (cd "$ROOT" && mvn -q -DskipTests package)
fi
FEDERATION_JAR=$(ls "$ROOT"/federation/target/kinship-federation-*.jar | grep -v -e sources -e javadoc | head -n 1)
log "compiling the load tool against $(basename "$FEDERATION_JAR")"
rm -rf "$DATA/classes"
javac -d "$DATA/classes" -cp "$FEDERATION_JAR" "$HERE/FedLoad.java"

# ---- 2. the databases and the servers ----
"${PSQL[@]}" -d postgres -c "drop database if exists $DB_A with (force)" -c "create database $DB_A" \
  -c "drop database if exists $DB_B with (force)" -c "create database $DB_B"
start_wildfly a "$A_OFFSET" "$A_URL" "$DB_A"
$WITH_B && start_wildfly b "$B_OFFSET" "$B_URL" "$DB_B"
# readiness on the management port: no request to the application before the seed (its caches start empty)
wait_for "http://127.0.0.1:$A_MGMT/health/ready" 300 "Kinship A" "$DATA/wildfly-a.pid" "$LOGS/wildfly-a.log"
$WITH_B && wait_for "http://127.0.0.1:$B_MGMT/health/ready" 300 "Kinship B" "$DATA/wildfly-b.pid" "$LOGS/wildfly-b.log"
log "ready; schema: $(sql "$DB_A" "select version from flyway_schema_history where success order by installed_rank desc limit 1")"

# ---- 3. seed ----
"${PSQL[@]}" -d "$DB_A" --single-transaction -v a_url="$A_URL" -v b_url="$B_URL" -v inbox_threads="$INBOX_THREADS" \
  -v e2e_threads="$E2E_THREADS" -f "$HERE/seed-a.sql" >"$LOGS/seed-a.log"
"${PSQL[@]}" -d "$DB_A" -c 'vacuum (analyze)'
if $WITH_B; then
  "${PSQL[@]}" -d "$DB_B" --single-transaction -v a_url="$A_URL" -v b_url="$B_URL" -v e2e_threads="$E2E_THREADS" \
    -f "$HERE/seed-b.sql" >"$LOGS/seed-b.log"
  "${PSQL[@]}" -d "$DB_B" -c 'vacuum (analyze)'
fi

# ---- 4. what is measured, and where ----
PID_A=$(java_of "$DATA/wildfly-a.pid")
PID_B=0
$WITH_B && PID_B=$(java_of "$DATA/wildfly-b.pid")
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD)
[[ -z $(git -C "$ROOT" status --porcelain) ]] || COMMIT="$COMMIT (with uncommitted changes)"
echo "machine:   $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)), $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -n 1), PostgreSQL $(sql postgres 'show server_version') (autovacuum $(sql postgres 'show autovacuum'))"
echo "commit:    $COMMIT"
echo "wildfly:   A pid $PID_A on $A_URL$($WITH_B && echo ", B pid $PID_B on $B_URL"), each $(tr '\0' ' ' <"/proc/$PID_A/cmdline" | grep -o -- '-Xm[sx][^ ]*' | tr '\n' ' ')(request threads ${KINSHIP_WORKER_THREADS:-4}, delivery consumers ${KINSHIP_DELIVERY_CONSUMERS:-16}, inbox limit 200/s per remote host, burst 2,000)"
echo "seed A:    $(sql "$DB_A" "select string_agg(format('%s (%s shared threads)', c.slug, (select count(*) from forum_thread t where t.community_id = c.id and t.shared_at is not null)), ', ' order by c.slug) from community c"); origin followed by B's Group (seeded)"
$WITH_B && echo "seed B:    copy follows A's origin (seeded), $(sql "$DB_B" "select count(*) from federated_object where kind = 'THREAD'") thread copies"
echo "load:      FedLoad.java --phases $PHASES --hosts $HOSTS --inbox-activities $INBOX_ACTIVITIES --inbox-warmup $INBOX_WARMUP --inbox-threads $INBOX_THREADS --inbox-concurrency $INBOX_CONCURRENCY --followers-per-host $FOLLOWERS_PER_HOST --delivery-rounds $DELIVERY_ROUNDS --e2e-rate $E2E_RATE --e2e-warmup $E2E_WARMUP --e2e-duration $E2E_DURATION --e2e-threads $E2E_THREADS"
echo "uptime:    $START_UPTIME   (at the start, before the servers; $OTHER_JAVA WildFly processes were running then)"
echo "uptime:    $(uptime)   (before the load; from here on the load average counts the benchmark's own threads)"

JFR_ARGS=()
[[ -z ${BENCH_PROFILE:-} ]] || JFR_ARGS=(--jfr-dir "$LOGS")
rm -f "$LOGS"/*.jfr
: >"$LOGS/tool.out"   # emptied before tail starts, or tail could print the last run's output first
(
  exec setsid java -Xmx"$TOOL_HEAP" -cp "$DATA/classes:$FEDERATION_JAR" FedLoad \
    --a "$A_URL" --a-connect "127.0.0.1:$A_HTTP" --b "$B_URL" --db-a "$DB_A" --db-b "$DB_B" --pid-a "$PID_A" --pid-b "$PID_B" \
    --hosts "$HOSTS" --peer-port "$PEER_PORT" --phases "$PHASES" --inbox-activities "$INBOX_ACTIVITIES" \
    --inbox-warmup "$INBOX_WARMUP" --inbox-threads "$INBOX_THREADS" --inbox-concurrency "$INBOX_CONCURRENCY" \
    --followers-per-host "$FOLLOWERS_PER_HOST" --delivery-rounds "$DELIVERY_ROUNDS" --e2e-rate "$E2E_RATE" \
    --e2e-warmup "$E2E_WARMUP" --e2e-duration "$E2E_DURATION" --e2e-threads "$E2E_THREADS" "${JFR_ARGS[@]}"
) >>"$LOGS/tool.out" 2>"$LOGS/tool.err" </dev/null &
TOOL=$!
echo "$TOOL" >"$DATA/tool.pid"
tail -n +1 --pid="$TOOL" -f "$LOGS/tool.out" &
TOOL_RC=0
wait "$TOOL" || TOOL_RC=$?
sleep 1   # tail prints the last lines
rm -f "$DATA/tool.pid"
[[ ! -s $LOGS/tool.err ]] || { echo "tool stderr (first lines; all in $LOGS/tool.err):"; head -n 20 "$LOGS/tool.err"; }
for rec in "$LOGS"/*.jfr; do
  [[ -f $rec ]] || continue
  echo "  $(basename "$rec"): $(jfr print --stack-depth 200 --events jdk.ExecutionSample "$rec" | awk -f "$HERE/jfr-layers.awk")"
done
echo "uptime:    $(uptime)   (after the load)"
for name in a b; do
  server_log="$DATA/wildfly-$name/standalone/log/server.log"
  [[ -f $server_log ]] || continue
  echo "server $name log: $(grep -c ' ERROR ' "$server_log" || true) ERROR lines, $(grep -c 'Inbox could not process' "$server_log" || true) activities the inbox could not process"
done
log "done; logs in $LOGS"
exit "$TOOL_RC"
}
