#!/usr/bin/env bash
# Benchmark, not a test: the council report for all 357 municipalities of 2024
# through `kdx report`, as XML (and as XLSX and PDF when those plugins can
# write reports), against a python3 script that computes the same report from
# the same data and writes it with xml.etree (report/etree_reports.py).
# The dataset is GENERATED (random, seeded figures; see pdf/generate_dataset.py).
# Prints wall time and the peak memory of the largest single process
# (/usr/bin/time -v), for one `kdx report` run a report, for one
# `kdx report --municipality all` run, and for the same engine and plugins in
# one process per core (report/batch_reports.cpp, as the peer runs). Checks every XML file against schemas/kdx-report-1.xsd, that kdx
# and the peer agree block for block, and that a second kdx run gives the
# same bytes.
#
#   bench/report_bench.sh            uses build/ (KDX_BUILD_DIR to change it)
#
# Needs a build with kdx and the xml plugin, g++ (to export the dataset through
# the xml plugin with pdf/render_reports.cpp), nlohmann-json3-dev, GNU time,
# xmllint (libxml2-utils) and /usr/bin/python3.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${KDX_BUILD_DIR:-build}
python=/usr/bin/python3
if [[ ! -x $build/bin/kdx || ! -f $build/plugins/kdx_xml.so ]]; then
  echo "report_bench: build kdx and the xml plugin first (scripts/build)" >&2
  exit 2
fi
build=$(cd "$build" && pwd)
kdx=$build/bin/kdx
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1735603200  # 2024-12-31: reproducible output

"$python" bench/pdf/generate_dataset.py data/registry/municipalities-2024.csv "$work/data.json"
"$python" -c 'import json,sys; [print(m["number"]) for m in json.load(open(sys.argv[1]))["municipalities"]]' \
  "$work/data.json" >"$work/numbers"
count=$(wc -l <"$work/numbers")
g++ -O2 -std=c++17 -DBOOST_DLL_USE_STD_FS bench/pdf/render_reports.cpp -Icore/include -Icore/src \
  -L"$build/lib" -lkdx_report -lkdx_host -lkdx -licui18n -licuuc -lpugixml -Wl,-rpath,"$build/lib" -ldl -o "$work/render_reports"
"$work/render_reports" export "$work/data.json" "$build/plugins" "$work/data.xml"
g++ -O2 -std=c++17 -DBOOST_DLL_USE_STD_FS bench/report/batch_reports.cpp -Icore/include -Icore/src \
  -L"$build/lib" -lkdx_report -lkdx_host -lkdx -licui18n -licuuc -lpugixml -Wl,-rpath,"$build/lib" -ldl -o "$work/batch_reports"
half=$(((count + 1) / 2))
head -n "$half" "$work/numbers" >"$work/first"
tail -n +"$((half + 1))" "$work/numbers" >"$work/second"

