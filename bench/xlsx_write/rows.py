"""The benchmark's settlement rows written by python3-xlsxwriter (constant
memory) or openpyxl (write-only), the same cells write_rows.cpp writes in its
Settlement sheet: a bold header, text, numbers as #,##0, ":" for suppressed.

    rows.py xlsxwriter|openpyxl ROWS OUT.xlsx
"""
import sys


def rows(count):
    for i in range(count):
        m = i % 357
        settled = i * 3 % 150
        yield [str(3000 + m), "Kommune Ås-Ørland %d" % m, 2000 + (i // 357) % 25,
               i * 7 % 200, i * 5 % 180, ":" if 0 < settled < 5 else settled,
               None if i % 10 == 0 else i % 13, i % 17]


HEADER = ["municipality", "municipality_name", "year", "requested", "decided", "settled",
          "unaccompanied_minors", "family_reunifications"]


def with_xlsxwriter(count, out):
    import xlsxwriter
    wb = xlsxwriter.Workbook(out, {"constant_memory": True})
    ws = wb.add_worksheet("Settlement")
    bold = wb.add_format({"bold": True, "bottom": 1})
    year = wb.add_format({"num_format": "0"})
    persons = wb.add_format({"num_format": "#,##0"})
    for c, h in enumerate(HEADER):
        ws.write_string(0, c, h, bold)
    for r, row in enumerate(rows(count), start=1):
        ws.write_string(r, 0, row[0])
        ws.write_string(r, 1, row[1])
        ws.write_number(r, 2, row[2], year)
        for c in range(3, 8):
            v = row[c]
            if isinstance(v, str):
                ws.write_string(r, c, v, persons)
            elif v is not None:
                ws.write_number(r, c, v, persons)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, count, 7)
    wb.close()


def with_openpyxl(count, out):
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Settlement")
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = "A1:H%d" % (count + 1)
    header = []
    for h in HEADER:
        c = WriteOnlyCell(ws, value=h)
        c.font = Font(bold=True)
        header.append(c)
    ws.append(header)
    for row in rows(count):
        cells = [row[0], row[1]]
        y = WriteOnlyCell(ws, value=row[2])
        y.number_format = "0"
        cells.append(y)
        for v in row[3:]:
            if v is None:
                cells.append(None)
            else:
                c = WriteOnlyCell(ws, value=v)
                c.number_format = "#,##0"
                cells.append(c)
        ws.append(cells)
    wb.save(out)


if __name__ == "__main__":
    writer, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    {"xlsxwriter": with_xlsxwriter, "openpyxl": with_openpyxl}[writer](count, out)
