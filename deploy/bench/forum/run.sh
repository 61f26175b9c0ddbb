#!/usr/bin/env bash
# Forum load benchmark (issue: "seed a community with 1,000 members, 20,000 threads and 500,000
# replies on PostgreSQL, then drive a loopback HTTP load against the thread page API (50 posts) and
# the category listing; target on this 2-core machine, load generator included: >= 2,000 requests/s
# with p99 <= 25 ms for each, no errors").
#
#   deploy/bench/forum/run.sh            recreate the database kinship_bench, seed it, measure
#   deploy/bench/forum/run.sh --reuse    keep kinship_bench when it already holds the seed
#
# End to end and unattended: builds Kinship when ear/target has no kinship.ear or server, starts
# Keycloak (port 9080) and WildFly (port offset 900: http 8980, management 10890) on their own,
# beside a demo, with PostgreSQL 127.0.0.1:5432/kinship_bench; waits until Kinship answers (Flyway
# has then created the schema), seeds with seed.sql, takes member-ada's token (password grant on
# kinship-cli), warms up and runs wrk (Debian's package, installed when missing) with report.lua
# against both endpoints. Prints the machine, the commit, the seed sizes, one RESULT line per
# endpoint, the CPU each process used during the run, and the SQL statements per request.
# Stops everything it started on exit. Runtime files go to /tmp/kinship-bench-forum (logs/ in it).
#
# Tunables (environment): BENCH_DURATION seconds (30), BENCH_WARMUP seconds per endpoint (30),
# BENCH_THREADS (2), BENCH_CONNECTIONS (16), KINSHIP_DATA_DIR (/tmp/kinship-bench-forum).
# BENCH_PROFILE=1 also records a Java Flight Recording of WildFly during each measured run
# (logs/<endpoint>.jfr) and prints where its CPU samples fall, by layer (jfr-layers.awk).
#
# WildFly is started here rather than by deploy/run.sh because run.sh sets its own KINSHIP_DB*
# (embedded H2) and demo data; the start logic below is run.sh's, with PostgreSQL.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
HERE="$ROOT/deploy/bench/forum"
REUSE=false
case "${1:-}" in
  --reuse) REUSE=true ;;
  "") ;;
  *) echo "usage: deploy/bench/forum/run.sh [--reuse]" >&2; exit 2 ;;
esac

DURATION=${BENCH_DURATION:-30}
WARMUP=${BENCH_WARMUP:-30}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
DATA=${KINSHIP_DATA_DIR:-/tmp/kinship-bench-forum}
PORT_OFFSET=900
HTTP_PORT=$((8080 + PORT_OFFSET))
MGMT_PORT=$((9990 + PORT_OFFSET))
KC_PORT=9080
KC_MGMT_PORT=$((KC_PORT + 1000))
DB=kinship_bench
DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB"
KC_VERSION=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' "$ROOT/pom.xml")
KC_HOME="$DATA/keycloak-$KC_VERSION"
BUILT_SERVER="$ROOT/ear/target/server"
EAR="$ROOT/ear/target/kinship.ear"
SERVER="$DATA/wildfly"
LOGS="$DATA/logs"
BASE="http://localhost:$HTTP_PORT/api/communities/bench/forum"
PSQL=(psql -h 127.0.0.1 -U postgres -X -q -v ON_ERROR_STOP=1)

log() { printf '[forum-bench] %s\n' "$*" >&2; }
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
stop_group "$DATA/wildfly.pid"   # left over from an interrupted run of this script
stop_group "$DATA/keycloak.pid"
for port in "$HTTP_PORT" "$MGMT_PORT" "$KC_PORT" "$KC_MGMT_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    log "port $port is in use: is another forum benchmark running?"
    exit 1
  fi
done
command -v java >/dev/null || { log "Java 17 or newer is required"; exit 1; }
command -v mvn >/dev/null || { log "Apache Maven is required"; exit 1; }
command -v psql >/dev/null || { log "psql (postgresql-client) is required"; exit 1; }
"${PSQL[@]}" -d postgres -c 'select 1' >/dev/null || { log "PostgreSQL is not answering on 127.0.0.1:5432 (user postgres)"; exit 1; }
if ! command -v wrk >/dev/null || ! command -v jq >/dev/null; then
  log "installing Debian's wrk and jq"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk jq >/dev/null
fi

mkdir -p "$DATA" "$LOGS"
trap cleanup EXIT

# ---- 1. build when there is nothing built ----
if [[ ! -f $EAR || ! -x $BUILT_SERVER/bin/standalone.sh ]]; then
  log "building Kinship (mvn -DskipTests package)"
  (cd "$ROOT" && mvn -q -DskipTests package)
fi

