#!/usr/bin/env bash
# Stock console paging on 100k balance rows: the time of one page (50 rows) at the start, the middle and the end,
# by OFFSET (what the lazy grid did) and by keyset (continuing after the last row of the page before, what it
# does now), with no filter and with a warehouse + status filter. Needs a running invgov's embedded PostgreSQL:
#
#   bench/stock-pages.sh <postgres port>      (ledger-bench.sh prints it; KEEP_DATA=1 keeps the instance's data)
#
# Then the first page with a sparse filter (one lot; a status other than AVAILABLE), which V16's indexes serve.
# Adds synthetic balance rows (quantity 1 of every item at every real location) until there are 100k.
set -euo pipefail
PG_PORT=$1
PSQL=(psql -X -q -t -A -h localhost -p "$PG_PORT" -U postgres -d invgov)
"${PSQL[@]}" -c "SET search_path TO invgov; INSERT INTO balance (sku, location, lot, serial, status, quantity, reserved, updated_at)
  SELECT i.sku, l.code, '', '', 'AVAILABLE', 1, 0, now() FROM item i CROSS JOIN location l WHERE NOT l.virtual
    AND NOT EXISTS (SELECT 1 FROM balance b WHERE b.sku = i.sku AND b.location = l.code AND b.lot = ''
                    AND b.serial = '' AND b.status = 'AVAILABLE')
  ORDER BY 1, 2 LIMIT greatest(0, 100000 - (SELECT count(*) FROM balance)); ANALYZE balance;"
echo "balance rows: $("${PSQL[@]}" -c "SELECT count(*) FROM invgov.balance")"

COLS="b.sku, b.location, l.warehouse, b.lot, b.serial, b.status, b.quantity, b.reserved, i.base_uom"
FROM="FROM invgov.balance b JOIN invgov.location l ON l.code = b.location JOIN invgov.item i ON i.sku = b.sku"
ORDER="ORDER BY b.sku, b.location, b.lot, b.serial, b.status"

ms() {  # execution time of a query in ms, best of 3
  local best=""
  for _ in 1 2 3; do
    t=$("${PSQL[@]}" -c "EXPLAIN (ANALYZE, FORMAT JSON) $1" | grep -o '"Execution Time": [0-9.]*' | grep -o '[0-9.]*$')
    if [[ -z "$best" ]] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
  done
  echo "$best"
}

for filter in "" "AND l.warehouse = 'P1-WH1' AND b.status = 'AVAILABLE'"; do
  where="WHERE (b.quantity <> 0 OR b.reserved <> 0) $filter"
  total=$("${PSQL[@]}" -c "SELECT count(*) $FROM $where")
  echo "filter: ${filter:-none} ($total rows)"
  for position in start middle end; do
    case $position in start) offset=0 ;; middle) offset=$((total / 2)) ;; end) offset=$((total - 50)) ;; esac
    by_offset=$(ms "SELECT $COLS $FROM $where $ORDER LIMIT 50 OFFSET $offset")
    if [[ $offset -eq 0 ]]; then
      keyset=$(ms "SELECT $COLS $FROM $where $ORDER LIMIT 50")
    else
      key=$("${PSQL[@]}" -F, -c "SELECT quote_literal(b.sku), quote_literal(b.location), quote_literal(b.lot),
             quote_literal(b.serial), quote_literal(b.status) $FROM $where $ORDER LIMIT 1 OFFSET $((offset - 1))")
      keyset=$(ms "SELECT $COLS $FROM $where AND (b.sku, b.location, b.lot, b.serial, b.status) > ($key) $ORDER LIMIT 50")
    fi
    printf "  %-6s (row %6d)  offset %8.2f ms   keyset %6.2f ms\n" "$position" "$offset" "$by_offset" "$keyset"
  done
done

lot=$("${PSQL[@]}" -c "SELECT lot FROM invgov.balance WHERE lot <> '' LIMIT 1")
for filter in "AND b.lot = '$lot'" "AND b.status = 'QUARANTINE'"; do
  printf "first page, filter %-28s %6.2f ms\n" "$filter" \
    "$(ms "SELECT $COLS $FROM WHERE (b.quantity <> 0 OR b.reserved <> 0) $filter $ORDER LIMIT 50")"
done
