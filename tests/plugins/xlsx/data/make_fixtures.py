#!/usr/bin/python3
"""Writes the xlsx reader's fixtures with independent writers (openpyxl,
XlsxWriter, LibreOffice) and, beside each, a JSON file of the cells the
generator put in, which the tests compare with what kdx reads.

Run from anywhere: /usr/bin/python3 make_fixtures.py (needs python3-openpyxl,
python3-xlsxwriter and, for the LibreOffice files, soffice).
"""
import datetime
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl
import xlsxwriter

HERE = os.path.dirname(os.path.abspath(__file__))
EPOCH = datetime.datetime(1899, 12, 30)  # serial 0 in Excel's 1900 system, from 1900-03-01 on


def serial(value):
    """The serial day number in the 1900 system (dates after 1900-02-28)."""
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        value = datetime.datetime(value.year, value.month, value.day)
    delta = value - EPOCH
    return delta.days + delta.seconds / 86400


def iso(value):
    if isinstance(value, datetime.datetime) and (value.hour or value.minute or value.second):
        return value.strftime("%Y-%m-%dT%H:%M:%S")
    return value.strftime("%Y-%m-%d")


class Expected:
    """Collects what each cell must read as."""

    def __init__(self):
        self.cells = []
        self.hidden_rows = []
        self.sheets = []

    def sheet(self, name, hidden=False):
        self.sheets.append({"name": name, "hidden": hidden})

    def text(self, sheet, cell, text):
        self.cells.append({"sheet": sheet, "cell": cell, "type": "text", "text": text})

    def number(self, sheet, cell, number):
        self.cells.append({"sheet": sheet, "cell": cell, "type": "number", "number": number})

    def boolean(self, sheet, cell, value):
        self.cells.append({"sheet": sheet, "cell": cell, "type": "boolean", "number": int(value)})

    def error(self, sheet, cell, code):
        self.cells.append({"sheet": sheet, "cell": cell, "type": "error", "text": code})

    def date(self, sheet, cell, value):
        self.cells.append({"sheet": sheet, "cell": cell, "type": "date", "text": iso(value),
                           "number": serial(value)})

    def empty(self, sheet, cell):
        self.cells.append({"sheet": sheet, "cell": cell, "type": "empty"})

    def hidden_row(self, sheet, row):
        self.hidden_rows.append({"sheet": sheet, "row": row})

    def save(self, name, **extra):
        data = {"sheets": self.sheets, "cells": self.cells, "hidden_rows": self.hidden_rows}
        data.update(extra)
        with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=1)
            f.write("\n")


DATE = datetime.date(2018, 12, 21)
DATETIME = datetime.datetime(2018, 12, 21, 8, 30, 0)
OLD_DATE = datetime.date(1905, 3, 1)


