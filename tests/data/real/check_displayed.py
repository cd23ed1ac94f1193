#!/usr/bin/python3
"""Checks the rule check_import.py applies to percent cells (openpyxl's value
x 100 when the number format has '%') against what LibreOffice shows: its CSV
export of the workbook with "save cell contents as shown".
    check_displayed.py WORKBOOK LIBREOFFICE_CSV
Prints one line per cell where they differ, then `checked N`."""
import csv, sys
import openpyxl

ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
with open(sys.argv[2], newline='', encoding='utf-8') as f:
    shown = list(csv.reader(f))
checked = 0
for r, row in enumerate(ws.iter_rows(), start=0):
    for c, cell in enumerate(row):
        if isinstance(cell.value, (int, float)) and '%' in cell.number_format:
            text = shown[r][c]
            decimals = len(text.rstrip('%').partition('.')[2])
            if not text.endswith('%') or abs(float(text.rstrip('%')) - cell.value * 100) > 0.5 * 10 ** -decimals + 1e-9:
                print('%s: openpyxl %r (%s), LibreOffice shows %r' % (cell.coordinate, cell.value, cell.number_format, text))
            checked += 1
print('checked', checked)
