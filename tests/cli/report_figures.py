#!/usr/bin/env python3
"""Reads what the report tests check, without kdx: figures, notes and table
names from a report's XML (xml.etree), and sums from IMDi's CSV (csv).

  report_figures.py figure REPORT.xml LABEL     the key figure's value
  report_figures.py notes REPORT.xml            the document's notes, one a line
  report_figures.py title REPORT.xml            the report's title
  report_figures.py imdi CSV YEAR VARIABLE NUMBER...
      the sum of VARIABLE (anmodning, vedtak, bosatt) in YEAR over the
      municipalities NUMBER (a two-digit NUMBER is every municipality of
      that county)
"""
import csv
import sys
import xml.etree.ElementTree as ET

NS = {"r": "urn:kdx:report:1"}


def main(argv):
    what = argv[1]
    if what == "imdi":
        path, year, variable, numbers = argv[2], argv[3], argv[4], argv[5:]
        total = 0.0
        with open(path, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                kommune = row["kommune_id"]
                if row["aar"] != year or row["tabellvariabel"] in (".", ""):
                    continue
                if row["bosetting"] != variable or kommune == "NULL" or row["bydel_id"] != "NULL":
                    continue
                if any(kommune == n or (len(n) == 2 and kommune.startswith(n)) for n in numbers):
                    total += float(row["tabellvariabel"])
        print(f"{total:g}")
        return 0
    root = ET.parse(argv[2]).getroot()
    if what == "figure":
        for figure in root.iterfind(".//r:key-figures/r:figure", NS):
            if figure.findtext("r:label", namespaces=NS) == argv[3]:
                print(f"{float(figure.get('value')):g}")
                return 0
        print("no figure " + argv[3], file=sys.stderr)
        return 1
    if what == "notes":
        for note in root.iterfind("r:note", NS):
            print(note.text)
        return 0
    if what == "title":
        print(root.findtext("r:info/r:title", namespaces=NS))
        return 0
    print("unknown request " + what, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