def xlsxwriter_types(name, constant_memory=False, date_1904=False):
    """Every cell type XlsxWriter writes, in one sheet, plus a hidden sheet."""
    e = Expected()
    options = {"constant_memory": constant_memory, "date_1904": date_1904}
    wb = xlsxwriter.Workbook(os.path.join(HERE, name), options)
    wb.set_properties({"created": datetime.datetime(2024, 1, 1)})
    ws = wb.add_worksheet("Celler")
    e.sheet("Celler")
    bold = wb.add_format({"bold": True})
    italic = wb.add_format({"italic": True})
    fmt14 = wb.add_format({"num_format": 14})
    fmt22 = wb.add_format({"num_format": 22})
    norsk = wb.add_format({"num_format": "dd.mm.yyyy hh:mm"})
    long_date = wb.add_format({"num_format": "[$-414]d. mmmm yyyy"})
    days = wb.add_format({"num_format": '0.0 "dager"'})
    thousands = wb.add_format({"num_format": "#,##0"})
    s = "Celler"
    ws.write_string("A1", "Kommune"); e.text(s, "A1", "Kommune")
    ws.write_string("B1", "Bodø – Sámi ŋ æøå"); e.text(s, "B1", "Bodø – Sámi ŋ æøå")
    if not constant_memory:
        ws.write_rich_string("A2", bold, "Bo", italic, "satt"); e.text(s, "A2", "Bosatt")
    ws.write_number("A3", 12.5); e.number(s, "A3", 12.5)
    ws.write_number("A4", 1234, thousands); e.number(s, "A4", 1234)
    ws.write_boolean("A5", True); e.boolean(s, "A5", True)
    ws.write_boolean("A6", False); e.boolean(s, "A6", False)
    ws.write_formula("A7", "=1/0", None, "#DIV/0!"); e.error(s, "A7", "#DIV/0!")
    ws.write_formula("A8", "=A3*2", None, 25); e.number(s, "A8", 25)
    ws.write_formula("A9", '=UPPER("nav")', None, "NAV"); e.text(s, "A9", "NAV")
    ws.write_datetime("A10", DATE, fmt14); e.date(s, "A10", DATE)
    ws.write_datetime("A11", DATETIME, norsk); e.date(s, "A11", DATETIME)
    ws.write_datetime("A12", DATE, long_date); e.date(s, "A12", DATE)
    ws.write_number("A13", 3.5, days); e.number(s, "A13", 3.5)
    ws.write_datetime("A14", DATETIME, fmt22); e.date(s, "A14", DATETIME)
    ws.write_datetime("A15", OLD_DATE, fmt14); e.date(s, "A15", OLD_DATE)
    ws.write_formula("A16", "=A5", None, True); e.boolean(s, "A16", True)
    ws.write_number("C16", -0.25); e.number(s, "C16", -0.25)
    e.empty(s, "B16")
    if not constant_memory:
        ws.merge_range("B3:C4", "Sammenslått", bold)
        e.text(s, "B3", "Sammenslått")
        for ref in ("C3", "B4", "C4"):
            e.empty(s, ref)
    ws.write_string("A20", "skjult rad"); e.text(s, "A20", "skjult rad")
    ws.set_row(19, None, None, {"hidden": True}); e.hidden_row(s, 20)
    hidden = wb.add_worksheet("Skjult")
    hidden.write_string("A1", "i skjult ark"); e.text("Skjult", "A1", "i skjult ark")
    hidden.hide()
    e.sheet("Skjult", hidden=True)
    wb.close()
    e.save(name.replace(".xlsx", ".json"), date1904=date_1904)


def openpyxl_types(name):
    """What openpyxl writes: shared strings, absolute relationship targets,
    formulas without saved results, hidden and very hidden sheets."""
    e = Expected()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Ark1"
    s = "Ark1"
    e.sheet(s)
    ws["A1"] = "Kommunenr"; e.text(s, "A1", "Kommunenr")
    ws["B1"] = "Kommune"; e.text(s, "B1", "Kommune")
    ws["A2"] = 5006; e.number(s, "A2", 5006)
    ws["B2"] = "Steinkjer"; e.text(s, "B2", "Steinkjer")
    ws["C2"] = 0.625; e.number(s, "C2", 0.625)
    ws["D2"] = True; e.boolean(s, "D2", True)
    ws["E2"] = DATE; ws["E2"].number_format = "dd.mm.yyyy"; e.date(s, "E2", DATE)
    ws["F2"] = DATETIME; e.date(s, "F2", DATETIME)  # openpyxl's default datetime format
    ws["G2"] = "=C2*100"; e.empty(s, "G2")  # no saved result
    ws["H2"] = "62,5"; e.text(s, "H2", "62,5")
    ws["I2"] = ":"; e.text(s, "I2", ":")
    ws["A3"] = "  mellomrom  "; e.text(s, "A3", "  mellomrom  ")
    ws["B3"] = "linje 1\nlinje 2"; e.text(s, "B3", "linje 1\nlinje 2")
    ws.merge_cells("C3:D4")
    ws["C3"] = "Flettet"; e.text(s, "C3", "Flettet")
    e.empty(s, "D3"); e.empty(s, "C4")
    ws["A6"] = "skjult"; e.text(s, "A6", "skjult")
    ws.row_dimensions[6].hidden = True; e.hidden_row(s, 6)
    h = wb.create_sheet("Skjult")
    h["A1"] = 1; e.number("Skjult", "A1", 1)
    h.sheet_state = "hidden"
    e.sheet("Skjult", hidden=True)
    v = wb.create_sheet("Svært skjult")
    v["B2"] = "x"; e.text("Svært skjult", "B2", "x")
    v.sheet_state = "veryHidden"
    e.sheet("Svært skjult", hidden=True)
    wb.save(os.path.join(HERE, name))
    e.save(name.replace(".xlsx", ".json"), missing_results=1)


