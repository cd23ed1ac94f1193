#!/usr/bin/env bash
# Benchmark, not a test: importing into the PostgreSQL store against writing
# the same dataset as XML, for the real IMDi file (tests/data/imdi) and a
# 1,000,000-row partner workbook (bench/xlsx/make_big.c, inline strings):
#   xml          kdx convert IN out.xml
#   pg           kdx convert IN postgresql://…          (a new store)
#   pg-merge     kdx convert IN postgresql://… --merge  (into a store holding
#                one other record)
#   pg-to-xml    kdx convert postgresql://… out.xml     (reading it back)
# against a throwaway server started here (initdb + pg_ctl from Debian's
# postgresql package, a Unix socket in a temporary folder, fsync on as a
# real server has it; as root the server runs as the user postgres). Prints
# kdx's wall and CPU time and peak RSS (/usr/bin/time; the server's CPU is
# not in it), the store's size (pg_total_relation_size of its tables, with
# their indexes and TOAST) and the ratio of wall times to the XML write.
#
#   bench/pg_store_bench.sh [ROWS]      uses build/ (KDX_BUILD_DIR to change it)
#
# Needs a build with kdx and its xml, csv, xlsx and postgresql plugins, the
# postgresql package, cc, libxlsxwriter-dev, bc and /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
build=${KDX_BUILD_DIR:-build}
for p in xml csv xlsx postgresql; do
  if [[ ! -f $build/plugins/kdx_$p.so ]]; then
    echo "pg_store_bench: build kdx and its xml, csv, xlsx and postgresql plugins first" >&2
    exit 2
  fi
done
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [[ -z $bin || ! -x $bin/initdb ]]; then
  echo "pg_store_bench: PostgreSQL's initdb is not installed (apt-get install postgresql)" >&2
  exit 2
fi
kdx=$(cd "$build" && pwd)/bin/kdx
work=$(mktemp -d /tmp/kdx-pg-bench-XXXXXX)
as_server=()
if [[ $(id -u) -eq 0 ]]; then
  as_server=(runuser -u postgres --)
  chown postgres: "$work"
fi
stop() {
  "${as_server[@]}" "$bin/pg_ctl" -D "$work/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap stop EXIT
"${as_server[@]}" "$bin/initdb" -D "$work/data" -U kdx -A trust -E UTF8 --no-locale >/dev/null
"${as_server[@]}" "$bin/pg_ctl" -D "$work/data" -l "$work/server.log" -w \
  -o "-c listen_addresses='' -k $work -c shared_buffers=256MB -c max_wal_size=4GB" start >/dev/null
uri() { echo "postgresql://kdx@/$1?host=$work"; }
psql_at() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -At "$(uri "$1")" -c "$2"; }
cc -O2 bench/xlsx/make_big.c $(pkg-config --cflags --libs xlsxwriter) -o "$work/make_big"

# name output-size-command base command... -> one line of the table
report() {
  local name=$1 size_of=$2 base=$3
  shift 3
  if ! /usr/bin/time -f "%e %M %U %S" -o "$work/$name.time" "$@" >/dev/null 2>"$work/$name.err"; then
    echo "pg_store_bench: $name failed:" >&2
    tail -5 "$work/$name.err" >&2
  fi
  read -r secs kb user sys < <(tail -1 "$work/$name.time")
  [[ $base == self ]] && base=$secs
  printf '  %-14s %8.2f %8.2f %10.0f %10.1f %8.2fx\n' "$name" "$secs" \
    "$(echo "$user + $sys" | bc -l)" "$((kb / 1024))" \
    "$(echo "$($size_of) / 1048576" | bc -l)" "$(echo "$secs / $base" | bc -l)"
  echo "$secs" >"$work/$name.secs"
}

store_size() {
  psql_at "$1" "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r'"
}

bench() {
  local label=$1 input=$2
  echo "$label"
  printf '  %-14s %8s %8s %10s %10s %9s\n' "" "wall s" "cpu s" "peak RSS MB" "output MB" "wall/xml"
  for db in store merged; do
    psql_at postgres "DROP DATABASE IF EXISTS $db" >/dev/null
    psql_at postgres "CREATE DATABASE $db" >/dev/null
  done
  rm -f "$work/out.xml" "$work/back.xml"
  report xml "stat -c %s $work/out.xml" self "$kdx" -q convert "$input" "$work/out.xml"
  local base
  base=$(cat "$work/xml.secs")
  report pg "store_size store" "$base" "$kdx" -q convert "$input" "$(uri store)"
  printf 'Kommunenr;Kommune;År;Anmodning;Vedtak;Bosatt\n0099;Kommune 99;1980;1;1;1\n' >"$work/base.csv"
  "$kdx" -q convert "$work/base.csv" "$(uri merged)" 2>/dev/null || true
  report pg-merge "store_size merged" "$base" "$kdx" -q convert "$input" "$(uri merged)" --merge
  report pg-to-xml "stat -c %s $work/back.xml" "$base" "$kdx" -q convert "$(uri store)" "$work/back.xml"
}

bench "real IMDi file (tests/data/imdi/imdi-settlement-2012-2014.csv)" \
  tests/data/imdi/imdi-settlement-2012-2014.csv
"$work/make_big" "$work/big.xlsx" inline "$rows"
bench "$rows-row partner workbook (bench/xlsx/make_big.c, inline strings)" "$work/big.xlsx"
