#!/usr/bin/env bash
# Benchmark, not a test: reading a 1,000,000-row x 10-column workbook in the
# IMDi-like layout (Kommunenr, Kommune, År, Anmodning, Vedtak, Bosatt, ...),
# written by libxlsxwriter with shared strings (normal mode) and with inline
# strings (constant_memory mode; see bench/xlsx/make_big.c). For each file it
# times, in one run:
#   floor        unzip -p of the sheet XML (raw inflate, nothing parsed)
#   kdx-reader   the xlsx reader alone, cells counted (bench/xlsx/read_only.cpp)
#   kdx          kdx convert big.xlsx out.csv (reader, importer, validation, CSV)
#   xlsx2csv     Debian's xlsx2csv
#   openpyxl     openpyxl in read-only mode, every cell's value
#   libreoffice  soffice --headless --convert-to csv (when installed)
# and prints wall time, CPU time (user + system), peak RSS (/usr/bin/time) and
# the ratio of wall times to the floor. On a shared machine, compare CPU times.
# Speed never changes results: for 1,000,000 rows the CSV kdx writes (the
# same for both files) is compared with the SHA-256 of the one kdx wrote
# before the reader was spread over threads (bench/expected/).
#
#   bench/xlsx_read.sh [ROWS]      uses build/ (KDX_BUILD_DIR to change it)
#
# Needs a build with kdx, the xlsx and csv plugins, cc, libxlsxwriter-dev,
# unzip, /usr/bin/time, xlsx2csv and python3-openpyxl.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
build=${KDX_BUILD_DIR:-build}
expected=bench/expected/xlsx-read-$rows.csv.sha256
python=/usr/bin/python3
if [[ ! -x $build/bin/kdx || ! -f $build/plugins/kdx_xlsx.so || ! -f $build/plugins/kdx_csv.so ]]; then
  echo "xlsx_read: build kdx and its xlsx and csv plugins first" \
    "(cmake --build $build --target kdx kdx_xlsx kdx_csv)" >&2
  exit 2
fi
kdx=$(cd "$build" && pwd)/bin/kdx
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cc -O2 bench/xlsx/make_big.c $(pkg-config --cflags --libs xlsxwriter) -o "$work/make_big"
lib=$(cd "$build" && pwd)/lib
g++ -O2 -std=c++17 -pthread -Icore/include -Iplugins/xlsx bench/xlsx/read_only.cpp \
  plugins/xlsx/xlsx_{zip,read_xml,xml_scanner,strings,styles,sheet,row_handoff,read_workbook}.cpp \
  $(pkg-config --cflags --libs libzip pugixml) -L"$lib" -lkdx -Wl,-rpath,"$lib" \
  -o "$work/read_only"

# name command... -> "seconds KB"
measure() {
  local name=$1
  shift
  /usr/bin/time -f "%e %M %U %S" -o "$work/$name.time" "$@" >/dev/null 2>"$work/$name.err" || {
    echo "xlsx_read: $name failed:" >&2
    tail -5 "$work/$name.err" >&2
    echo "- - - -"
    return
  }
  cat "$work/$name.time"
}

report() {
  local name=$1 floor=$2
  shift 2
  read -r secs kb user sys < <(measure "$name" "$@")
  if [[ $secs == - ]]; then
    printf '  %-12s %9s\n' "$name" failed
    return
  fi
  printf '  %-12s %9.2f %9.2f %12.0f %9.2fx\n' "$name" "$secs" "$(echo "$user + $sys" | bc -l)" \
    "$((kb / 1024))" "$(echo "$secs / $floor" | bc -l)"
}

for variant in shared inline; do
  file=$work/big-$variant.xlsx
  /usr/bin/time -f "%e s" -o "$work/gen.time" "$work/make_big" "$file" "$variant" "$rows"
  echo "$variant strings: $rows rows x 10 columns, $(($(stat -c %s "$file") / 1048576)) MB" \
    "(written in $(cat "$work/gen.time"))"
  printf '  %-12s %9s %9s %12s %10s\n' reader "wall s" "cpu s" "peak RSS MB" "wall/floor"
  read -r floor kb user sys < <(measure floor sh -c "unzip -p '$file' xl/worksheets/sheet1.xml >/dev/null")
  printf '  %-12s %9.2f %9.2f %12.0f %9.2fx\n' floor "$floor" "$(echo "$user + $sys" | bc -l)" \
    "$((kb / 1024))" 1
  report kdx-reader "$floor" "$work/read_only" "$file"
  report kdx "$floor" "$kdx" convert "$file" "$work/out.csv"
  sum=$(sha256sum <"$work/out.csv" | cut -d' ' -f1)
  if [[ ! -f $expected ]]; then
    same="SHA-256 $sum (no sum recorded for $rows rows)"
  elif [[ $sum == "$(cat "$expected")" ]]; then
    same="the same bytes as before the speed-up ($expected)"
  else
    same="DIFFERENT from before the speed-up ($expected): SHA-256 $sum"
  fi
  echo "  kdx wrote $(($(wc -l <"$work/out.csv") - 1)) records;" \
    "$(grep -o '[0-9]* error[s]*' "$work/kdx.err" | head -1 || true); $same"
  report xlsx2csv "$floor" xlsx2csv "$file" "$work/x2c.csv"
  report openpyxl "$floor" "$python" -c '
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
n = 0
for row in wb.active.iter_rows(values_only=True):
    n += len(row)
print(n)' "$file"
  if command -v soffice >/dev/null; then
    report libreoffice "$floor" soffice "-env:UserInstallation=file://$work/lo-profile" --headless \
      --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' --outdir "$work/lo" "$file"
  fi
  rm -f "$file" "$work"/*.csv
  rm -rf "$work/lo"
done