# The IMDi-like partner layout: a title row, Norwegian headers, a Sum row,
# decimal commas as text and ":" for suppressed figures.
IMDI_ROWS = [
    # Kommunenr, Kommune, År, Anmodning, Vedtak, Bosatt, Enslige mindreårige, Bosatt per 1000
    ("5001", "Trondheim", 2018, 200, 200, 195, "12", "1,0"),
    ("5004", "Steinkjer", 2018, 30, 30, 28, ":", "1,3"),
    ("5035", "Stjørdal", 2018, 20, "-", 15, "2", "0,6"),
    ("1804", "Bodø", 2019, 35, 35, 33, "4", "0,6"),
]
IMDI_HEADER = ["Kommunenr", "Kommune", "År", "Anmodning", "Vedtak", "Bosatt",
               "Enslige mindreårige", "Bosatt per 1000 innbyggere"]


def imdi_expected():
    rows = []
    for r in IMDI_ROWS:
        rows.append({"municipality": r[0], "name": r[1], "year": r[2], "requested": r[3],
                     "decided": None if r[4] == "-" else r[4], "settled": r[5],
                     "minors": None if r[6] == ":" else int(r[6]), "minors_suppressed": r[6] == ":",
                     "per_1000": float(r[7].replace(",", "."))})
    return rows


def imdi_openpyxl(name):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Bosetting"
    ws["A1"] = "Bosetting av flyktninger 2018-2019"
    ws.merge_cells("A1:H1")
    ws.append([])
    ws.append(IMDI_HEADER)
    for r in IMDI_ROWS:
        ws.append([int(r[0]) if r[0] != "5001" else r[0], r[1], r[2], r[3], r[4], r[5],
                   int(r[6]) if r[6] != ":" else r[6], r[7]])
    ws.append(["Sum", None, None, sum(r[3] for r in IMDI_ROWS)])
    ws.append(["3413", "Stange", 2018, 99, 99, 99, "1", "9,9"])  # a hidden row
    ws.row_dimensions[ws.max_row].hidden = True
    wb.save(os.path.join(HERE, name))


def imdi_xlsxwriter(name):
    wb = xlsxwriter.Workbook(os.path.join(HERE, name), {"constant_memory": True})
    wb.set_properties({"created": datetime.datetime(2024, 1, 1)})
    ws = wb.add_worksheet("Bosetting 2018-2019")
    ws.write_string(0, 0, "Bosetting av flyktninger")
    ws.write_row(2, 0, IMDI_HEADER)
    for i, r in enumerate(IMDI_ROWS):
        ws.write_row(3 + i, 0, [r[0], r[1], r[2], r[3], r[4]])
        ws.write_formula(3 + i, 5, "=%d" % r[5], None, r[5])
        ws.write_row(3 + i, 6, [r[6], r[7]])
    ws.write_row(3 + len(IMDI_ROWS), 0, ["Sum", "", "", sum(r[3] for r in IMDI_ROWS)])
    wb.close()


XML_SHEET = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<!-- written by hand: what the XML of a sheet may hold -->\n'
    b'<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b'<?some-tool processing instruction?>\n'
    b"<x:sheetData>\n <x:row r='1' >\n"
    b'  <x:c r="A1" t="inlineStr"><x:is><x:t>R&amp;D &lt;Troms&#xF8;&gt; &#8211; &quot;x&quot;</x:t></x:is></x:c>\n'
    b'  <x:c r = "B1" t = \'inlineStr\'><x:is><x:t><![CDATA[a < b & c]]></x:t></x:is></x:c>\n'
    b'  <!-- a comment between cells -->\n'
    b'  <x:c r="C1" t="inlineStr" x:note="a > b"><x:is><x:r><x:t xml:space="preserve">rik </x:t></x:r>'
    b'<x:r><x:t>tekst</x:t></x:r><x:rPh><x:t>fonetisk</x:t></x:rPh></x:is></x:c>\n'
    b'  <x:c t="n"><x:v>1e3</x:v></x:c>\n'
    b' </x:row>\n <x:row><x:c><x:v>-0.5</x:v></x:c><x:c r="C2" t="e"><x:v>#N/A</x:v></x:c></x:row>\n'
    b'</x:sheetData></x:worksheet>\n')