# ---- 2. the database ----
EXPECTED_POSTS=520000
seeded_posts() {
  "${PSQL[@]}" -d "$DB" -At -c "select count(*) from forum_post p join community c on c.id = p.community_id
                                 where c.slug = 'bench'" 2>/dev/null || echo 0
}
SEED=true
if $REUSE && [[ $(seeded_posts) == "$EXPECTED_POSTS" ]]; then
  SEED=false
  log "reusing the seeded database $DB"
else
  $REUSE && log "database $DB does not hold the seed; recreating it"
  "${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
fi

# ---- 3. Keycloak, unpacked from the Maven repository as deploy/run.sh does ----
if [[ ! -x $KC_HOME/bin/kc.sh ]]; then
  log "unpacking Keycloak $KC_VERSION from the Maven repository"
  mvn -q -f "$ROOT/pom.xml" -N dependency:unpack \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" -DoutputDirectory="$DATA"
fi
rm -rf "$KC_HOME/data/h2"   # import the realm file as it is now
mkdir -p "$KC_HOME/data/import"
cp "$ROOT/deploy/keycloak/kinship-realm.json" "$KC_HOME/data/import/"
log "starting Keycloak on http://localhost:$KC_PORT (log: $LOGS/keycloak.log)"
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
log "starting Kinship on http://localhost:$HTTP_PORT (log: $LOGS/wildfly.log)"
(
  # (no KINSHIP_DB_PASSWORD: the datasource needs a non-empty one, and trust authentication ignores it)
  export KINSHIP_DB=postgresql KINSHIP_DB_URL="$DB_URL" KINSHIP_DB_USER=postgres
  export KINSHIP_OIDC_PROVIDER_URL="http://localhost:$KC_PORT/realms/kinship"
  export KINSHIP_PUBLIC_URL="http://localhost:$HTTP_PORT"
  export KINSHIP_DEMO_DATA=false
  exec setsid "$SERVER/bin/standalone.sh" -b 127.0.0.1 -bmanagement 127.0.0.1 \
    -Djboss.socket.binding.port-offset="$PORT_OFFSET"
) >"$LOGS/wildfly.log" 2>&1 </dev/null &
echo $! >"$DATA/wildfly.pid"
wait_for "http://localhost:$HTTP_PORT/api/communities" 240 "Kinship" "$DATA/wildfly.pid"
log "Kinship answers; schema: $(sql "select max(version) from flyway_schema_history where success")"

# ---- 5. seed ----
if $SEED; then
  log "seeding (seed.sql in one transaction, then VACUUM ANALYZE)"
  seed_start=$(date +%s.%N)
  "${PSQL[@]}" -d "$DB" --single-transaction -f "$HERE/seed.sql" >"$LOGS/seed.log"
  seed_loaded=$(date +%s.%N)
  "${PSQL[@]}" -d "$DB" -c 'vacuum (analyze)'
  seed_end=$(date +%s.%N)
  SEED_TIME=$(awk -v a="$seed_start" -v b="$seed_loaded" -v c="$seed_end" \
    'BEGIN { printf "%.0fs (inserts %.0fs, vacuum analyze %.0fs)", c - a, b - a, c - b }')
  log "seeded in $SEED_TIME"
else
  SEED_TIME="reused"
fi

