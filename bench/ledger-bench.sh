#!/usr/bin/env bash
# Ledger benchmark (not part of verify): the packaged product on the embedded default, TRANSFER postings over
# HTTP with 1, 8 and 32 clients, next to pgbench -N on the same embedded PostgreSQL in the same run, and the
# time to load movements through the batch endpoint. The load generator is bench/LedgerBench.java (blocking
# HTTP/1.1 with keep-alive and TCP_NODELAY, every request a distinct posting with a fresh Idempotency-Key and
# its answer checked for 201; run by the JDK source launcher).
#
#   bench/ledger-bench.sh                  # build, start, measure
#   SKIP_BUILD=1 SECONDS_PER_RUN=20 BATCH_MOVEMENTS=1000000 bench/ledger-bench.sh
#   JAVA_OPTS="-Xmx1g -XX:+UseParallelGC" (the server JVM's options; default -Xmx1g)
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-18080}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-20}
CLIENTS=${CLIENTS:-"1 8 32"}
BATCH_MOVEMENTS=${BATCH_MOVEMENTS:-1000000}
BATCH_CLIENTS=${BATCH_CLIENTS:-2}
# wire: keep-alive sockets with TCP_NODELAY, one write per request (default); urlconnection: the JDK's
# HttpURLConnection, whose separate header and body writes wait on Nagle + delayed ACK (~20 ms at 1 client)
BENCH_CLIENT=${BENCH_CLIENT:-wire}
if [[ -z "${DATA_DIR:-}" ]]; then
  DATA_DIR=$(mktemp -d /tmp/invgov-bench.XXXXXX)
  OWN_DIR=1   # a million movements take ~2 GB: removed at the end unless KEEP_DATA=1
fi
LOG=$DATA_DIR/app.log
JAR=${JAR:-target/invgov-0.1.0-SNAPSHOT.jar}

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -B -q -Pproduction -DskipTests package
fi

echo "starting $JAR on port $PORT, data in $DATA_DIR"
java ${JAVA_OPTS:--Xmx1g} -jar "$JAR" --server.port="$PORT" --invgov.data-dir="$DATA_DIR/db" >"$LOG" 2>&1 &
APP=$!
cleanup() {
  kill "$APP" 2>/dev/null; wait "$APP" 2>/dev/null || true
  if [[ "${OWN_DIR:-0}" == 1 && "${KEEP_DATA:-0}" != 1 ]]; then rm -rf "$DATA_DIR"; fi
}
trap cleanup EXIT
for _ in $(seq 1 180); do
  if curl -fs "http://localhost:$PORT/actuator/health" >/dev/null 2>&1 && grep -q "Loaded the demo plant\|Started InvgovApplication" "$LOG"; then
    break
  fi
  sleep 1
done
# the demo plant is loaded by a runner after start-up: wait for stock
for _ in $(seq 1 120); do
  if curl -fs -u mes:demo "http://localhost:$PORT/api/v1/stock?limit=1" | grep -q '"sku"'; then break; fi
  sleep 1
done
PG_PORT=$(grep -oE "Embedded PostgreSQL [^ ]+ on port [0-9]+" "$LOG" | grep -oE "[0-9]+$" | head -1)
echo "embedded PostgreSQL on port $PG_PORT"

psql -q -h localhost -p "$PG_PORT" -U postgres -d postgres -c "DROP DATABASE IF EXISTS pgbench_baseline" \
  -c "CREATE DATABASE pgbench_baseline" >/dev/null
pgbench -q -i -s 10 -h localhost -p "$PG_PORT" -U postgres pgbench_baseline >/dev/null 2>&1

# warm-up: JIT, pools, caches
java -Dhttp.maxConnections=64 -Dclient="$BENCH_CLIENT" bench/LedgerBench.java transfers "http://localhost:$PORT" 8 10 >/dev/null

declare -A API PGB
for c in $CLIENTS; do
  line=$(java -Dhttp.maxConnections=64 -Dclient="$BENCH_CLIENT" bench/LedgerBench.java transfers "http://localhost:$PORT" "$c" "$SECONDS_PER_RUN" | grep RESULT)
  echo "$line"
  API[$c]=$(sed -E 's/.*postings_per_s=([0-9.]+).*/\1/' <<<"$line")
  tps=$(pgbench -N -c "$c" -j "$c" -T "$SECONDS_PER_RUN" -h localhost -p "$PG_PORT" -U postgres pgbench_baseline 2>/dev/null \
        | grep -E "^tps" | head -1 | sed -E 's/tps = ([0-9.]+).*/\1/')
  PGB[$c]=$tps
  echo "RESULT pgbench -N clients=$c tps=$tps"
done

echo
echo "clients  api_postings/s  pgbench_-N_tps  ratio"
for c in $CLIENTS; do
  awk -v c="$c" -v a="${API[$c]}" -v p="${PGB[$c]}" 'BEGIN { printf "%7s  %14.1f  %14.1f  %5.1f %%\n", c, a, p, (p > 0 ? 100 * a / p : 0) }'
done

# for reference: the web layer alone (GET one item), to tell HTTP/security cost from posting cost
java -Dhttp.maxConnections=64 -Dclient="$BENCH_CLIENT" bench/LedgerBench.java reads "http://localhost:$PORT" 8 "$SECONDS_PER_RUN" | grep RESULT

if [[ "$BATCH_MOVEMENTS" -gt 0 ]]; then
  java -Dhttp.maxConnections=64 -Dclient="$BENCH_CLIENT" bench/LedgerBench.java batch "http://localhost:$PORT" "$BATCH_CLIENTS" "$BATCH_MOVEMENTS" | grep RESULT
fi
