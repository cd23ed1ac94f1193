#!/usr/bin/python3
"""Compares what kdx imported from a fixture (its `kdx convert` output in the
exchange format, read with xml.etree) with the figures an independent reader
takes from the fixture itself: Python's csv module for CSV, openpyxl for XLSX
(a percent-formatted cell counts as value x 100).
    check_import.py FIXTURE KDX_XML [counts|numbers|shares|county-rows]
Prints one line per differing figure and a last line `checked N`; expected
'.' / '' cells must be missing in kdx's output (not 0, not suppressed)."""
import csv, os, re, sys
import xml.etree.ElementTree as ET

fixture, kdx_xml = sys.argv[1], sys.argv[2]
ATTR = {'anmodning': 'requested', 'vedtak': 'decided', 'bosatt': 'settled',
        'Anmodning om bosetting': 'requested', 'Vedtak om bosetting': 'decided',
        'Faktisk bosetting': 'settled'}
expected = {}  # (municipality, year, field) -> float or None (no figure)


def figure(text):
    if text is None:
        return None
    if isinstance(text, (int, float)):
        return float(text)
    t = text.strip()
    return None if t in ('', '.', '..', '...') else float(t.replace(',', '.'))


name = os.path.basename(fixture)
if name.startswith('bosatt_anmodede'):
    with open(fixture, newline='', encoding='utf-8') as f:
        for row in csv.DictReader(f, delimiter=';'):
            for col, text in row.items():
                m = re.fullmatch(r'(anmodning|vedtak|bosatt)_(\d{4})_(personer|prosent)', col)
                if m and m[3] == 'personer':
                    expected[(row['kommune_nr'], int(m[2]), ATTR[m[1]])] = figure(text)
                elif m and m[1] != 'anmodning':
                    # Percentages of the request: anmodning_*_prosent is 100
                    # throughout, vedtak 48 of anmodning 30 is written 160.
                    expected[(row['kommune_nr'], int(m[2]), m[1] == 'vedtak' and
                              'decided-share-of-requested' or 'settled-share-of-requested')] = figure(text)
elif name == 'imdi-long-latin1.csv':
    with open(fixture, newline='', encoding='latin-1') as f:
        for row in csv.DictReader(f, delimiter=';'):
            if row['Enhet'] == 'Personer':
                expected[(row['Kommunenummer'], int(row['År']), ATTR[row['Bosetting']])] = figure(row['Antall'])
elif name == 'imdi-wide-two-row-header.csv':
    with open(fixture, newline='', encoding='utf-8') as f:
        rows = list(csv.reader(f, delimiter=';'))
    for row in rows[2:]:
        if row[0].startswith('F'):
            continue  # a county's row (F03): the model keeps municipalities
        for col in range(2, len(row)):
            label = rows[0][col].split(': ', 1)[1]
            expected[(row[0][1:], int(rows[1][col]), ATTR[label])] = figure(row[col])
elif name == 'imdi-long-snake-case.csv':
    # Municipality rows only (kommune_nr given, bare: 301 is 0301); county,
    # country, business-region and district rows are aggregates.
    SHARE = {('bosatt', 'prosent'): 'settled-share-of-decided',
             ('bosatt', 'promille'): 'settled-per-1000',
             ('vedtak', 'prosent'): 'decided-share-of-requested'}
    with open(fixture, newline='', encoding='utf-8') as f:
        for row in csv.DictReader(f, delimiter=';'):
            if row['kommune_nr'] == 'NULL':
                continue
            key = row['bosetting'] if row['enhet'] == 'personer' else SHARE[(row['bosetting'], row['enhet'])]
            expected[(row['kommune_nr'].zfill(4), int(row['aar']), ATTR.get(key, key))] = figure(row['tabellvariabel'])
elif name == 'imdi-dotted-ids.csv':
    with open(fixture, newline='', encoding='utf-8') as f:
        for row in csv.DictReader(f, delimiter=';'):
            for col, text in row.items():
                if col.startswith('bosetting.'):
                    key = col.split('.', 1)[1]
                    expected[(row['kommune_nr'].zfill(4), int(row['aar']),
                              ATTR.get(key, 'settled-share-of-decided'))] = figure(text)
elif name.startswith('names-'):
    # Municipalities by name only: the numbers each name has in its year were
    # taken from SSB's number crosswalk by make_fixtures.py (names-expected.csv).
    with open(os.path.join(os.path.dirname(fixture), 'names-expected.csv'), newline='') as f:
        for row in csv.DictReader(f):
            expected[(row['municipality'], int(row['year']), row['field'])] = figure(row['value'])
