#!/usr/bin/python3
"""Compares a kdx store with the kdx XML file it was made from, reading both
with Python's own modules (xml.etree, sqlite3): every settlement figure and
every municipality's fields. Prints one line per difference, then
"checked N settlement records, M municipalities"; exits 1 on a difference.

    check_store.py DATA.xml STORE.sqlite
"""
import sqlite3
import sys
import xml.etree.ElementTree as ET

NS = {"k": "urn:kdx:data:1"}


def number(text):
    return None if text is None or text == ":" else float(text)


def main():
    xml_file, store = sys.argv[1], sys.argv[2]
    root = ET.parse(xml_file).getroot()
    db = sqlite3.connect("file:" + store + "?mode=ro", uri=True)
    problems = []
    figures = root.findall("k:settlement/k:figures", NS)
    for f in figures:
        m, y = f.get("municipality"), int(f.get("year"))
        row = db.execute(
            "SELECT requested, requested_suppressed, decided, decided_suppressed, settled, "
            "settled_suppressed FROM settlement WHERE municipality = ? AND year = ?",
            (m, y)).fetchone()
        if row is None:
            problems.append(f"settlement {m} {y}: not in the store")
            continue
        for i, field in enumerate(("requested", "decided", "settled")):
            want = f.get(field)
            got, hidden = row[2 * i], row[2 * i + 1]
            if want == ":":
                ok = hidden == 1 and got is None
            else:
                ok = hidden == 0 and got == number(want)
            if not ok:
                problems.append(f"settlement {m} {y} {field}: XML {want!r}, store {got!r}/{hidden}")
    count = db.execute("SELECT count(*) FROM settlement").fetchone()[0]
    if count != len(figures):
        problems.append(f"settlement: XML has {len(figures)} records, store {count}")
    munis = root.findall("k:municipalities/k:municipality", NS)
    for e in munis:
        row = db.execute(
            "SELECT name, county_number, county_name, imdi_region, valid_from, valid_to "
            "FROM municipalities WHERE number = ?", (e.get("number"),)).fetchone()
        want = (e.get("name", ""), e.get("county-number", ""), e.get("county-name", ""),
                e.get("imdi-region", ""), int(e.get("valid-from", "0")), int(e.get("valid-to", "0")))
        if row != want:
            problems.append(f"municipality {e.get('number')}: XML {want}, store {row}")
    for p in problems:
        print(p)
    print(f"checked {len(figures)} settlement records, {len(munis)} municipalities")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
