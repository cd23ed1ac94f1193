#!/usr/bin/env bash
# Benchmark, not a test: importing into the SQLite store against writing the
# same dataset as XML, for the real IMDi file (tests/data/imdi) and a
# 1,000,000-row partner workbook (bench/xlsx/make_big.c, inline strings):
#   xml          kdx convert IN out.xml
#   sqlite       kdx convert IN store.kdx.sqlite           (a new store)
#   sqlite-merge kdx convert IN store.kdx.sqlite --merge   (into a store holding
#                one other record: one transaction with the rollback journal)
# and, for the store, reading it back (kdx convert store out.xml). Prints
# wall and CPU time, peak RSS (/usr/bin/time), output size and the ratio of
# wall times to the XML write. On a shared machine, compare CPU times.
#
#   bench/store_bench.sh [ROWS]      uses build/ (KDX_BUILD_DIR to change it)
#
# Needs a build with kdx and its xml, csv, xlsx and sqlite plugins, cc,
# libxlsxwriter-dev, bc and /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
build=${KDX_BUILD_DIR:-build}
for p in xml csv xlsx sqlite; do
  if [[ ! -f $build/plugins/kdx_$p.so ]]; then
    echo "store_bench: build kdx and its xml, csv, xlsx and sqlite plugins first" >&2
    exit 2
  fi
done
kdx=$(cd "$build" && pwd)/bin/kdx
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cc -O2 bench/xlsx/make_big.c $(pkg-config --cflags --libs xlsxwriter) -o "$work/make_big"

# name output command... -> one line of the table
report() {
  local name=$1 output=$2 base=$3
  shift 3
  if ! /usr/bin/time -f "%e %M %U %S" -o "$work/$name.time" "$@" >/dev/null 2>"$work/$name.err"; then
    # kdx exits 1 when the input had errors it reported; the output is still written.
    if [[ ! -s $output ]]; then
      echo "store_bench: $name failed:" >&2
      tail -5 "$work/$name.err" >&2
      return
    fi
  fi
  # /usr/bin/time prefixes "Command exited with non-zero status N" then.
  read -r secs kb user sys < <(tail -1 "$work/$name.time")
  [[ $base == self ]] && base=$secs
  printf '  %-14s %8.2f %8.2f %10.0f %10.1f %8.2fx\n' "$name" "$secs" \
    "$(echo "$user + $sys" | bc -l)" "$((kb / 1024))" \
    "$(echo "$(stat -c %s "$output") / 1048576" | bc -l)" "$(echo "$secs / $base" | bc -l)"
  echo "$secs" >"$work/$name.secs"
}

bench() {
  local label=$1 input=$2
  echo "$label"
  printf '  %-14s %8s %8s %10s %10s %9s\n' "" "wall s" "cpu s" "peak RSS MB" "output MB" "wall/xml"
  rm -f "$work/out.xml" "$work/store.kdx.sqlite" "$work/merged.kdx.sqlite" "$work/back.xml"
  report xml "$work/out.xml" self "$kdx" -q convert "$input" "$work/out.xml"
  local base
  base=$(cat "$work/xml.secs")
  report sqlite "$work/store.kdx.sqlite" "$base" "$kdx" -q convert "$input" "$work/store.kdx.sqlite"
  # A store holding a record whose keys neither input has (0099 is no municipality).
  printf 'Kommunenr;Kommune;År;Anmodning;Vedtak;Bosatt\n0099;Kommune 99;1980;1;1;1\n' >"$work/base.csv"
  "$kdx" -q convert "$work/base.csv" "$work/merged.kdx.sqlite" 2>/dev/null || true
  report sqlite-merge "$work/merged.kdx.sqlite" "$base" \
    "$kdx" -q convert "$input" "$work/merged.kdx.sqlite" --merge
  report store-to-xml "$work/back.xml" "$base" "$kdx" -q convert "$work/store.kdx.sqlite" "$work/back.xml"
}

bench "real IMDi file (tests/data/imdi/imdi-settlement-2012-2014.csv)" \
  tests/data/imdi/imdi-settlement-2012-2014.csv
"$work/make_big" "$work/big.xlsx" inline "$rows"
bench "$rows-row partner workbook (bench/xlsx/make_big.c, inline strings)" "$work/big.xlsx"
