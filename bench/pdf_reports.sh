#!/usr/bin/env bash
# Benchmark, not a test: the council report as PDF for all 357 municipalities
# of 2024, kdx against the reportlab script an analyst would otherwise write.
# The dataset is GENERATED (random, seeded figures; see pdf/generate_dataset.py).
# Both sides use both cores: kdx one process per report through xargs -P2 (as
# `kdx report` runs), reportlab one process per half of the list.
#
#   bench/pdf_reports.sh            uses build/ (KDX_BUILD_DIR to change it)
#
# Needs a build with the pdf plugin, g++, python3-reportlab and python3-renderpm.
# `kdx report` itself is timed when a plugin can write the dataset in a form kdx
# reads back (the xml exchange format); until then the same report engine and
# pdf plugin run through pdf/render_reports.cpp, one process per report.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=${KDX_BUILD_DIR:-build}
python=/usr/bin/python3
if [[ ! -x $build/bin/kdx || ! -f $build/plugins/kdx_pdf.so ]]; then
  echo "pdf_reports: build kdx and the pdf plugin first (scripts/build)" >&2
  exit 2
fi
build=$(cd "$build" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$python" bench/pdf/generate_dataset.py ../shared/data/municipalities-2024.csv "$work/data.json"
"$python" -c 'import json,sys; [print(m["number"]) for m in json.load(open(sys.argv[1]))["municipalities"]]' \
  "$work/data.json" >"$work/numbers"
count=$(wc -l <"$work/numbers")
g++ -O2 -std=c++17 -DBOOST_DLL_USE_STD_FS bench/pdf/render_reports.cpp -Icore/include -Icore/src \
  -L"$build/lib" -lkdx_report -lkdx_host -lkdx -licui18n -licuuc -lpugixml -Wl,-rpath,"$build/lib" -ldl -o "$work/render_reports"

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
summary() {  # folder -> "N files, P pages, S KB on average"
  local files pages=0 bytes
  files=$(find "$1" -name '*.pdf' | wc -l)
  for f in "$1"/*.pdf; do pages=$((pages + $(pdfinfo "$f" | awk '/^Pages:/ { print $2 }'))); done
  bytes=$(du -cb "$1"/*.pdf | tail -1 | cut -f1)
  echo "$files files, $pages pages, $((bytes / files / 1024)) KB a file"
}

mkdir -p "$work/kdx" "$work/reportlab"
if "$work/render_reports" export "$work/data.json" "$build/plugins" "$work/data.xml" 2>/dev/null; then
  how="kdx report (CLI, reads the exported data.xml)"
  start=$(now)
  xargs -P2 -I{} "$build/bin/kdx" report -t council-report -d "$work/data.xml" --municipality {} \
    --year 2024 --format pdf --out "$work/kdx" <"$work/numbers" 2>/dev/null
  end=$(now)
else
  how="report engine + pdf plugin, one process per report (no plugin can write a dataset kdx reads yet)"
  start=$(now)
  xargs -P2 -I{} "$work/render_reports" render "$work/data.json" templates/council-report.xml \
    "$build/plugins" "$work/kdx" {} <"$work/numbers"
  end=$(now)
fi
kdx_time=$(seconds "$start" "$end")

half=$(((count + 1) / 2))
head -n "$half" "$work/numbers" >"$work/first"
tail -n +"$((half + 1))" "$work/numbers" >"$work/second"

# The same reports with one process per core, as the reportlab side runs:
# what is left is the renderer's own cost, without process and data loading.
mkdir -p "$work/kdx-batch"
start=$(now)
for part in first second; do
  "$work/render_reports" render "$work/data.json" templates/council-report.xml "$build/plugins" \
    "$work/kdx-batch" $(cat "$work/$part") &
done
wait
end=$(now)
batch_time=$(seconds "$start" "$end")
start=$(now)
"$python" bench/pdf/reportlab_reports.py "$work/data.json" "$work/reportlab" $(cat "$work/first") &
"$python" bench/pdf/reportlab_reports.py "$work/data.json" "$work/reportlab" $(cat "$work/second") &
wait
end=$(now)
peer_time=$(seconds "$start" "$end")

echo "council-report as PDF for $count municipalities (generated data), 2 cores"
echo "  kdx:       ${kdx_time} s  $(summary "$work/kdx")"
echo "             $how"
echo "  kdx batch: ${batch_time} s  $(summary "$work/kdx-batch")"
echo "             report engine + pdf plugin, one process per core"
echo "  reportlab: ${peer_time} s  $(summary "$work/reportlab")"
echo "             one python process per core"
echo "  per report: kdx $(awk -v t="$kdx_time" -v n="$count" 'BEGIN { printf "%.1f", 2000 * t / n }') ms," \
     "kdx batch $(awk -v t="$batch_time" -v n="$count" 'BEGIN { printf "%.1f", 2000 * t / n }') ms," \
     "reportlab $(awk -v t="$peer_time" -v n="$count" 'BEGIN { printf "%.1f", 2000 * t / n }') ms (core-time)"
