#!/usr/bin/env bash
# Benchmark, not a test: 1,000,000 settlement rows (GENERATED, see
# xlsx_write/rows.py) written as XLSX by the kdx xlsx plugin, by a plain C
# program on libxlsxwriter (xlsx_write/bare_rows.c, the floor: the same
# library in constant_memory mode, the same sheets and cells), by
# python3-xlsxwriter in constant_memory mode and by openpyxl in write-only
# mode. Prints wall time, CPU time (user + system) and peak RSS of each, kdx
# against the plain program (time, and memory beyond the Dataset kdx writes
# from) and the peers' ratios to kdx. kdx and the plain program write the
# same file, byte for byte; the script checks it.
#
#   bench/xlsx_write.sh [ROWS] [--no-python]   uses build/ (KDX_BUILD_DIR to change it)
#
# Needs a build with the xlsx plugin, g++, gcc, libxlsxwriter-dev,
# /usr/bin/time, python3-xlsxwriter and python3-openpyxl.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
python_peers=yes
[[ ${2:-} == --no-python ]] && python_peers=
build=${KDX_BUILD_DIR:-build}
python=/usr/bin/python3
if [[ ! -f $build/plugins/kdx_xlsx.so || ! -d $build/lib ]]; then
  echo "xlsx_write: build the xlsx plugin first (cmake --build $build --target kdx_xlsx)" >&2
  exit 2
fi
build=$(cd "$build" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The plain program's document properties carry this date: the same bytes.
export SOURCE_DATE_EPOCH=1735603200

g++ -O2 -std=c++17 -DBOOST_DLL_USE_STD_FS bench/xlsx_write/write_rows.cpp -Icore/include -Icore/src \
  -L"$build/lib" -lkdx_host -lkdx -Wl,-rpath,"$build/lib" -ldl -o "$work/write_rows"
gcc -O2 bench/xlsx_write/bare_rows.c -lxlsxwriter -o "$work/bare_rows"

# name command... -> "wall-s cpu-s KB" on stdout
measure() {
  local name=$1
  shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/$name.time" "$@"
  awk '{ print $1, $2 + $3, $4 }' "$work/$name.time"
}
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

printf '%-36s %9s %9s %12s %10s\n' "writer ($rows rows)" "wall s" "CPU s" "peak RSS MB" "file MB"
declare -A wall cpu rss
run() {
  local name=$1 out=$2
  shift 2
  # kdx syncs its file to disk before renaming it (AtomicFile); the others
  # do not. Writing back what came before first keeps that out of the next.
  sync
  read -r w c m < <(measure "$name" "$@")
  wall[$name]=$w
  cpu[$name]=$c
  rss[$name]=$m
  printf '%-36s %9.2f %9.2f %12.1f %10.1f\n' "$name" "$w" "$c" "$(mb "$m")" \
    "$(awk -v b="$(stat -c %s "$out")" 'BEGIN { print b / 1048576 }')"
}
# The Dataset kdx writes from is in memory: its share is measured first.
read -r gen_wall gen_cpu gen_rss < <(measure generate "$work/write_rows" "$build/plugins" "$rows" -)
printf '%-36s %9.2f %9.2f %12.1f\n' "  kdx: building the Dataset alone" "$gen_wall" "$gen_cpu" "$(mb "$gen_rss")"
base="kdx (constant-memory auto)"
bare="libxlsxwriter alone (C)"
run "$base" "$work/kdx.xlsx" "$work/write_rows" "$build/plugins" "$rows" "$work/kdx.xlsx"
run "$bare" "$work/bare.xlsx" "$work/bare_rows" "$rows" "$work/bare.xlsx"
if [[ -n $python_peers ]]; then
  run "python3-xlsxwriter constant_memory" "$work/xw.xlsx" "$python" bench/xlsx_write/rows.py xlsxwriter "$rows" "$work/xw.xlsx"
  run "openpyxl write_only" "$work/op.xlsx" "$python" bench/xlsx_write/rows.py openpyxl "$rows" "$work/op.xlsx"
fi

echo
if cmp -s "$work/kdx.xlsx" "$work/bare.xlsx"; then
  echo "kdx and libxlsxwriter alone wrote the same file, byte for byte"
else
  echo "kdx's file DIFFERS from libxlsxwriter alone's"
fi
# The aim: within 1.1x of the bare library; memory at most the Dataset + 10 MB.
awk -v w="${wall[$base]}" -v bw="${wall[$bare]}" -v c="${cpu[$base]}" -v bc="${cpu[$bare]}" \
  -v m="${rss[$base]}" -v bm="${rss[$bare]}" -v g="$gen_rss" -v gc="$gen_cpu" \
  'BEGIN { printf "kdx against libxlsxwriter alone: %.2fx the wall time (kdx syncs the file to disk), %.2fx the CPU (%.2fx without building the Dataset); memory %.1f MB above the Dataset (%.1f MB for the C program)\n",
           w / bw, c / bc, (c - gc) / bc, (m - g) / 1024, bm / 1024 }'
if [[ -n $python_peers ]]; then
  for name in "python3-xlsxwriter constant_memory" "openpyxl write_only"; do
    awk -v n="$name" -v w="${wall[$name]}" -v kw="${wall[$base]}" -v m="${rss[$name]}" -v km="${rss[$base]}" \
      'BEGIN { printf "%-36s %8.1fx the time, %6.1fx the memory of kdx\n", n, w / kw, m / km }'
  done
fi
