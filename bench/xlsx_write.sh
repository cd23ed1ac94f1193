#!/usr/bin/env bash
# Benchmark, not a test: 1,000,000 settlement rows (GENERATED, see
# xlsx_write/rows.py) written as XLSX by the kdx xlsx plugin, by
# python3-xlsxwriter in constant_memory mode and by openpyxl in write-only
# mode, the same cells each. Prints wall time and peak RSS of each and the
# ratios to kdx.
#
#   bench/xlsx_write.sh [ROWS]      uses build/ (KDX_BUILD_DIR to change it)
#
# Needs a build with the xlsx plugin, g++, /usr/bin/time, python3-xlsxwriter
# and python3-openpyxl.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
build=${KDX_BUILD_DIR:-build}
python=/usr/bin/python3
if [[ ! -f $build/plugins/kdx_xlsx.so || ! -d $build/lib ]]; then
  echo "xlsx_write: build the xlsx plugin first (cmake --build $build --target kdx_xlsx)" >&2
  exit 2
fi
build=$(cd "$build" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

g++ -O2 -std=c++17 -DBOOST_DLL_USE_STD_FS bench/xlsx_write/write_rows.cpp -Icore/include -Icore/src \
  -L"$build/lib" -lkdx_host -lkdx -Wl,-rpath,"$build/lib" -ldl -o "$work/write_rows"

# name command... -> "seconds KB" on stdout
measure() {
  local name=$1
  shift
  /usr/bin/time -f "%e %M" -o "$work/$name.time" "$@"
  cat "$work/$name.time"
}

printf '%-36s %9s %12s %10s\n' "writer ($rows rows)" "wall s" "peak RSS MB" "file MB"
declare -A wall rss
run() {
  local name=$1 out=$2
  shift 2
  read -r w m < <(measure "$name" "$@")
  wall[$name]=$w
  rss[$name]=$m
  printf '%-36s %9.2f %12.1f %10.1f\n' "$name" "$w" "$(awk -v k="$m" 'BEGIN { print k / 1024 }')" \
    "$(awk -v b="$(stat -c %s "$out")" 'BEGIN { print b / 1048576 }')"
}
# The Dataset kdx writes from is in memory: its share is measured first.
read -r gen_wall gen_rss < <(measure generate "$work/write_rows" "$build/plugins" "$rows" -)
printf '%-36s %9.2f %12.1f\n' "  kdx: building the Dataset alone" "$gen_wall" \
  "$(awk -v k="$gen_rss" 'BEGIN { print k / 1024 }')"
run "kdx (constant-memory auto)" "$work/kdx.xlsx" "$work/write_rows" "$build/plugins" "$rows" "$work/kdx.xlsx"
run "python3-xlsxwriter constant_memory" "$work/xw.xlsx" "$python" bench/xlsx_write/rows.py xlsxwriter "$rows" "$work/xw.xlsx"
run "openpyxl write_only" "$work/op.xlsx" "$python" bench/xlsx_write/rows.py openpyxl "$rows" "$work/op.xlsx"

base="kdx (constant-memory auto)"
for name in "python3-xlsxwriter constant_memory" "openpyxl write_only"; do
  awk -v n="$name" -v w="${wall[$name]}" -v kw="${wall[$base]}" -v m="${rss[$name]}" -v km="${rss[$base]}" \
    'BEGIN { printf "%-36s %8.1fx the time, %6.1fx the memory of kdx\n", n, w / kw, m / km }'
done
