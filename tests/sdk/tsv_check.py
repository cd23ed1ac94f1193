#!/usr/bin/python3
"""Checks the file the plugin guide's tsv example wrote, for scripts/test-sdk.

  tsv_check.py OUT.tsv REFERENCE.sample (header|no-header)

The figures must be the settlement figures of REFERENCE.sample (the tests'
kdx-sample JSON, written by another plugin), in its order: missing as an
empty field, suppressed as ":"; the header line present or absent as asked.
Reads the file with Python's csv module; exits 1 with one line per problem.
"""
import csv
import json
import sys

HEADER = ["kommunenummer", "kommune", "år", "anmodning", "vedtak", "bosatt"]


def text(value):
    if value is None:
        return ""
    if value == ":":
        return ":"
    return str(int(value)) if float(value).is_integer() else str(value)


def main(tsv, reference, header):
    with open(tsv, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    data = json.load(open(reference, encoding="utf-8"))
    names = {m["number"]: m["name"] for m in data["municipalities"]}
    expected = [[s["municipality"], names.get(s["municipality"], ""), str(s["year"]),
                 text(s["requested"]), text(s["decided"]), text(s["settled"])]
                for s in data["settlement"]]
    problems = []
    if header == "header":
        if not rows or rows[0] != HEADER:
            problems.append(f"{tsv}: first line {rows[:1]}, expected the header {HEADER}")
        rows = rows[1:]
    elif rows and rows[0] == HEADER:
        problems.append(f"{tsv}: a header line although header was off")
        rows = rows[1:]
    if rows != expected:
        problems.append(f"{tsv}: {len(rows)} rows, expected the {len(expected)} settlement "
                        f"figures of {reference}; first difference: " +
                        next((f"{a} != {b}" for a, b in zip(rows, expected) if a != b), "in length"))
    for p in problems:
        print(p)
    if not problems:
        print(f"{tsv}: {len(rows)} rows equal to the reference's settlement figures"
              f" ({'with' if header == 'header' else 'without'} header)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
