#!/usr/bin/env bash
# Start-up benchmark for the one-command start (issue: "run.sh answers within 90 s from a warm
# Maven cache; WildFly with the EAR starts in under 20 s").
#
# Clones the current commit into a temporary directory (a fresh checkout: nothing built, Maven's
# local repository warm), runs deploy/run.sh there and reports:
#   cold  - fresh clone: build + Keycloak first start + WildFly, until Kinship answers
#   warm  - deploy/run.sh again in the same clone (nothing to rebuild), until Kinship answers
#   boot  - WildFly's own "started in" figure with kinship.ear deployed, for each start
# It runs beside a demo: WildFly on port offset 500 (http 8580), Keycloak on 8680.
#
#   deploy/bench/startup.sh [runs]     (default 1 cold + 2 warm starts)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WARM_RUNS=${1:-2}

export KINSHIP_PORT_OFFSET=500 KINSHIP_KEYCLOAK_PORT=8680
for port in 8580 8680 9680 10490; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use: is another benchmark running?" >&2
    exit 1
  fi
done

WORK=$(mktemp -d /tmp/kinship-bench.XXXXXX)
trap '"$WORK/kinship/deploy/run.sh" --stop >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
git clone -q "$ROOT" "$WORK/kinship"
export KINSHIP_DATA_DIR="$WORK/data"

measure() { # label
  local label=$1 start end answered boot
  start=$(date +%s.%N)
  "$WORK/kinship/deploy/run.sh" >"$WORK/run-$label.log" 2>&1
  end=$(date +%s.%N)
  answered=$(sed -n 's/.*answering after \([0-9]*\)s.*/\1/p' "$WORK/run-$label.log")
  boot=$(grep -o 'WFLYSRV0025: .* started in [0-9]*ms' "$KINSHIP_DATA_DIR/logs/wildfly.log" | grep -o '[0-9]*ms' | tail -n 1)
  printf '%-8s kinship answering after %4ss   wildfly boot with ear %7s   run.sh returned after %ss\n' \
    "$label" "$answered" "$boot" "$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.0f", b - a }')"
  "$WORK/kinship/deploy/run.sh" --stop >/dev/null
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -n 1)"
echo "commit:  $(git -C "$ROOT" rev-parse --short HEAD)"
measure cold
for i in $(seq 1 "$WARM_RUNS"); do measure "warm-$i"; done
