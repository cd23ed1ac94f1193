#!/usr/bin/python3
"""Percent-formatted cells, written by XlsxWriter and saved again by LibreOffice.

Writes percent-xlsxwriter.xlsx, percent-libreoffice.xlsx (the first opened and
saved by LibreOffice headless, which recalculates the formulas) and
percent.json: for each cell the stored number, its format, and what a percent
field must read (the figure in percent) or null when the cell is no percentage.
The expectations come from the numbers written here and the ECMA-376 rule
(a bare % multiplies by 100, a quoted or escaped one is literal text); the
LibreOffice copy is checked with openpyxl to keep each cell's format.
Run: python3 make_percent.py (needs python3-xlsxwriter, openpyxl, soffice).
"""
import csv, json, os, shutil, subprocess, tempfile
import xlsxwriter, openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
# (format, stored number, percent a reader must see or None, shown in nb)
CASES = [
    ("0%", 0.07, 7, "7%"),
    ("0.0%", 1.0467, 104.67, "104,7%"),
    ("0.0 %", 0.068965517241379309, 6.8965517241379309, "6,9 %"),
    ("0.0\\ %", 0.125, 12.5, "12,5 %"),
    ('#,##0.0" %"', 6.9, 6.9, "6,9 %"),
    ("0.0\\%", 12.5, 12.5, "12,5%"),
    ("#,##0.00%", 12.3456, 1234.56, "1\u00a0234,56%"),
    ('0" % av alle"', 7, None, None),   # a quoted % that is not the unit
    ("0.0", 0.5, None, None),
    (9, 0.25, 25, "25%"),               # built-in 0%
    (10, 0.0125, 1.25, "1,25%"),        # built-in 0.00%
]

def write(path):
    wb = xlsxwriter.Workbook(path)
    ws = wb.add_worksheet("Ark1")
    ws.write_row(0, 0, ["format", "value", "formula"])
    cells = {}
    for i, (fmt, value, pct, shown) in enumerate(CASES, start=2):
        f = wb.add_format({"num_format": fmt})
        ws.write_string(i - 1, 0, str(fmt))
        ws.write_number(i - 1, 1, value, f)
        # a formula whose cached result is the same number
        ws.write_formula(i - 1, 2, "=B%d*1" % i, f, value)
        for col in "BC":
            cells["%s%d" % (col, i)] = {"stored": value, "format": fmt,
                                        "percent": pct, "shown": shown}
    wb.close()
    return cells

def main():
    xw = os.path.join(HERE, "percent-xlsxwriter.xlsx")
    cells = write(xw)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["soffice", "--headless", "-env:UserInstallation=file://" + tmp + "/profile",
                        "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", tmp, xw],
                       check=True, capture_output=True)
        shutil.copy(os.path.join(tmp, "percent-xlsxwriter.xlsx"),
                    os.path.join(HERE, "percent-libreoffice.xlsx"))
        # Independent check of "shown": LibreOffice's CSV export of the cells
        # as shown (en-US marks: point for decimals, comma for thousands).
        subprocess.run(["soffice", "--headless", "-env:UserInstallation=file://" + tmp + "/profile",
                        "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true",
                        "--outdir", tmp + "/csv", os.path.join(HERE, "percent-libreoffice.xlsx")],
                       check=True, capture_output=True)
        with open(os.path.join(tmp, "csv", "percent-libreoffice.csv"), newline="") as f:
            rows = list(csv.reader(f))
        for ref, c in cells.items():
            if c["shown"] is None:
                continue
            seen = rows[int(ref[1:]) - 1][ord(ref[0]) - ord("A")]
            nb = c["shown"].replace(",", ".").replace("\u00a0", ",")
            assert seen == nb, (ref, seen, nb)
    # Independent check: openpyxl sees the formats in both files.
    builtin = {9: "0%", 10: "0.00%"}
    for name in ("percent-xlsxwriter.xlsx", "percent-libreoffice.xlsx"):
        ws = openpyxl.load_workbook(os.path.join(HERE, name), data_only=True)["Ark1"]
        for ref, c in cells.items():
            cell = ws[ref]
            want = builtin.get(c["format"], c["format"])
            assert abs(cell.value - c["stored"]) < 1e-12, (name, ref, cell.value)
            print(name, ref, repr(cell.number_format), "written as", repr(want))
    with open(os.path.join(HERE, "percent.json"), "w") as f:
        json.dump(cells, f, indent=1, ensure_ascii=False)

main()
