#!/usr/bin/python3
"""Makes the fixtures in made/ from IMDi's settlement statistics 2012-2014
(../shared/data/imdi-settlement-2012-2014.csv, a copy is in tests/data/imdi/).
Not run by the build; run it by hand and commit its output:
    /usr/bin/python3 tests/data/real/make_fixtures.py
It writes the layouts IMDi's statistics site exports, with the figures of a
few municipalities chosen for reform history (Horten, Steinkjer, Verran,
Voss, Stange) and a few with '.' (no figure)."""
import csv, os, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
src = os.path.join(here, '..', 'imdi', 'imdi-settlement-2012-2014.csv')
crosswalk = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    here, '..', '..', '..', '..', 'shared', 'data', 'municipality-numbers-2013-2020.csv')
out = os.path.join(here, 'made')
chosen = ['0301', '0417', '0701', '1235', '1702', '1721', '1724', '0123', '1144']
categories = [('anmodning', 'Anmodning om bosetting'),
              ('vedtak', 'Vedtak om bosetting'),
              ('bosatt', 'Faktisk bosetting')]
years = ['2012', '2013', '2014']

names = {}
with open(crosswalk, newline='', encoding='utf-8') as f:
    for row in csv.DictReader(f, delimiter=';'):
        names[row['kommunenummer_2013']] = row['kommunenavn_2013']

fig = {}  # (number, year, indicator, unit) -> text
with open(src, newline='', encoding='utf-8') as f:
    for row in csv.DictReader(f):
        if row['kommune_id'] in chosen:
            t = row['tabellvariabel']
            if t != '.' and row['enhet'] == 'personer':
                t = str(int(float(t)))  # IMDi's exports write counts as whole numbers
            fig[(row['kommune_id'], row['aar'], row['bosetting'], row['enhet'])] = t

# 1. Long export: Enhet;År;Kommunenummer;Kommune;Bosetting;Antall, Latin-1.
with open(os.path.join(out, 'imdi-long-latin1.csv'), 'w', newline='', encoding='latin-1') as f:
    w = csv.writer(f, delimiter=';', lineterminator='\r\n')
    w.writerow(['Enhet', 'År', 'Kommunenummer', 'Kommune', 'Bosetting', 'Antall'])
    for n in chosen:
        for y in years:
            for key, label in categories:
                w.writerow(['Personer', y, n, names[n], label,
                            fig.get((n, y, key, 'personer'), '.')])
            w.writerow(['Prosent', y, n, names[n], 'Faktisk bosetting',
                        fig.get((n, y, 'bosatt_av_vedtak', 'prosent'), '.')])

# 2. Wide export with a two-row header, region codes K<number>, UTF-8.
wide = os.path.join(out, 'imdi-wide-two-row-header.csv')
with open(wide, 'w', newline='', encoding='utf-8') as f:
    w = csv.writer(f, delimiter=';', lineterminator='\r\n')
    w.writerow(['Region', 'Navn'] + ['Bosetting: ' + label for y in years for _, label in categories])
    w.writerow(['', ''] + [y for y in years for _ in categories])
    for n in chosen:
        w.writerow(['K' + n, names[n]] + [fig.get((n, y, key, 'personer'), '.')
                                          for y in years for key, _ in categories])

# 3. XLSX by openpyxl: one row per municipality and year, the share of the
# decided settled as a percent-formatted fraction (Excel shows 104.7 %).
import openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = 'Bosetting'
ws.append(['Kommunenummer', 'Kommune', 'År', 'Anmodning', 'Vedtak', 'Bosatt',
           'Bosatt av vedtak'])
for n in chosen:
    for y in years:
        row = [n, names[n], int(y)]
        for key in ('anmodning', 'vedtak', 'bosatt'):
            t = fig.get((n, y, key, 'personer'), '.')
            row.append(int(t) if t.isdigit() else t)
        share = fig.get((n, y, 'bosatt_av_vedtak', 'prosent'), '.')
        row.append(float(share) / 100 if share != '.' else '.')
        ws.append(row)
        if share != '.':
            ws.cell(ws.max_row, 7).number_format = '0.0%'
wb.save(os.path.join(out, 'imdi-percent-openpyxl.xlsx'))

# 4. The same workbook saved again by LibreOffice (its own writer, styles
# and number formats).
subprocess.run(['soffice', '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML',
                '--outdir', os.path.join(out, 'lo'),
                os.path.join(out, 'imdi-percent-openpyxl.xlsx')], check=True,
               stdout=subprocess.DEVNULL)
os.replace(os.path.join(out, 'lo', 'imdi-percent-openpyxl.xlsx'),
           os.path.join(out, 'imdi-percent-libreoffice.xlsx'))
os.rmdir(os.path.join(out, 'lo'))