# ---- 6. token, thread and category ----
wait_for "http://localhost:$KC_PORT/realms/kinship/.well-known/openid-configuration" 240 "Keycloak" "$DATA/keycloak.pid"
token() {
  curl -fsS -d grant_type=password -d client_id=kinship-cli -d username=member-ada -d password=kinship-demo \
    "http://localhost:$KC_PORT/realms/kinship/protocol/openid-connect/token" | jq -r .access_token
}
export BENCH_TOKEN
BENCH_TOKEN=$(token)
# the most recently active thread with a full page (>= 50 posts) that member-ada may read
THREAD=$(sql "select t.id from forum_thread t join community c on c.id = t.community_id
              where c.slug = 'bench' and t.post_count >= 50 and not t.hidden and t.visibility = 'COMMUNITY'
              order by t.last_activity_at desc limit 1")
# the busiest category
CATEGORY=$(sql "select t.category_id from forum_thread t join community c on c.id = t.community_id
                where c.slug = 'bench' group by t.category_id order by count(*) desc limit 1")
THREAD_URL="$BASE/threads/$THREAD"
LISTING_URL="$BASE/categories/$CATEGORY/threads"
check() { # url jq-expression-for-the-count expected what
  local body
  body=$(curl -fsS -H "Authorization: Bearer $BENCH_TOKEN" -H 'Accept: application/json' "$1") \
    || { log "$4 did not answer 200: $1"; exit 1; }
  [[ $(jq "$2" <<<"$body") == "$3" ]] || { log "$4 does not have $3 entries: $(head -c 300 <<<"$body")"; exit 1; }
  printf '%s' "${#body}"
}
THREAD_BYTES=$(check "$THREAD_URL" '.posts | length' 50 "the thread page")
LISTING_BYTES=$(check "$LISTING_URL" 'length' 30 "the category listing")

# ---- 7. what is measured, and where ----
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD)
[[ -z $(git -C "$ROOT" status --porcelain) ]] || COMMIT="$COMMIT (with uncommitted changes)"
echo "machine:   $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)), $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -n 1), PostgreSQL $(sql 'show server_version'), $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1,2)"
echo "commit:    $COMMIT"
echo "seed:      $(sql "select format('%s members (active), %s threads in %s categories, %s posts = %s opening + %s replies, %s reactions, %s read markers; threads with >= 50 posts: %s; database %s',
  (select count(*) from membership m join community c on c.id = m.community_id where c.slug = 'bench' and m.status = 'ACTIVE'),
  (select count(*) from forum_thread), (select count(*) from forum_category),
  (select count(*) from forum_post), (select count(*) from forum_post where seq = 0), (select count(*) from forum_post where seq > 0),
  (select count(*) from forum_reaction), (select count(*) from read_marker),
  (select count(*) from forum_thread where post_count >= 50), pg_size_pretty(pg_database_size(current_database())))"); seed time $SEED_TIME"
echo "thread:    GET $THREAD_URL  (50 posts, $THREAD_BYTES bytes)"
echo "listing:   GET $LISTING_URL  (30 threads of $(sql "select count(*) from forum_thread where category_id = '$CATEGORY'"), $LISTING_BYTES bytes)"
echo "load:      wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency --timeout 10s -s deploy/bench/forum/report.lua, after ${WARMUP}s of warm-up per endpoint"

# ---- 8. CPU accounting: clock ticks used by WildFly, by the PostgreSQL backends of kinship_bench, by wrk ----
TICK=$(getconf CLK_TCK)
WILDFLY_PGID=$(cat "$DATA/wildfly.pid")
ticks() { # pids... -> "pid utime+stime" lines
  local pid stat fields
  for pid in "$@"; do
    stat=$(cat "/proc/$pid/stat" 2>/dev/null) || continue
    read -r -a fields <<<"${stat##*) }"   # the fields after the command name: state is [0], utime [11], stime [12]
    echo "$pid $((fields[11] + fields[12]))"
  done
}
wildfly_pids() { ps -eo pid=,pgid= | awk -v g="$WILDFLY_PGID" '$2 == g { print $1 }'; }
backend_pids() { sql "select pid from pg_stat_activity where datname = '$DB' and backend_type = 'client backend' and pid <> pg_backend_pid()"; }
machine_ticks() { awk '/^cpu / { busy = $2 + $3 + $4 + $7 + $8 + $9; print busy, busy + $5 + $6 }' /proc/stat; }
delta() { # before-file after-file: ticks used in between by the processes alive at the end (new ones from zero)
  awk 'NR == FNR { before[$1] = $2; next } { total += $2 - ($1 in before ? before[$1] : 0) } END { print total + 0 }' "$1" "$2"
}

measure() { # label url
  local label=$1 url=$2 out="$LOGS/wrk-$1.txt" snap="$LOGS/cpu-$1" java_pid=""
  if [[ -n ${BENCH_PROFILE:-} ]]; then
    # from the start of the warm-up: starting a recording deoptimises compiled code, which must not
    # fall into the measured run; only the samples from the measured run are counted
    java_pid=$(ps -eo pid=,pgid=,comm= | awk -v g="$WILDFLY_PGID" '$2 == g && $3 == "java" { print $1 }')
    jcmd "$java_pid" JFR.start name="$label" settings=profile filename="$LOGS/$label.jfr" >/dev/null
  fi
  BENCH_LABEL=$label BENCH_PATHS=${BENCH_PATHS:-} wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" --timeout 10s -s "$HERE/report.lua" "$url" >"$LOGS/warmup-$label.txt"
  ticks $(wildfly_pids) >"$snap.wildfly.before"
  ticks $(backend_pids) >"$snap.postgres.before"
  local busy_before all_before load_before
  read -r busy_before all_before < <(machine_ticks)
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  ( sleep $((DURATION / 2)); top -b -n 1 -w 200 | head -n 25 >"$LOGS/top-$label.txt"
    cut -d' ' -f1-3 /proc/loadavg >"$LOGS/load-$label.txt" ) &
  local sampler=$! TIMEFORMAT='%U %S' measured_from
  measured_from=$(date +%H:%M:%S.%3N)
  { time BENCH_LABEL=$label BENCH_PATHS=${BENCH_PATHS:-} wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency --timeout 10s -s "$HERE/report.lua" "$url" >"$out"; } 2>"$snap.wrk"
  local busy_after all_after
  read -r busy_after all_after < <(machine_ticks)
  ticks $(wildfly_pids) >"$snap.wildfly.after"
  ticks $(backend_pids) >"$snap.postgres.after"
  wait "$sampler" || true
  [[ -z $java_pid ]] || jcmd "$java_pid" JFR.stop name="$label" >/dev/null
  grep '^RESULT' "$out" | sed 's/^RESULT //'
  awk -v wf="$(delta "$snap.wildfly.before" "$snap.wildfly.after")" -v pg="$(delta "$snap.postgres.before" "$snap.postgres.after")" \
      -v wrk="$(awk '{ print $1 + $2 }' "$snap.wrk")" -v tick="$TICK" -v n="$(nproc)" \
      -v busy=$((busy_after - busy_before)) -v all=$((all_after - all_before)) \
      -v reqs="$(sed -n 's/.* \([0-9]*\) requests in .*/\1/p' "$out")" -v lb="$load_before" -v lm="$(cat "$LOGS/load-$label.txt")" \
      'BEGIN { s = all / n / tick; wf /= tick; pg /= tick; b = busy / tick;
               other = b - wf - pg - wrk; if (other < 0) other = 0;
               printf "  cpu over %.0fs on %d cores (%.0f cpu-s): wildfly %.1f, postgres %.1f, wrk %.1f, other processes %.1f, idle %.1f cpu-s;", s, n, s * n, wf, pg, wrk, other, s * n - b;
               if (reqs > 0) printf " per request: wildfly %.2f ms, postgres %.2f ms of cpu;", wf * 1000 / reqs, pg * 1000 / reqs;
               printf " load average %s before, %s mid-run\n", lb, lm }'
  if [[ -n $java_pid ]]; then
    echo "  $(jfr print --stack-depth 200 --events jdk.ExecutionSample "$LOGS/$label.jfr" | awk -v from="$measured_from" -f "$HERE/jfr-layers.awk")"
  fi
}

