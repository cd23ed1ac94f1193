#!/usr/bin/python3
"""Derives municipality-numbers-2020-2024.csv from the 2020 column of
municipality-numbers-2013-2020.csv and municipalities-2024.csv.

The rule (docs/municipality-numbers.md explains it):
- a 2020 number that is also a 2024 number is the same municipality
  (its name may have changed);
- any other 2020 number became the 2024 number whose name equals the 2020
  name without a county qualifier such as "(Viken)", in a county that the
  2020 county was split into (30 -> 31/32/33, 38 -> 39/40, 54 -> 55/56);
- Ålesund 1507 was split: Haram 1580 got back the area of Haram 1534 (2019),
  and the rest became Ålesund 1508 (written in the parts column);
- every 2024 number must be reached exactly once, or the script fails.

Run from anywhere: /usr/bin/python3 data/registry/derive_2020_2024.py
With --check it writes nothing and exits 1 if the file differs from the rule.
"""
import csv
import io
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
COUNTY_SPLITS = {"30": {"31", "32", "33"}, "38": {"39", "40"}, "54": {"55", "56"}}
# 2020 number -> [(2024 number, the 2019 numbers whose area it got)]
SPLITS = {"1507": [("1508", "1504 1523 1529 1546"), ("1580", "1534")]}


def plain(name):
    return re.sub(r"\s*\([^)]*\)$", "", name)


def main():
    with open(HERE / "municipality-numbers-2013-2020.csv", encoding="utf-8") as f:
        crosswalk = list(csv.DictReader(f, delimiter=";"))
    with open(HERE / "municipalities-2024.csv", encoding="utf-8") as f:
        list_2024 = {r["kommunenummer"]: r["kommunenavn"] for r in csv.DictReader(f)}

    names_2020 = {}
    for r in crosswalk:
        if r["kommunenummer_2020"] != "9999":
            names_2020[r["kommunenummer_2020"]] = r["kommunenavn_2020"]

    rows = []
    for number, name in sorted(names_2020.items()):
        if number in SPLITS:
            for to, parts in SPLITS[number]:
                rows.append((number, name, to, list_2024[to], "splittet fra 2020 til 2024", parts))
        elif number in list_2024:
            to_name = list_2024[number]
            note = "uendret" if to_name == name else "kun endret navn"
            rows.append((number, name, number, to_name, note + " fra 2020 til 2024", ""))
        else:
            counties = COUNTY_SPLITS.get(number[:2], {number[:2]})
            found = [n for n, nm in list_2024.items()
                     if n not in names_2020 and n[:2] in counties and nm == plain(name)]
            if len(found) != 1:
                sys.exit(f"{number} {name}: {len(found)} candidates in 2024: {found}")
            rows.append((number, name, found[0], list_2024[found[0]],
                         "kun endret nummer fra 2020 til 2024", ""))

    reached = sorted(r[2] for r in rows)
    if reached != sorted(list_2024):
        sys.exit("the 2024 numbers are not each reached once")

    text = io.StringIO()
    out = csv.writer(text, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\n")
    out.writerow(["kommunenummer_2020", "kommunenavn_2020", "kommunenummer_2024",
                  "kommunenavn_2024", "endringsmerknad_20_24", "deler_2019"])
    out.writerows(rows)
    target = HERE / "municipality-numbers-2020-2024.csv"
    if "--check" in sys.argv[1:]:
        if target.read_text(encoding="utf-8") != text.getvalue():
            sys.exit(f"{target.name} does not follow the rule; rerun {pathlib.Path(__file__).name}")
        return
    target.write_text(text.getvalue(), encoding="utf-8")


if __name__ == "__main__":
    main()
