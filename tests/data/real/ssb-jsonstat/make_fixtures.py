#!/usr/bin/python3
"""Writes the made JSON-stat fixtures beside it (run by hand, not by the build).

made-collection.json: a JSON-stat 2.0 collection of two datasets in the shape
SSB's API answers (table 07459), for what the real answer lacks:
  link.item[0]: Region with a bare number ("3001"), a K- code ("K-3002"), a
    county ("F-30") and the country ("EAK"); two contents, Personer1 and one
    kdx does not know (Levendefodte); years 2021 and 2022; "value" and
    "status" as sparse objects, with SSB's ":" and ".." on null values.
    The 2022 populations of Halden and Moss are those of the real answer
    (07459-municipalities-2022.json); the county figure is their sum; the
    country's is SSB's 5,425,270 for 1 January 2022; the rest is made up.
  link.item[1]: Oslo by sex (Kjonn 1, 2 and the total 0 "Begge kjønn"):
    only the total is read.
"""
import json
import os

here = os.path.dirname(os.path.abspath(__file__))
real = json.load(open(os.path.join(here, "07459-municipalities-2022.json"), encoding="utf-8"))
reg = real["dimension"]["Region"]["category"]
halden = real["value"][reg["index"]["K-3001"]]
moss = real["value"][reg["index"]["K-3002"]]
oslo = real["value"][reg["index"]["K-0301"]]


def dim(label, codes):
    return {"label": label,
            "category": {"index": {c: i for i, (c, _) in enumerate(codes)},
                         "label": {c: l for c, l in codes}}}


regions = [("3001", "Halden"), ("K-3002", "Moss"), ("F-30", "Viken"), ("EAK", "Landet")]
contents = [("Personer1", "Personer"), ("Levendefodte", "Levendefødte")]
years = [("2021", "2021"), ("2022", "2022")]
# flat index = (region * 2 + content) * 2 + year
cells = {}
status = {}
def put(r, c, y, v, s=None):
    i = (r * 2 + c) * 2 + y
    cells[str(i)] = v
    if s:
        status[str(i)] = s
put(0, 0, 0, None, ":")        # Halden 2021 population suppressed
put(0, 0, 1, halden)
put(1, 0, 0, None, "..")       # Moss 2021 population not available
put(1, 0, 1, moss)
put(2, 0, 1, halden + moss)    # Viken 2022 = its municipalities here
put(3, 0, 1, 5425270)
put(0, 1, 1, 300)
put(1, 1, 1, 500)

first = {
    "version": "2.0", "class": "dataset",
    "label": "07459: Befolkning, etter region, statistikkvariabel og år",
    "source": "Statistisk sentralbyrå",
    "id": ["Region", "ContentsCode", "Tid"], "size": [4, 2, 2],
    "dimension": {"Region": dim("region", regions),
                  "ContentsCode": dim("statistikkvariabel", contents),
                  "Tid": dim("år", years)},
    "value": cells, "status": status,
    "role": {"time": ["Tid"], "metric": ["ContentsCode"], "geo": ["Region"]},
}
second = {
    "version": "2.0", "class": "dataset",
    "label": "07459: Befolkning, etter region, kjønn, statistikkvariabel og år",
    "id": ["Region", "Kjonn", "ContentsCode", "Tid"], "size": [1, 3, 1, 1],
    "dimension": {"Region": dim("region", [("0301", "Oslo")]),
                  "Kjonn": dim("kjønn", [("1", "Menn"), ("2", "Kvinner"), ("0", "Begge kjønn")]),
                  "ContentsCode": dim("statistikkvariabel", [("Personer1", "Personer")]),
                  "Tid": dim("år", [("2022", "2022")])},
    "value": [348514, 351313, oslo],
    "role": {"time": ["Tid"], "metric": ["ContentsCode"], "geo": ["Region"]},
}
collection = {"version": "2.0", "class": "collection", "label": "07459, two answers",
              "link": {"item": [first, second]}}
with open(os.path.join(here, "made-collection.json"), "w", encoding="utf-8") as f:
    json.dump(collection, f, ensure_ascii=False, indent=1)
    f.write("\n")
