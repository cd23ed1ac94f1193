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
    source_rows = list(csv.DictReader(f))
county_fig = {}  # (county, year, indicator) -> text, IMDi's own county rows
for row in source_rows:
    if row['fylke_id'] != 'NULL':
        county_fig[(row['fylke_id'], row['aar'], row['bosetting'])] = row['tabellvariabel']
for row in source_rows:
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
    # Oslo county (F03) before its one municipality, from IMDi's county rows.
    w.writerow(['F03', 'Oslo'] + [str(int(float(county_fig[('03', y, key)])))
                                  for y in years for key, _ in categories])
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

# 5. Names only, the year in the column ("Anmodning 2016", ...) and the same
# figures as a long table with an "År" column: IMDi's real 2016-2017
# figures from imdi/bosatt_anmodede-kommune-2015_2017.csv, each municipality
# named as it was in 2017 (Steinkjer then was 1702, Horten 0701, Voss 1235;
# Verran, Namdalseid, Vikna and Nærøy were merged away later). The numbers
# each name must resolve to go into names-expected.csv, taken from the
# crosswalk, not from kdx.
names_2017 = {}
with open(crosswalk, newline='', encoding='utf-8') as f:
    for row in csv.DictReader(f, delimiter=';'):
        names_2017[row['kommunenummer_2017']] = row['kommunenavn_2017']
real = os.path.join(here, 'imdi', 'bosatt_anmodede-kommune-2015_2017.csv')
with open(real, newline='', encoding='utf-8') as f:
    real_rows = list(csv.DictReader(f, delimiter=';'))
fields = [('anmodning', 'Anmodning', 'requested'), ('vedtak', 'Vedtak', 'decided')]
with open(os.path.join(out, 'names-wide-by-year.csv'), 'w', newline='', encoding='utf-8') as w_f, \
        open(os.path.join(out, 'names-long-by-year.csv'), 'w', newline='', encoding='utf-8') as l_f, \
        open(os.path.join(out, 'names-expected.csv'), 'w', newline='', encoding='utf-8') as e_f:
    wide_w = csv.writer(w_f, delimiter=';', lineterminator='\n')
    long_w = csv.writer(l_f, delimiter=';', lineterminator='\n')
    exp_w = csv.writer(e_f, lineterminator='\n')
    wide_w.writerow(['Kommune'] + ['%s %s' % (label, y) for y in ('2016', '2017') for _, label, _ in fields])
    long_w.writerow(['Kommune', 'År'] + [label for _, label, _ in fields])
    exp_w.writerow(['municipality', 'year', 'field', 'value'])
    for row in real_rows:
        n = row['kommune_nr']
        if n == '1514':
            continue  # Sande: two municipalities had that name (0713, 1514); a name alone cannot say which
        cells = []
        for y in ('2016', '2017'):
            vals = [row['%s_%s_personer' % (key, y)] for key, _, _ in fields]
            long_w.writerow([names_2017[n], y] + vals)
            cells += vals
            for (_, _, field), v in zip(fields, vals):
                exp_w.writerow([n, y, field, v])
        wide_w.writerow([names_2017[n]] + cells)

# 6. IMDi's older statistics tables, long and snake_case, with the id columns
# as its later tables name them (fylke_nr, kommune_nr, naringsregion_nr,
# bydel_nr), bare ids (kommune_nr 301 for 0301, fylke_nr 3), "NULL" for an
# empty id, and each category in persons and in its own unit: the settled
# share of the decided as "bosatt" in "prosent", settled per 1000 as
# "bosatt" in "promille". All rows of Oslo (03) and Nord-Trøndelag (17):
# municipalities, the county rows, a business region and an Oslo district;
# and rows for the whole country, which IMDi's file lacks, written as the
# sums of all its county rows (so they differ from the two counties' sums).
as_unit = {('anmodning', 'personer'): ('anmodning', 'personer'),
           ('vedtak', 'personer'): ('vedtak', 'personer'),
           ('bosatt', 'personer'): ('bosatt', 'personer'),
           ('bosatt_av_vedtak', 'prosent'): ('bosatt', 'prosent'),
           ('bosatt_per_1000', 'promille'): ('bosatt', 'promille')}