def xml_features(name):
    """A sheet written by hand with prefixes, entities, character references,
    CDATA, comments, single quotes, '>' in an attribute, rich and phonetic
    runs and cells without references."""
    write_zip(os.path.join(HERE, name), rewritten("types-openpyxl.xlsx", {
        "xl/worksheets/sheet1.xml": lambda d: XML_SHEET}))
    e = Expected()
    s = "Ark1"
    e.sheet(s)
    e.sheet("Skjult", hidden=True)
    e.sheet("Svært skjult", hidden=True)
    e.text(s, "A1", 'R&D <Tromsø> – "x"')
    e.text(s, "B1", "a < b & c")
    e.text(s, "C1", "rik tekst")
    e.number(s, "D1", 1000)
    e.number(s, "A2", -0.5)
    e.error(s, "C2", "#N/A")
    e.number("Skjult", "A1", 1)
    e.text("Svært skjult", "B2", "x")
    e.save(name.replace(".xlsx", ".json"))


BIG_ROWS = 8000


def big_entities(name):
    """A sheet larger than the reader's read chunks, its text full of
    references, so that tokens fall across chunk boundaries: row i (1-based)
    holds "R&D <i>" in A and i in B."""
    wb = xlsxwriter.Workbook(os.path.join(HERE, name), {"constant_memory": True})
    wb.set_properties({"created": datetime.datetime(2024, 1, 1)})
    ws = wb.add_worksheet("Stor")
    for i in range(1, BIG_ROWS + 1):
        ws.write_string(i - 1, 0, "R&D <%d>" % i)
        ws.write_number(i - 1, 1, i)
    wb.close()


def write_zip(path, entries):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            z.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data,
                       compress_type=zipfile.ZIP_DEFLATED)


def rewritten(source, changes, extra=()):
    """The entries of `source` with some replaced (name -> function of bytes)."""
    out = []
    with zipfile.ZipFile(os.path.join(HERE, source)) as z:
        for info in z.infolist():
            data = z.read(info.filename)
            if info.filename in changes:
                data = changes[info.filename](data)
            out.append((info.filename, data))
    return out + list(extra)


