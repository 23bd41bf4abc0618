#!/usr/bin/env bash
# Counts benchmark (issue 5; not part of verify): counts/s through POST /api/v1/counts end to end (variance,
# adjustment-tolerance decision, adjustment-approval process start, AUTO_APPROVE posting of the ADJUSTMENT) with
# CLIENTS clients, next to a baseline measured in the same run on the same engine and database: a bare BPMN of
# one no-op service task (bench/bare-process.bpmn), started one instance per HTTP request by the same number of
# clients, and started inside the server by as many threads (the engine alone). The packaged product runs on
# the embedded default with the bench switch on (invgov.bench.enabled=true), which the default product lacks.
#
# Reports counts/s : bare instances/s (the issue's ratio; both loads alternate in rounds) and the server CPU
# (JVM + PostgreSQL) per bare start : per count, which a shared machine disturbs less. The load generator
# (bench/CountsBench.java) sends each request in one write on a TCP_NODELAY socket; BENCH_CLIENT=urlconnection
# uses the JDK's HttpURLConnection instead (more client CPU per request, which flatters the ratio).
#
#   bench/counts-bench.sh                          # build the production jar, start it, measure
#   SKIP_BUILD=1 ROUNDS=4 SECONDS_PER_RUN=10 CLIENTS=8 bench/counts-bench.sh
#   WARMUP_STEP=20 WARMUP_QUIET_COMPILES=150 WARMUP_MAX_SECONDS=480 (warm-up until the JIT is nearly done)
#   JAR=/tmp/other.jar JAVA_OPTS="-Xmx1g -XX:StartFlightRecording=filename=/tmp/c.jfr" SKIP_BUILD=1 bench/counts-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-18081}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-10}
ROUNDS=${ROUNDS:-4}
# warm-up: both loads alternate in steps of WARMUP_STEP seconds until the JIT has (nearly) stopped compiling —
# fewer than WARMUP_QUIET_COMPILES methods in a step of both loads — or WARMUP_MAX_SECONDS have passed. On two
# cores C2 needs minutes: measured after a fixed 30 s, bare starts still ran at a quarter of their later speed.
WARMUP_STEP=${WARMUP_STEP:-20}
WARMUP_QUIET_COMPILES=${WARMUP_QUIET_COMPILES:-150}
WARMUP_MAX_SECONDS=${WARMUP_MAX_SECONDS:-480}
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
run() { java -Dhttp.maxConnections=64 -Dclient="${BENCH_CLIENT:-wire}" bench/CountsBench.java "$@"; }

# warm-up: JIT, pools, KieBase sessions, Camunda caches; jstat tells how many methods the JIT has compiled
compiled() { jstat -compiler "$APP" | awk 'NR == 2 { print $1 }'; }
warm=0
while :; do
  c0=$(compiled)
  run bare "$BASE" "$CLIENTS" "$WARMUP_STEP" >/dev/null
  run counts "$BASE" "$CLIENTS" "$WARMUP_STEP" >/dev/null
  c1=$(compiled); warm=$((warm + 2 * WARMUP_STEP))
  echo "warm-up ${warm} s: the JIT compiled $((c1 - c0)) methods in the last $((2 * WARMUP_STEP)) s"
  if (( c1 - c0 < WARMUP_QUIET_COMPILES || warm >= WARMUP_MAX_SECONDS )); then break; fi
done

# Server CPU (JVM + PostgreSQL postmaster and backends) per request: steadier than throughput where cores are
# shared, and free of the load generator's own cost.
PM=$(head -1 "$DATA_DIR/db/postgres/postmaster.pid")
ticks() { local t=0; for p in "$@"; do [[ -r /proc/$p/stat ]] && t=$((t + $(awk '{ print $14 + $15 }' "/proc/$p/stat"))); done; echo $t; }
server_ticks() { ticks "$APP" "$PM" $(pgrep -P "$PM" || true); }
TICK=$(getconf CLK_TCK)
b_ticks=0; b_n=0; c_ticks=0; c_n=0

# The two loads alternate in ROUNDS rounds (bare, counts, then counts, bare, ...), so that a machine whose speed
# drifts (shared or virtual cores) slows both alike; each round's ratio is printed, and the run's ratio is the
# total counts/s over the total bare/s.
b_sum=0; c_sum=0; ratios=()
for r in $(seq 1 "$ROUNDS"); do
  if (( r % 2 == 1 )); then order="bare counts"; else order="counts bare"; fi
  for mode in $order; do
    t0=$(server_ticks)
    line=$(run "$mode" "$BASE" "$CLIENTS" "$SECONDS_PER_RUN" | grep RESULT); echo "round $r: $line"
    t=$(( $(server_ticks) - t0 ))
    if [[ $mode == bare ]]; then b=$(sed -E 's/.*instances_per_s=([0-9.]+).*/\1/' <<<"$line")
      b_ticks=$((b_ticks + t)); b_n=$((b_n + $(sed -E 's/.* instances=([0-9]+) .*/\1/' <<<"$line")))
    else c=$(sed -E 's/.*counts_per_s=([0-9.]+).*/\1/' <<<"$line")
      c_ticks=$((c_ticks + t)); c_n=$((c_n + $(sed -E 's/.* counts=([0-9]+) .*/\1/' <<<"$line"))); fi
  done
  ratios+=("$(awk -v c="$c" -v b="$b" 'BEGIN { printf "%.2f", (b > 0 ? c / b : 0) }')")
  b_sum=$(awk -v x="$b_sum" -v y="$b" 'BEGIN { print x + y }')
  c_sum=$(awk -v x="$c_sum" -v y="$c" 'BEGIN { print x + y }')
done
engine=$(run engine "$BASE" "$CLIENTS" "$ENGINE_INSTANCES" | grep RESULT); echo "$engine"
e=$(sed -E 's/.*instances_per_s=([0-9.]+).*/\1/' <<<"$engine")
echo
awk -v c="$c_sum" -v b="$b_sum" -v e="$e" -v n="$CLIENTS" -v rounds="$ROUNDS" -v per="${ratios[*]}" 'BEGIN {
  printf "clients=%s  rounds=%s  counts/s=%.1f  bare instances/s over HTTP=%.1f  bare instances/s in the engine=%.1f\n", n, rounds, c / rounds, b / rounds, e
  printf "ratio per round: %s\n", per
  printf "ratio counts/s : bare over HTTP = %.2f (target >= 0.5)\n", (b > 0 ? c / b : 0)
  printf "ratio counts/s : bare in the engine = %.2f\n", (e > 0 ? c / rounds / e : 0)
}'
awk -v bt="$b_ticks" -v bn="$b_n" -v ct="$c_ticks" -v cn="$c_n" -v hz="$TICK" 'BEGIN {
  b = bt * 1000 / hz / bn; c = ct * 1000 / hz / cn
  printf "server CPU per request (JVM + PostgreSQL): bare start %.2f ms, count %.2f ms; ratio = %.2f\n", b, c, b / c
}'