def bare(text):
    return 'NULL' if text == 'NULL' else str(int(text))


with open(os.path.join(out, 'imdi-long-snake-case.csv'), 'w', newline='', encoding='utf-8') as f:
    w = csv.writer(f, delimiter=';', lineterminator='\n')
    w.writerow(['aar', 'fylke_nr', 'kommune_nr', 'naringsregion_nr', 'bydel_nr', 'tabell_navn',
                'bosetting', 'enhet', 'tabellvariabel'])
    for y in years:
        for key, unit in as_unit:
            total = sum(float(v) for (c, yy, k), v in county_fig.items()
                        if yy == y and k == key and v != '.')
            if unit == 'personer':
                w.writerow([y, 'NULL', 'NULL', 'NULL', 'NULL', 'bosetting', key, unit,
                            str(int(total))])
    for row in source_rows:
        kommune, fylke = row['kommune_id'], row['fylke_id']
        wanted = (fylke in ('03', '17') or kommune[:2] in ('03', '17')
                  or row['naringsregion_id'] == '02' or row['bydel_id'].startswith('0301'))
        if not wanted or (row['bosetting'], row['enhet']) not in as_unit:
            continue
        key, unit = as_unit[(row['bosetting'], row['enhet'])]
        v = row['tabellvariabel']
        if v != '.' and unit == 'personer':
            v = str(int(float(v)))
        w.writerow([row['aar'], bare(fylke), bare(kommune), row['naringsregion_id'],
                    row['bydel_id'], 'bosetting', key, unit, v])

# 7. Dotted ids as column names (bosetting.anmodning) and bare municipality
# numbers (301 for 0301), one row per municipality and year.
with open(os.path.join(out, 'imdi-dotted-ids.csv'), 'w', newline='', encoding='utf-8') as f:
    w = csv.writer(f, delimiter=';', lineterminator='\n')
    w.writerow(['kommune_nr', 'aar', 'bosetting.anmodning', 'bosetting.vedtak',
                'bosetting.bosatt', 'bosetting.bosatt_av_vedtak'])
    for n in chosen:
        for y in years:
            w.writerow([str(int(n)), y] + [fig.get((n, y, key, 'personer'), '.')
                                           for key in ('anmodning', 'vedtak', 'bosatt')]
                       + [fig.get((n, y, 'bosatt_av_vedtak', 'prosent'), '.').replace('.', ',')
                          if fig.get((n, y, 'bosatt_av_vedtak', 'prosent'), '.') != '.' else '.'])


# 7. SSB statbank exports of table 07459 (population on 1 January), in the
# layouts statbank writes: a title line naming the table, a blank line, then
# a long header ("region";"statistikkvariabel";"år";<title>) or a wide one
# ("region","Personer 2018","Personer 2019"). The figures are SSB's published
# populations of 2018 and 2019 (Lagostra/population-center,
# data/befolkning.csv, see README): all 18 municipalities of Østfold with
# the county's figure (so the county row can be checked against their sum),
# a few others and the whole country. A few cells of municipalities outside
# Østfold are replaced by SSB's symbols to test them: '..' (not available),
# '...' (not yet available), ':' (confidential), '-' (nil).
ssb_title = '07459: Befolkning, etter region, statistikkvariabel og år'
ssb_pop = [  # (number, name, 2018, 2019)
    ('0101', 'Halden', 31037, 31177), ('0104', 'Moss', 32588, 32726),
    ('0105', 'Sarpsborg', 55543, 55997), ('0106', 'Fredrikstad', 80977, 81772),
    ('0111', 'Hvaler', 4540, 4599), ('0118', 'Aremark', 1399, 1357),
    ('0119', 'Marker', 3567, 3592), ('0121', 'Rømskog', 682, 673),
    ('0122', 'Trøgstad', 5337, 5347), ('0123', 'Spydeberg', 5853, 6042),
    ('0124', 'Askim', 15810, 15865), ('0125', 'Eidsberg', 11414, 11424),
    ('0127', 'Skiptvet', 3831, 3797), ('0128', 'Rakkestad', 8202, 8230),
    ('0135', 'Råde', 7465, 7542), ('0136', 'Rygge', 16083, 16145),
    ('0137', 'Våler (Østfold)', 5471, 5593), ('0138', 'Hobøl', 5621, 5642),
    ('0301', 'Oslo', 673469, 681071), ('0417', 'Stange', 20646, 20916),
    ('0701', 'Horten', 27317, 27334), ('1001', 'Kristiansand', 91440, 92282),
    ('1144', 'Kvitsøy', 542, 516), ('1235', 'Voss', 14577, 14606),
    ('5001', 'Trondheim', 193501, 196159), ('5004', 'Steinkjer', 22096, 22090),
    ('5041', 'Snåase - Snåsa', 2094, 2100),
]
ssb_county = ('01', 'Østfold', 295420, 297520)
ssb_country = (5295619, 5328212)
ssb_symbols = {('1144', 2018): '..', ('5041', 2019): ':', ('1235', 2019): '...',
               ('5004', 2018): '-'}