# timed NAME FUNCTION ARGS...: runs it under GNU time; `wall NAME` (s) and
# `rss NAME` (MB, the largest single process) read the result.
timed() {
  local name=$1
  shift
  /usr/bin/time -v -o "$work/time-$name" bash -c '"$@"' timed "$@"
}
wall() {
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0;
    for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.2f", s }' "$work/time-$1"
}
rss() { awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$work/time-$1"; }
cpu() { awk -F': ' '/(User|System) time \(seconds\)/ { s += $2 } END { printf "%.2f", s }' "$work/time-$1"; }
# One kdx process per report on both cores, as a shell loop over `kdx report` runs.
# $isolate is kdx's --isolate: none, or all for the plugins in a child process.
kdx_reports() {  # FORMAT OUT_DIR
  mkdir -p "$2"
  xargs -P2 -I{} "$kdx" --isolate="$isolate" report -t council-report -d "$work/data.xml" --municipality {} \
    --year 2024 --format "$1" --out "$2" <"$work/numbers" 2>/dev/null
}
# The same reports from one kdx run: --municipality all (one process, one core).
kdx_all() {  # FORMAT OUT_DIR
  mkdir -p "$2"
  "$kdx" --isolate="$isolate" report -t council-report -d "$work/data.xml" --municipality all --year 2024 \
    --format "$1" --out "$2" 2>/dev/null
}
# The same reports with one process per core, as the etree side runs.
kdx_batch() {  # FORMAT OUT_DIR
  mkdir -p "$2"
  local part
  for part in first second; do
    xargs "$work/batch_reports" "$build/plugins" "$work/data.xml" templates/council-report.xml "$1" \
      "$2" <"$work/$part" 2>/dev/null &
  done
  wait
}
size() {  # folder -> "N files, K KB a file"
  local files bytes
  files=$(find "$1" -type f | wc -l)
  bytes=$(du -cb "$1" | tail -1 | cut -f1)
  echo "$files files, $((bytes / files / 1024)) KB a file"
}
isolate=none
export kdx work python build isolate
export -f kdx_reports kdx_all kdx_batch
writes_reports() { "$kdx" plugins 2>/dev/null | grep -Eq "^  $1 .*document"; }

formats="xml"
for f in xlsx pdf; do
  if writes_reports "$f"; then formats="$formats $f"; fi
done
for f in $formats; do
  timed "kdx_$f" kdx_reports "$f" "$work/kdx-$f"
  timed "all_$f" kdx_all "$f" "$work/all-$f"
  timed "batch_$f" kdx_batch "$f" "$work/batch-$f"
  # The same with each plugin call in a child process (kdx-plugin-runner).
  isolate=all timed "kdx_iso_$f" kdx_reports "$f" "$work/kdx-iso-$f"
  isolate=all timed "all_iso_$f" kdx_all "$f" "$work/all-iso-$f"
done
mkdir -p "$work/etree" "$work/etree-each"
peer() {
  xargs "$python" bench/report/etree_reports.py "$work/data.json" "$work/etree" <"$work/first" &
  xargs "$python" bench/report/etree_reports.py "$work/data.json" "$work/etree" <"$work/second" &
  wait
}
peer_each() {
  xargs -P2 -I{} "$python" bench/report/etree_reports.py "$work/data.json" "$work/etree-each" {} \
    <"$work/numbers"
}
export -f peer peer_each
timed etree peer
timed etree_each peer_each

# Checks: schema, agreement with the peer, the same bytes on a second run and
# in the batch.
valid() {  # folder -> "valid" or the number of invalid files
  local bad
  bad=$(find "$1" -name '*.xml' -print0 |
    xargs -0 xmllint --noout --schema schemas/kdx-report-1.xsd 2>&1 | grep -c 'fails to validate' || true)
  [[ $bad == 0 ]] && echo "all valid" || echo "$bad INVALID"
}
agreement=$("$python" bench/report/compare_reports.py "$work/kdx-xml" "$work/etree" || true)
kdx_reports xml "$work/kdx-xml-again"
if diff -rq "$work/kdx-xml" "$work/kdx-xml-again" >/dev/null; then again="byte-identical"; else again="DIFFERENT"; fi
if diff -rq "$work/kdx-xml" "$work/batch-xml" >/dev/null; then batch="byte-identical"; else batch="DIFFERENT"; fi
if diff -rq "$work/kdx-xml" "$work/all-xml" >/dev/null; then all="byte-identical"; else all="DIFFERENT"; fi

per_report() { awk -v t="$1" -v n="$count" 'BEGIN { printf "%.1f", 2000 * t / n }'; }
echo "council-report for $count municipalities (generated data) on 2 cores: wall time, wall"
echo "time a report per core, CPU time (user + system) and peak RSS of the largest process"
line() {  # LABEL NAME WHAT
  printf '  %-15s %6s s  %5s ms a report  %6s s CPU  %5s MB  %s\n' "$1" "$(wall "$2")" \
    "$(per_report "$(wall "$2")")" "$(cpu "$2")" "$(rss "$2")" "$3"
}
for f in $formats; do
  line "kdx $f" "kdx_$f" "$(size "$work/kdx-$f")"
  line "kdx $f, all" "all_$f" "$(size "$work/all-$f")"
  line "kdx $f, batch" "batch_$f" "$(size "$work/batch-$f")"
  line "kdx $f, isolated" "kdx_iso_$f" "--isolate=all; $(diff -rq "$work/kdx-$f" "$work/kdx-iso-$f" >/dev/null && echo same bytes || echo DIFFERENT bytes)"
  line "kdx $f, all, iso" "all_iso_$f" "--isolate=all; $(diff -rq "$work/all-$f" "$work/all-iso-$f" >/dev/null && echo same bytes || echo DIFFERENT bytes)"
done
line "etree, per core" etree "$(size "$work/etree")"
line "etree, per file" etree_each "one python process a report"
echo "  kdx:   one kdx report run a report (loads every plugin, reads and validates data.xml each time)"
echo "  all:   one kdx report --municipality all run (reads data.xml once; one core)"
echo "  isolated, iso: the same with --isolate=all (each plugin call in a kdx-plugin-runner process;"
echo "         the default, third-party, runs kdx's own plugins in process as above)"
echo "  batch: report/batch_reports.cpp, the same engine and plugin, one process per core"
echo "  kdx syncs each file to disk before renaming it into place (kdx::AtomicFile); etree does not"
echo "  kdx xml: $(valid "$work/kdx-xml") against kdx-report-1.xsd; second run $again, batch $batch, all $all"
echo "  etree:   $(valid "$work/etree") against kdx-report-1.xsd; $agreement"