def bad_files():
    bad = os.path.join(HERE, "bad")
    os.makedirs(bad, exist_ok=True)
    base = "types-openpyxl.xlsx"
    with open(os.path.join(bad, "not-zip.xlsx"), "w") as f:
        f.write("Kommune;Bosatt\nBodø;33\n")
    with open(os.path.join(HERE, base), "rb") as f:
        data = f.read()
    with open(os.path.join(bad, "truncated.xlsx"), "wb") as f:
        f.write(data[: len(data) * 2 // 3])
    # The start of an OLE compound file as Office writes an encrypted
    # workbook: the signature, and a directory entry named EncryptedPackage.
    ole = bytearray(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + bytes(504))
    sector = bytearray(512)
    name = "EncryptedPackage".encode("utf-16-le")
    sector[0:len(name)] = name
    with open(os.path.join(bad, "encrypted.xlsx"), "wb") as f:
        f.write(bytes(ole) + bytes(sector))
    write_zip(os.path.join(bad, "document.xlsx"), [
        ("[Content_Types].xml",
         '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
         'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
         'package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="'
         'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
         '</Types>'),
        ("_rels/.rels",
         '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
         '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
         'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
         '</Relationships>'),
        ("word/document.xml", '<?xml version="1.0"?><document/>'),
    ])
    laughs = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
              b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n')
    write_zip(os.path.join(bad, "doctype.xlsx"), rewritten(base, {
        "xl/worksheets/sheet1.xml": lambda d: laughs + (d[d.index(b"?>") + 2:]
                                                         if d.startswith(b"<?xml") else d)}))
    write_zip(os.path.join(bad, "doctype-workbook.xlsx"), rewritten(base, {
        "xl/workbook.xml": lambda d: d.replace(b"<workbook", b'<!DOCTYPE workbook SYSTEM '
                                                b'"http://example.invalid/w.dtd">\n<workbook', 1)}))
    write_zip(os.path.join(bad, "mismatched.xlsx"), rewritten(base, {
        "xl/worksheets/sheet1.xml": lambda d: d.replace(b"</row>", b"</rows>", 1)}))
    write_zip(os.path.join(bad, "undefined-entity.xlsx"), rewritten(base, {
        "xl/worksheets/sheet1.xml": lambda d: d.replace(b"Steinkjer", b"Steinkjer&nbsp;")}))
    write_zip(os.path.join(bad, "cut-xml.xlsx"), rewritten(base, {
        "xl/worksheets/sheet1.xml": lambda d: d[:d.index(b"</sheetData>") - 20]}))
    write_zip(os.path.join(bad, "traversal.xlsx"),
              rewritten(base, {}, [("../../evil.txt", b"outside")]))
    write_zip(os.path.join(bad, "invalid-utf8.xlsx"), rewritten(base, {
        "xl/worksheets/sheet1.xml": lambda d: d.replace(b"Steinkjer", b"Steinkj\xf8r")}))
    # A megabyte of whitespace in a sheet compresses a thousandfold.
    write_zip(os.path.join(bad, "bomb.xlsx"), rewritten(base, {
        "xl/worksheets/sheet1.xml": lambda d: d.replace(b"<sheetData>",
                                                        b"<sheetData>" + b" " * (4 << 20))}))
    # A reference to another workbook (read, with a warning).
    ext_rel = (b'<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/'
               b'2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/>')
    write_zip(os.path.join(HERE, "external-link.xlsx"), rewritten(base, {
        "xl/workbook.xml": lambda d: d.replace(
            b"</sheets>", b'</sheets><externalReferences><externalReference r:id="rIdX"/>'
                          b'</externalReferences>'),
        "xl/_rels/workbook.xml.rels": lambda d: d.replace(b"</Relationships>",
                                                          ext_rel + b"</Relationships>"),
    }, [
        ("xl/externalLinks/externalLink1.xml",
         b'<?xml version="1.0"?><externalLink xmlns="http://schemas.openxmlformats.org/'
         b'spreadsheetml/2006/main"><externalBook r:id="rId1" xmlns:r="http://schemas.'
         b'openxmlformats.org/officeDocument/2006/relationships"/></externalLink>'),
        ("xl/externalLinks/_rels/externalLink1.xml.rels",
         b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
         b'2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
         b'officeDocument/2006/relationships/externalLinkPath" Target="file:///C:/Data/'
         b'fylket.xlsx" TargetMode="External"/></Relationships>'),
    ]))


def libreoffice():
    """Converts libreoffice.fods to .xlsx (and to .ods, a file kdx refuses).
    libreoffice.json, written by hand, lists its cells; LibreOffice stores a
    boolean without a boolean number format as the number 1."""
    soffice = shutil.which("soffice")
    if not soffice:
        print("soffice not found: LibreOffice fixtures not regenerated", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as profile:
        def convert(source, target_format, out_dir):
            subprocess.run([soffice, "-env:UserInstallation=file://" + profile, "--headless",
                            "--convert-to", target_format, "--outdir", out_dir,
                            os.path.join(HERE, source)], check=True, stdout=subprocess.DEVNULL)
        convert("libreoffice.fods", "xlsx", HERE)
        convert("libreoffice.fods", "ods", os.path.join(HERE, "bad"))


def main():
    xlsxwriter_types("types-xlsxwriter.xlsx")
    xlsxwriter_types("types-constant-memory.xlsx", constant_memory=True)
    xlsxwriter_types("types-1904.xlsx", date_1904=True)
    openpyxl_types("types-openpyxl.xlsx")
    imdi_openpyxl("imdi-openpyxl.xlsx")
    imdi_xlsxwriter("imdi-xlsxwriter.xlsx")
    with open(os.path.join(HERE, "imdi.json"), "w", encoding="utf-8") as f:
        json.dump(imdi_expected(), f, ensure_ascii=False, indent=1)
        f.write("\n")
    bad_files()
    xml_features("xml-features.xlsx")
    big_entities("big-entities.xlsx")
    libreoffice()


if __name__ == "__main__":
    main()