def ssb_cell(number, year, value):
    return ssb_symbols.get((number, year), value)


# 6a. Long, Latin-1, ';', CRLF, labels as statbank writes them with the
# municipality filter: "K-0101 Halden", "F-01 Østfold", "EAK Hele landet".
with open(os.path.join(out, 'ssb-07459-long-latin1.csv'), 'w', newline='', encoding='latin-1') as f:
    f.write(ssb_title + '\r\n\r\n')
    w = csv.writer(f, delimiter=';', lineterminator='\r\n', quoting=csv.QUOTE_NONNUMERIC)
    w.writerow(['region', 'statistikkvariabel', 'år', ssb_title])
    for y, i in ((2018, 0), (2019, 1)):
        w.writerow(['EAK Hele landet', 'Personer', str(y), ssb_country[i]])
        w.writerow(['F-%s %s' % ssb_county[:2], 'Personer', str(y), ssb_county[2 + i]])
        for n, name, *pop in ssb_pop:
            w.writerow(['K-%s %s' % (n, name), 'Personer', str(y), ssb_cell(n, y, pop[i])])

# 6b. Wide, UTF-8 with a byte order mark, ',', labels "0101 Halden", "01
# Østfold", "0 Hele landet", and Kristiansand with SSB's validity note.
with open(os.path.join(out, 'ssb-07459-wide-utf8bom.csv'), 'w', newline='', encoding='utf-8-sig') as f:
    f.write('"%s"\n\n' % ssb_title)
    w = csv.writer(f, delimiter=',', lineterminator='\n', quoting=csv.QUOTE_NONNUMERIC)
    w.writerow(['region', 'Personer 2018', 'Personer 2019'])
    w.writerow(['0 Hele landet'] + list(ssb_country))
    w.writerow(['%s %s' % ssb_county[:2]] + list(ssb_county[2:]))
    for n, name, *pop in ssb_pop:
        if n == '1001':
            name += ' (-2019)'
        w.writerow(['%s %s' % (n, name), ssb_cell(n, 2018, pop[0]), ssb_cell(n, 2019, pop[1])])

# 6c. The long table as a workbook (openpyxl): title in A1, header in row 3,
# figures as numbers and symbols as text.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = 'Personer'
ws.append([ssb_title])
ws.append([])
ws.append(['region', 'statistikkvariabel', 'år', ssb_title])
for y, i in ((2018, 0), (2019, 1)):
    ws.append(['0 Hele landet', 'Personer', str(y), ssb_country[i]])
    ws.append(['%s %s' % ssb_county[:2], 'Personer', str(y), ssb_county[2 + i]])
    for n, name, *pop in ssb_pop:
        ws.append(['%s %s' % (n, name), 'Personer', str(y), ssb_cell(n, y, pop[i])])
wb.save(os.path.join(out, 'ssb-07459-openpyxl.xlsx'))

# 6d. The same workbook saved again by LibreOffice.
subprocess.run(['soffice', '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML',
                '--outdir', os.path.join(out, 'lo'),
                os.path.join(out, 'ssb-07459-openpyxl.xlsx')], check=True,
               stdout=subprocess.DEVNULL)
os.replace(os.path.join(out, 'lo', 'ssb-07459-openpyxl.xlsx'),
           os.path.join(out, 'ssb-07459-libreoffice.xlsx'))
os.rmdir(os.path.join(out, 'lo'))