echo "uptime:    $START_UPTIME   (at the start, before Keycloak and WildFly)"
echo "uptime:    $(uptime)   (after seeding; from here on the load average counts the benchmark's own threads)"
measure thread-page "$THREAD_URL"
measure category-list "$LISTING_URL"
echo "uptime:    $(uptime)"

# ---- 9. SQL statements per request: Hibernate's SQL log, on for two requests ----
CLI=("$SERVER/bin/jboss-cli.sh" -c --controller="127.0.0.1:$MGMT_PORT")
if "${CLI[@]}" --command='/subsystem=logging/logger=org.hibernate.SQL:add(level=DEBUG)' >/dev/null 2>&1; then
  SERVER_LOG="$SERVER/standalone/log/server.log"
  count_sql() {
    local before after
    before=$(grep -c '\[org.hibernate.SQL\]' "$SERVER_LOG" || true)
    curl -fsS -o /dev/null -H "Authorization: Bearer $BENCH_TOKEN" "$1"
    sleep 1
    after=$(grep -c '\[org.hibernate.SQL\]' "$SERVER_LOG" || true)
    echo $((after - before))
  }
  echo "sql:       statements per request (Hibernate SQL log): thread page $(count_sql "$THREAD_URL"), category listing $(count_sql "$LISTING_URL")"
  grep '\[org.hibernate.SQL\]' "$SERVER_LOG" | sed 's/.*\[org.hibernate.SQL\] ([^)]*) //' >"$LOGS/sql-per-request.txt" || true
  "${CLI[@]}" --command='/subsystem=logging/logger=org.hibernate.SQL:remove' >/dev/null 2>&1 || true
fi

# ---- 10. cache misses ----
# The same thread page API over 2,000 different threads, visited in turn: more than the server keeps
# in memory (500 pages), so nearly every request is a cache miss. This is the cost of a page nobody
# read recently, reported beside the hot-page figure above rather than hidden by it.
sql "select '/api/communities/bench/forum/threads/' || t.id from forum_thread t join community c on c.id = t.community_id
     where c.slug = 'bench' and t.post_count >= 50 and not t.hidden and t.visibility = 'COMMUNITY'
     order by md5(t.id::text) limit 2000" >"$LOGS/many-threads.txt"
echo "many:      GET the thread page API over $(wc -l <"$LOGS/many-threads.txt") threads in turn (cache misses)"
BENCH_PATHS="$LOGS/many-threads.txt" measure thread-pages-many "$THREAD_URL"
echo "uptime:    $(uptime)"
log "done; wrk output, top snapshots and logs in $LOGS"
