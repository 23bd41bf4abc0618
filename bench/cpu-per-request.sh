#!/usr/bin/env bash
# CPU cost per posting, which a shared machine disturbs far less than throughput: runs LedgerBench against a
# running invgov and reports the CPU seconds its JVM and its PostgreSQL (postmaster and backends) used per
# request, and the WAL bytes per posting (independent of load). Next to it, the PostgreSQL CPU per pgbench -N
# transaction on the same server (SKIP_PGBENCH=1 leaves it out).
#
#   bench/cpu-per-request.sh <app port> <data dir of the app> [clients] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=$1
DATA=$2
CLIENTS=${3:-8}
SECONDS_RUN=${4:-10}
APP=$(ss -ltnp "sport = :$PORT" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
PM=$(head -1 "$DATA/db/postgres/postmaster.pid")
PG_PORT=$(sed -n 4p "$DATA/db/postgres/postmaster.pid")
TICK=$(getconf CLK_TCK)
ticks() {  # utime + stime of a pid and, with "tree", of its children
  local total=0
  for p in "$@"; do
    [[ -r /proc/$p/stat ]] || continue
    total=$((total + $(awk '{ print $14 + $15 }' "/proc/$p/stat")))
  done
  echo $total
}
pg_pids() { echo "$PM"; pgrep -P "$PM" || true; }
run() {  # label, command...
  local label=$1; shift
  local a0 p0 a1 p1 out
  a0=$(ticks "$APP"); p0=$(ticks $(pg_pids))
  out=$("$@" 2>/dev/null | tr "\n" " ")
  a1=$(ticks "$APP"); p1=$(ticks $(pg_pids))
  echo "$label|$out|$((a1 - a0))|$((p1 - p0))"
}
wal() { psql -X -q -t -A -h localhost -p "$PG_PORT" -U postgres -d postgres -c "SELECT pg_current_wal_lsn() - '0/0'::pg_lsn"; }
w0=$(wal)
line=$(run api java -Dclient="${BENCH_CLIENT:-wire}" bench/LedgerBench.java transfers "http://localhost:$PORT" "$CLIENTS" "$SECONDS_RUN")
w1=$(wal)
IFS='|' read -r _ result app_ticks pg_ticks <<<"$line"
n=$(grep -o 'postings=[0-9]*' <<<"$result" | cut -d= -f2)
echo "$result"
awk -v n="$n" -v a="$app_ticks" -v p="$pg_ticks" -v t="$TICK" -v w="$((w1 - w0))" 'BEGIN {
  printf "per posting: CPU app %.3f ms, CPU postgres %.3f ms, WAL %.0f bytes (%d postings)\n", 1000 * a / t / n, 1000 * p / t / n, w / n, n }'
if [[ "${SKIP_PGBENCH:-0}" == 1 ]]; then exit 0; fi
psql -q -h localhost -p "$PG_PORT" -U postgres -d postgres -c "DROP DATABASE IF EXISTS pgbench_cpu" -c "CREATE DATABASE pgbench_cpu" >/dev/null
pgbench -q -i -s 10 -h localhost -p "$PG_PORT" -U postgres pgbench_cpu >/dev/null 2>&1
line=$(run pgbench pgbench -N -c "$CLIENTS" -j "$CLIENTS" -T "$SECONDS_RUN" -h localhost -p "$PG_PORT" -U postgres pgbench_cpu)
IFS='|' read -r _ result _ pg_ticks <<<"$line"
n=$(grep -oE "number of transactions actually processed: [0-9]+" <<<"$result" | grep -oE "[0-9]+$")
tps=$(grep -E "^tps" <<<"$result" | head -1 | sed -E 's/tps = ([0-9.]+).*/\1/')
awk -v n="$n" -v p="$pg_ticks" -v t="$TICK" -v tps="$tps" 'BEGIN {
  printf "pgbench -N: %.1f tps, postgres CPU per transaction %.3f ms (%d transactions)\n", tps, 1000 * p / t / n, n }'