elif name.startswith('ssb-') or name.startswith('folketall-'):
    # SSB statbank exports. SSB's symbols: '..' not available, '...' not yet
    # available, '.' not applicable (no figure), ':' confidential
    # (suppressed), '-' nil (0). Region labels: "0301 Oslo", "K-0301 Oslo"
    # (municipality), "01 Østfold", "F-01 Østfold" (county), "EAK Hele
    # landet", "0 Hele landet" (the whole country, 0000).
    def ssb_figure(v):
        if isinstance(v, (int, float)):
            return float(v)
        t = (v or '').strip()
        if t in ('', '.', '..', '...'):
            return None
        if t == ':':
            return 'suppressed'
        if t == '-':
            return 0.0
        return float(t.replace(' ', '').replace(',', '.'))

    def ssb_area(label):
        t = re.sub(r'\s*\([-0-9 ]+\)$', '', label.strip())
        if re.match(r'(EAK|0)( |$)', t) or t in ('Hele landet', 'Heile landet'):
            return '0000'
        m = re.match(r'(?:K-)?(\d{4})( |$)', t)
        if m:
            return m[1]
        if re.match(r'(?:F-)?\d{2}( |$)', t):
            return 'county'
        return None

    if name.endswith('.xlsx'):
        import openpyxl
        rows = [[c.value for c in r] for r in openpyxl.load_workbook(fixture).worksheets[0].iter_rows()]
    else:
        raw = open(fixture, 'rb').read()
        try:
            text = raw.decode('utf-8-sig')
        except UnicodeDecodeError:
            text = raw.decode('latin-1')
        lines = text.splitlines()
        header_at = next(i for i, l in enumerate(lines) if l.lstrip('"').lower().startswith('region'))
        delimiter = ';' if lines[header_at].count(';') >= lines[header_at].count(',') else ','
        rows = list(csv.reader(lines[header_at:], delimiter=delimiter))
    header_at = next(i for i, r in enumerate(rows) if r and str(r[0] or '').lower() == 'region')
    header = [str(h or '') for h in rows[header_at]]
    year_col = next((i for i, h in enumerate(header) if h.lower() in ('år', 'tid')), None)
    var_col = next((i for i, h in enumerate(header) if h.lower() == 'statistikkvariabel'), None)
    population = ('Personer', 'Folkemengde', 'Befolkning')
    counties = 0
    for r in rows[header_at + 1:]:
        if not r or not r[0]:
            continue
        area = ssb_area(str(r[0]))
        if area == 'county':
            counties += 1
            continue
        if area is None:
            continue
        if year_col is not None:
            if var_col is None or r[var_col] in population:
                expected[(area, int(r[year_col]), 'population')] = ssb_figure(r[-1])
        else:
            for col in range(1, len(header)):
                m = re.fullmatch(r'(Personer|Folkemengde|Befolkning) (\d{4})', header[col])
                if m:
                    expected[(area, int(m[2]), 'population')] = ssb_figure(r[col])
    if len(sys.argv) > 3 and sys.argv[3] == 'county-rows':
        print('county rows', counties)
        sys.exit(0)
    # Municipality.population is the latest year's figure.
    latest = {}
    for (area, year, _), v in expected.items():
        if area != '0000' and isinstance(v, float) and year > latest.get(area, (0, None))[0]:
            latest[area] = (year, v)
    for area, (year, v) in latest.items():
        expected[(area, 0, 'municipality-population')] = v
elif name.endswith('.xlsx'):
    import openpyxl
    ws = openpyxl.load_workbook(fixture).worksheets[0]
    for r in ws.iter_rows(min_row=2):
        number, year = str(r[0].value).zfill(4), int(r[2].value)
        for cell, field in zip(r[3:6], ('requested', 'decided', 'settled')):
            expected[(number, year, field)] = figure(cell.value)
        share = r[6]
        v = figure(share.value)
        if v is not None and '%' in share.number_format:
            v *= 100
        expected[(number, year, 'settled-share-of-decided')] = v
else:
    sys.exit('no reader for ' + name)

actual = {}
for e in ET.parse(kdx_xml).getroot().iter():
    tag = e.tag.split('}')[-1]
    if tag == 'figures':
        for field in ('requested', 'decided', 'settled'):
            actual[(e.get('municipality'), int(e.get('year')), field)] = e.get(field)
    elif tag == 'outcome' and not e.get('programme'):
        actual[(e.get('municipality'), int(e.get('year')), e.get('indicator'))] = e.get('value')
    elif tag == 'municipality' and e.get('population') is not None:
        actual[(e.get('number'), 0, 'municipality-population')] = e.get('population')

# An optional third argument keeps only counts, only the counts that have a
# figure (no '.' cells), or only shares.
if len(sys.argv) > 3:
    counts = sys.argv[3] in ('counts', 'numbers')
    expected = {k: v for k, v in expected.items()
                if (k[2] in ('requested', 'decided', 'settled')) == counts
                and (v is not None or sys.argv[3] != 'numbers')}
for key, want in sorted(expected.items()):
    got = actual.get(key)
    if want == 'suppressed':
        if got != ':':
            print('%s %d %s: expected suppressed (:), kdx has %r' % (key + (got,)))
    elif want is None:
        if got is not None:
            print('%s %d %s: expected no figure, kdx has %r' % (key + (got,)))
    elif got in (None, ':') or abs(float(got) - want) > 1e-6 * max(1, abs(want)):
        print('%s %d %s: expected %s, kdx has %r' % (key + (repr(want), got)))
print('checked', len(expected))
