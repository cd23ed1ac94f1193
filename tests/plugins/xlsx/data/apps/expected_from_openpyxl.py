#!/usr/bin/python3
"""Writes <name>.json beside each workbook in this folder (files saved by
Microsoft Excel and Google Sheets, see README.md) with the cells an
independent reader, openpyxl, finds in it: the expectations the xlsx reader's
cell tests (tests/plugins/xlsx/read_apps_test.cpp) compare kdx with.

The JSON has the shape of the generated fixtures in the folder above
(make_fixtures.py): sheets with name/hidden, cells with sheet/cell/type and
text and/or number, hidden_rows. Every non-empty cell is listed, up to CAP
per workbook; a bigger workbook gets every k-th cell of each sheet (and each
sheet's last), which the JSON says in "subset"; otherwise "all_cells" is
true and the test also checks that kdx finds no cell openpyxl does not.

Run from anywhere: /usr/bin/python3 expected_from_openpyxl.py [NAME.xlsx ...]
(needs python3-openpyxl; written with Debian 12's openpyxl 3.0.9).

Where openpyxl and kdx's Cell differ in convention (not in what the file
holds), the mapping below says so; those are the only adjustments made:

* Dates. kdx gives a date cell its serial day number in the 1900 system
  (1 = 1900-01-01, whatever the workbook's date system) and its ISO text,
  to the second. openpyxl gives a datetime: the serial is openpyxl's own
  to_excel() of it in the 1900 system, the text its isoformat rounded to the
  nearest second (Excel keeps fractions of a second; kdx's text does not).
* Times of day (a number below 1 under a time-only format such as h:mm).
  openpyxl returns a datetime.time with no day at all, which is right for
  a time. kdx keeps the serial, so the day is the date system's day 0:
  Excel's "1900-01-00", written 1899-12-31 (the day before serial 1), in a
  1900 workbook, and 1904-01-01 in a 1904 workbook (serial 0 there is
  1462 in the 1900 system). The expected serial and text follow from that.
* Durations ([h]:mm:ss formats) come from openpyxl as timedelta; they are
  mapped the same way, from their serial.
* Formulas: the value is the result Excel or Google Sheets saved
  (data_only=True), as kdx reads it; a formula without a saved result has no
  value in either reader and is not listed.
* Hidden rows: kdx passes only rows holding a value, so only hidden rows
  with at least one non-empty cell are listed.
"""
import datetime
import json
import math
import os
import sys
import warnings

import openpyxl
from openpyxl.utils.datetime import WINDOWS_EPOCH, to_excel

HERE = os.path.dirname(os.path.abspath(__file__))
CAP = 300
SERIAL_1904_DAY_0 = 1462  # 1904-01-01 in the 1900 system


def iso_of_datetime(value):
    if not isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d")
    value = (value + datetime.timedelta(microseconds=500000)).replace(microsecond=0)
    if value.hour or value.minute or value.second:
        return value.strftime("%Y-%m-%dT%H:%M:%S")
    return value.strftime("%Y-%m-%d")


def iso_of_serial(serial):
    """ISO text of a 1900-system serial, for times and durations only (see above)."""
    day = math.floor(serial)
    seconds = round((serial - day) * 86400)
    if seconds >= 86400:
        day, seconds = day + 1, seconds - 86400
    if day == 60:
        raise ValueError("serial 60 is Excel's 1900-02-29, which Python cannot write")
    # Serials 1..59 are one day behind a plain count from 1899-12-30 (Excel's
    # phantom 1900-02-29), and day 0 is "1900-01-00", the day before serial 1.
    date = datetime.date(1899, 12, 30 if day > 60 else 31) + datetime.timedelta(days=day)
    text = date.isoformat()
    if seconds:
        text += "T%02d:%02d:%02d" % (seconds // 3600, seconds // 60 % 60, seconds % 60)
    return text


def expected_cell(sheet, cell, date1904):
    out = {"sheet": sheet, "cell": cell.coordinate}
    value = cell.value
    kind = cell.data_type
    if kind == "b":
        out.update(type="boolean", number=int(value))
    elif kind == "e":
        out.update(type="error", text=value)
    elif kind == "d":
        if isinstance(value, (datetime.time, datetime.timedelta)):
            serial = to_excel(value) + (SERIAL_1904_DAY_0 if date1904 else 0)
            text = iso_of_serial(serial)
        else:
            serial = to_excel(value, WINDOWS_EPOCH)
            text = iso_of_datetime(value)
        out.update(type="date", text=text, number=serial)
    elif kind == "n":
        out.update(type="number", number=value)
    elif kind in ("s", "str", "inlineStr"):
        out.update(type="text", text=value)
    else:
        raise ValueError("%s!%s: unexpected openpyxl type %r" % (sheet, cell.coordinate, kind))
    return out


def expected(path):
    book = openpyxl.load_workbook(path, data_only=True)
    date1904 = book.epoch != WINDOWS_EPOCH
    sheets, cells, hidden_rows = [], [], []
    for ws in book.worksheets:
        sheets.append({"name": ws.title, "hidden": ws.sheet_state != "visible"})
        rows_with_values = set()
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                cells.append(expected_cell(ws.title, cell, date1904))
                rows_with_values.add(cell.row)
        for number, dim in sorted(ws.row_dimensions.items()):
            if dim.hidden and number in rows_with_values:
                hidden_rows.append({"sheet": ws.title, "row": number})
    data = {"sheets": sheets, "cells": cells, "hidden_rows": hidden_rows,
            "date1904": date1904, "generator": "openpyxl %s" % openpyxl.__version__,
            "all_cells": True}
    if len(cells) > CAP:
        data["all_cells"] = False
        step = math.ceil(len(cells) / CAP)
        kept = []
        for s in sheets:
            own = [c for c in cells if c["sheet"] == s["name"]]
            kept += [c for i, c in enumerate(own) if i % step == 0 or i == len(own) - 1]
        data["subset"] = ("%d of %d non-empty cells: cells 1, 1+k, 1+2k, ... (k=%d) of each "
                          "sheet, and its last" % (len(kept), len(cells), step))
        data["cells"] = kept
    return data


def main(names):
    # openpyxl warns of the extensions (x14 data validation, slicers, ...) it drops.
    warnings.filterwarnings("ignore", category=UserWarning, module="openpyxl")
    if not names:
        names = sorted(n for n in os.listdir(HERE) if n.endswith(".xlsx"))
    for name in names:
        path = os.path.join(HERE, os.path.basename(name))
        data = expected(path)
        out = path[:-len(".xlsx")] + ".json"
        with open(out, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=1)
            f.write("\n")
        print("%s: %d cells%s" % (os.path.basename(out), len(data["cells"]),
                                  " (subset)" if "subset" in data else ""))


if __name__ == "__main__":
    main(sys.argv[1:])
