#!/usr/bin/python3
"""Workbooks rewritten from types-xlsxwriter.xlsx as other writers lay them out.

- windows-names.xlsx: every part name with backslashes ("xl\\worksheets\\sheet1.xml"),
  as some Windows tools write them; Office opens such files.
- bad/windows-traversal.xlsx: the same plus an entry "..\\..\\evil.txt", which
  must still be refused.
- prefixed.xlsx: the SpreadsheetML parts with a namespace prefix
  (<x:worksheet xmlns:x="..."><x:sheetData><x:row><x:c>), as SSB's statbank
  export writes them.
The cells are the generator's (types-xlsxwriter.json is copied beside each).
Run: /usr/bin/python3 make_renamed.py
"""
import os, re, shutil, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "types-xlsxwriter.xlsx")
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

def rewrite(target, name_of, data_of, extra=()):
    with zipfile.ZipFile(SOURCE) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            out.writestr(name_of(info.filename), data_of(info.filename, src.read(info.filename)))
        for name, data in extra:
            out.writestr(name, data)

def prefixed(name, data):
    text = data.decode("utf-8")
    if ('xmlns="%s"' % MAIN) not in text:
        return data
    text = text.replace('xmlns="%s"' % MAIN, 'xmlns:x="%s"' % MAIN)
    text = re.sub(r"<(/?)([A-Za-z][\w]*)(?=[\s/>])", r"<\1x:\2", text)
    return text.encode("utf-8")

same = lambda name, data: data
back = lambda name: name.replace("/", "\\")
rewrite(os.path.join(HERE, "windows-names.xlsx"), back, same)
rewrite(os.path.join(HERE, "bad", "windows-traversal.xlsx"), back, same,
        [("..\\..\\evil.txt", b"outside")])
rewrite(os.path.join(HERE, "prefixed.xlsx"), lambda n: n, prefixed)
for name in ("windows-names", "prefixed"):
    shutil.copy(os.path.join(HERE, "types-xlsxwriter.json"), os.path.join(HERE, name + ".json"))

# Independent check: openpyxl reads the prefixed copy cell for cell like the source.
import openpyxl
a = openpyxl.load_workbook(SOURCE)
b = openpyxl.load_workbook(os.path.join(HERE, "prefixed.xlsx"))
for wa, wb in zip(a.worksheets, b.worksheets):
    assert [[c.value for c in r] for r in wa.iter_rows()] == [[c.value for c in r] for r in wb.iter_rows()]
print("ok")
