#!/usr/bin/env bash
# Counts benchmark (issue 5; not part of verify): counts/s through POST /api/v1/counts end to end (variance,
# adjustment-tolerance decision, adjustment-approval process start, AUTO_APPROVE posting of the ADJUSTMENT) with
# CLIENTS clients, next to a baseline measured in the same run on the same engine and database: a bare BPMN of
# one no-op service task (bench/bare-process.bpmn), started one instance per HTTP request by the same number of
# clients, and started inside the server by as many threads (the engine alone). The packaged product runs on
# the embedded default with the bench switch on (invgov.bench.enabled=true), which the default product lacks.
#
#   bench/counts-bench.sh                          # build the production jar, start it, measure
#   SKIP_BUILD=1 SECONDS_PER_RUN=30 CLIENTS=8 bench/counts-bench.sh
#   JAR=/tmp/other.jar JAVA_OPTS="-Xmx1g -XX:StartFlightRecording=filename=/tmp/c.jfr" SKIP_BUILD=1 bench/counts-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-18081}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-20}
CLIENTS=${CLIENTS:-8}
ENGINE_INSTANCES=${ENGINE_INSTANCES:-5000}
if [[ -z "${DATA_DIR:-}" ]]; then
  DATA_DIR=$(mktemp -d /tmp/invgov-counts-bench.XXXXXX)
  OWN_DIR=1
fi
LOG=$DATA_DIR/app.log
JAR=${JAR:-target/invgov-0.1.0-SNAPSHOT.jar}

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -B -q -Pproduction -DskipTests package
fi

echo "starting $JAR on port $PORT with the bench switch on, data in $DATA_DIR"
java ${JAVA_OPTS:--Xmx1g} -jar "$JAR" --server.port="$PORT" --invgov.data-dir="$DATA_DIR/db" \
  --invgov.bench.enabled=true \
  --camunda.bpm.deployment-resource-pattern="classpath*:processes/*.bpmn,file:bench/bare-process.bpmn" \
  >"$LOG" 2>&1 &
APP=$!
cleanup() {
  kill "$APP" 2>/dev/null; wait "$APP" 2>/dev/null || true
  if [[ "${OWN_DIR:-0}" == 1 && "${KEEP_DATA:-0}" != 1 ]]; then rm -rf "$DATA_DIR"; fi
}
trap cleanup EXIT
for _ in $(seq 1 240); do
  if curl -fs "http://localhost:$PORT/actuator/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$APP" 2>/dev/null; then echo "the product did not start:"; tail -50 "$LOG"; exit 1; fi
  sleep 1
done
# the demo plant is loaded by a runner after start-up: wait for stock
for _ in $(seq 1 180); do
  if curl -fs -u mes:demo "http://localhost:$PORT/api/v1/stock?limit=1" | grep -q '"sku"'; then break; fi
  sleep 1
done

BASE="http://localhost:$PORT"
run() { java -Dhttp.maxConnections=64 bench/CountsBench.java "$@"; }

# warm-up: JIT, pools, KieBase sessions, Camunda caches
run bare "$BASE" "$CLIENTS" 10 >/dev/null
run counts "$BASE" "$CLIENTS" 10 >/dev/null

bare=$(run bare "$BASE" "$CLIENTS" "$SECONDS_PER_RUN" | grep RESULT); echo "$bare"
counts=$(run counts "$BASE" "$CLIENTS" "$SECONDS_PER_RUN" | grep RESULT); echo "$counts"
engine=$(run engine "$BASE" "$CLIENTS" "$ENGINE_INSTANCES" | grep RESULT); echo "$engine"

b=$(sed -E 's/.*instances_per_s=([0-9.]+).*/\1/' <<<"$bare")
c=$(sed -E 's/.*counts_per_s=([0-9.]+).*/\1/' <<<"$counts")
e=$(sed -E 's/.*instances_per_s=([0-9.]+).*/\1/' <<<"$engine")
echo
awk -v c="$c" -v b="$b" -v e="$e" -v n="$CLIENTS" 'BEGIN {
  printf "clients=%s  counts/s=%.1f  bare instances/s over HTTP=%.1f  bare instances/s in the engine=%.1f\n", n, c, b, e
  printf "ratio counts/s : bare over HTTP = %.2f (target >= 0.5)\n", (b > 0 ? c / b : 0)
  printf "ratio counts/s : bare in the engine = %.2f\n", (e > 0 ? c / e : 0)
}'
