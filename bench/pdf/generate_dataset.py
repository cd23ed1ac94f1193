#!/usr/bin/python3
"""Writes a GENERATED benchmark dataset: every municipality of 2024 (from
shared/data/municipalities-2024.csv) with settlement figures for 2022-2024,
a programme or two and an outcome. The figures are random (seeded), plausible
in size, and describe no real municipality.

usage: generate_dataset.py MUNICIPALITIES_CSV OUT_JSON [SEED]
"""
import csv
import json
import random
import sys

NYNORSK_SHARE = {"46": 0.75, "15": 0.45, "11": 0.15, "40": 0.2, "42": 0.1}
PROGRAMMES = [
    ("introduction-programme", "Introduksjonsprogram med arbeidsretta løp"),
    ("norwegian-training", "Norskopplæring for vaksne"),
    ("vocational-course", "Yrkeskurs i helse og omsorg"),
    ("parent-guidance", "Foreldrerettleiing i grupper"),
]
PARTNERS = ["NAV", "fylkeskommunen", "vidaregåande skule", "frivilligsentralen", "næringslivet"]


def main():
    source, target = sys.argv[1], sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 2024)
    with open(source, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    municipalities = []
    for row in rows:
        county = row["fylkesnummer"]
        nynorsk = rng.random() < NYNORSK_SHARE.get(county, 0.02)
        size = 400 if row["kommunenummer"] == "0301" else rng.lognormvariate(2.6, 0.9)
        figures = []
        for year in (2022, 2023, 2024):
            requested = max(0, round(size * rng.uniform(0.6, 1.5)))
            decided = round(requested * rng.uniform(0.7, 1.0))
            settled = round(decided * rng.uniform(0.75, 1.15))
            figures.append({"year": year, "requested": requested,
                            "decided": None if rng.random() < 0.03 else decided,
                            "settled": settled})
        programmes = []
        for kind, name in rng.sample(PROGRAMMES, rng.randint(1, 3)):
            programmes.append({"kind": kind, "name": name,
                               "partners": rng.sample(PARTNERS, 2), "years": [2022, 2024]})
        outcomes = [{"year": year, "value": round(rng.uniform(35, 85), 1),
                     "cohort": rng.randint(2, 60)} for year in (2023, 2024)]
        municipalities.append({
            "number": row["kommunenummer"], "name": row["kommunenavn"],
            "county_number": county, "county_name": row["fylkesnavn"],
            "language": "nn" if nynorsk else "nb",
            "figures": figures, "programmes": programmes, "outcomes": outcomes})
    national = [{"year": year, "value": round(rng.uniform(55, 65), 1)} for year in (2023, 2024)]
    with open(target, "w", encoding="utf-8") as f:
        json.dump({"generated": "random, seeded benchmark data; not real figures",
                   "national_outcomes": national, "municipalities": municipalities},
                  f, ensure_ascii=False, indent=0)


if __name__ == "__main__":
    main()
