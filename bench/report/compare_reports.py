#!/usr/bin/python3
"""Compares the blocks and notes of two folders of kdx-report-1 files of the
same names (canonical XML, so quoting and empty-element style do not count).
Prints how many agree and the first file that does not.

usage: compare_reports.py DIR_A DIR_B
"""
import os
import sys
import xml.etree.ElementTree as ET

NS = "{urn:kdx:report:1}"


def content(path):
    root = ET.parse(path).getroot()
    parts = [root.find(NS + "blocks")] + root.findall(NS + "note")
    return "".join(ET.canonicalize(ET.tostring(p, encoding="unicode")) for p in parts)


def main():
    a, b = sys.argv[1], sys.argv[2]
    names = sorted(n for n in os.listdir(a) if n.endswith(".xml"))
    same, first = 0, None
    for name in names:
        other = os.path.join(b, name)
        if os.path.exists(other) and content(os.path.join(a, name)) == content(other):
            same += 1
        elif first is None:
            first = name
    print(f"{same} of {len(names)} reports have the same blocks and notes"
          + (f" (first difference: {first})" if first else ""))
    return 0 if same == len(names) else 1


if __name__ == "__main__":
    sys.exit(main())
