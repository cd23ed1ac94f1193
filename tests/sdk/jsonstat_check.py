#!/usr/bin/python3
"""Independent checks of the JSON-stat kdx writes (the built-in jsonstat format),
for scripts/test-sdk and the jsonstat plugin's tests.

  jsonstat_check.py make-sample OUT.sample
      writes a small dataset in the tests' "kdx-sample" JSON format
  jsonstat_check.py readback BACK.sample REFERENCE.sample
      checks that the dataset read back from kdx's JSON-stat (converted to the
      sample format) has the reference's settlement figures and outcomes
      (those of no programme: JSON-stat has no programme dimension)
  jsonstat_check.py check OUT.jsonstat REFERENCE.sample [--indicators all|settlement]
      checks that OUT.jsonstat is a well-formed JSON-stat 2.0 dataset and
      that its figures are those of REFERENCE.sample (missing -> null without
      status, suppressed -> null with status ":", numbers equal)

Uses only the standard library; exits 1 with one line per problem.
"""
import json
import math
import re
import sys

SETTLEMENT = {"requested": "requested", "decided": "decided", "settled": "settled",
              "unaccompanied-minors": "minors", "family-reunifications": "reunifications"}


def make_sample(path):
    def m(number, name, county_number, county, region, language, population=None, other=()):
        return {"number": number, "name": name, "county_number": county_number,
                "county_name": county, "region": region, "language": language,
                "population": population, "other_names": list(other), "valid_from": 0,
                "valid_to": 0}

    def s(number, year, requested, decided, settled, minors=None, reunifications=None):
        return {"municipality": number, "year": year, "requested": requested,
                "decided": decided, "settled": settled, "minors": minors,
                "reunifications": reunifications}

    def o(number, indicator, year, value, unit, programme=""):
        return {"municipality": number, "programme": programme, "indicator": indicator,
                "year": year, "value": value, "unit": unit, "cohort": None, "source": "SSB"}

    data = {
        "format": "kdx-sample",
        "info": {"title": "Bosetting i tre kommuner", "description": "", "language": "nb",
                 "provenance": ["IMDi", "SSB"]},
        "municipalities": [
            m("5004", "Steinkjer", "50", "Trøndelag", "Midt-Norge", "nb", 21900),
            m("0417", "Stange", "04", "Hedmark", "Indre Østland", "nb", 20700),
            m("1940", "Kåfjord", "19", "Troms - Romsa", "Nord", "neutral", None,
              ["Gáivuotna", "Kaivuono"]),
        ],
        "settlement": [
            s("5004", 2017, 60, 60, 58, 4, ":"),
            s("5004", 2018, 30, 30, 0, None, 2),
            s("0417", 2017, 35, None, ":", 0),
            s("0417", 2018, 20, 20, 18, 3, 5),
            s("1940", 2018, 5, 0, None),
        ],
        "outcomes": [
            o("5004", "work-or-education-1y", 2017, 61.5, "percent"),
            o("0417", "work-or-education-1y", 2017, ":", "percent"),
            o("1940", "settled-per-1000", 2018, 0, "per-mille"),
        ],
    }
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False)


def categories(dimension):
    """Category ids in index order; index may be an object or an array."""
    index = dimension["category"].get("index")
    if index is None:
        labels = dimension["category"]["label"]
        if len(labels) != 1:
            raise ValueError("a category without index must have exactly one label")
        return list(labels)
    if isinstance(index, list):
        return index
    ids = sorted(index, key=index.get)
    if sorted(index.values()) != list(range(len(index))):
        raise ValueError("category index positions are not 0..n-1: %r" % index)
    return ids


def check_structure(js, problems):
    for key, want in (("version", "2.0"), ("class", "dataset")):
        if js.get(key) != want:
            problems.append("%s is %r, expected %r" % (key, js.get(key), want))
    for key in ("label", "source", "updated"):
        if not isinstance(js.get(key), str) or not js.get(key):
            problems.append("%s missing or empty" % key)
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?)?",
                        js.get("updated", "")):
        problems.append("updated is not ISO 8601: %r" % js.get("updated"))
    ids, size = js.get("id", []), js.get("size", [])
    if ids != ["Region", "Tid", "ContentsCode"]:
        problems.append("id is %r" % ids)
    if len(size) != len(ids) or not all(isinstance(n, int) and n > 0 for n in size):
        problems.append("size %r does not match id %r" % (size, ids))
        return None
    cats = {}
    for dim_id, n in zip(ids, size):
        dim = js.get("dimension", {}).get(dim_id)
        if dim is None:
            problems.append("no dimension %s" % dim_id)
            continue
        cats[dim_id] = categories(dim)
        if len(cats[dim_id]) != n:
            problems.append("dimension %s has %d categories, size says %d"
                            % (dim_id, len(cats[dim_id]), n))
        extra = set(dim["category"].get("label", {})) - set(cats[dim_id])
        if extra:
            problems.append("dimension %s labels unknown categories %s" % (dim_id, extra))
    if set(js.get("dimension", {})) != set(ids):
        problems.append("dimensions %s differ from id" % sorted(js.get("dimension", {})))
    role = js.get("role", {})
    for r, want in (("geo", ["Region"]), ("time", ["Tid"]), ("metric", ["ContentsCode"])):
        if role.get(r) != want:
            problems.append("role.%s is %r, expected %r" % (r, role.get(r), want))
    unit = js["dimension"]["ContentsCode"]["category"].get("unit", {})
    if set(unit) != set(cats.get("ContentsCode", [])):
        problems.append("metric units %s do not cover the indicators" % sorted(unit))
    if len(js.get("value", [])) != math.prod(size):
        problems.append("value has %d entries, the product of size is %d"
                        % (len(js.get("value", [])), math.prod(size)))
    return cats


def expected_cells(ref, indicators):
    """(municipality, year, indicator) -> number, None (missing) or ':'."""
    cells = {}
    names = ["requested", "decided", "settled"]
    if indicators == "all":
        names += [i for i in ("unaccompanied-minors", "family-reunifications")
                  if any(s.get(SETTLEMENT[i]) is not None for s in ref.get("settlement", []))]
    for s in ref.get("settlement", []):
        for name in names:
            cells.setdefault((s["municipality"], str(s["year"]), name), s[SETTLEMENT[name]])
    if indicators == "all":
        for o in ref.get("outcomes", []):
            cells.setdefault((o["municipality"], str(o["year"]), o["indicator"]), o["value"])
    return cells


def check(path, ref_path, indicators):
    with open(path, encoding="utf-8") as f:
        js = json.load(f)
    with open(ref_path, encoding="utf-8") as f:
        ref = json.load(f)
    problems = []
    cats = check_structure(js, problems)
    if cats is None or problems:
        return problems
    values, status = js["value"], js.get("status", {})
    if isinstance(status, list):
        status = {str(i): s for i, s in enumerate(status) if s}
    elif isinstance(status, str):
        status = {str(i): status for i in range(len(values))}
    # SSB's code for the whole country is EAK; kdx's municipality number 0000.
    m_ids = ["0000" if m == "EAK" else m for m in cats["Region"]]
    y_ids, i_ids = cats["Tid"], cats["ContentsCode"]
    labels = js["dimension"]["Region"]["category"]["label"]
    for mun in ref.get("municipalities", []):
        if labels.get(mun["number"]) != mun["name"]:
            problems.append("municipality %s is labelled %r, expected %r"
                            % (mun["number"], labels.get(mun["number"]), mun["name"]))

    cells = expected_cells(ref, indicators)
    wanted_indicators = sorted({c[2] for c in cells})
    if sorted(i_ids) != wanted_indicators:
        problems.append("indicators %s, expected %s" % (sorted(i_ids), wanted_indicators))
        return problems
    for mi, mun in enumerate(m_ids):
        for yi, year in enumerate(y_ids):
            for ii, ind in enumerate(i_ids):
                pos = (mi * len(y_ids) + yi) * len(i_ids) + ii
                want = cells.get((mun, year, ind))
                got, st = values[pos], status.get(str(pos))
                where = "%s %s %s (value[%d])" % (mun, year, ind, pos)
                if want == ":":
                    if got is not None or st != ":":
                        problems.append("%s: suppressed in the source, got %r status %r"
                                        % (where, got, st))
                elif want is None:
                    if got is not None or st is not None:
                        problems.append("%s: missing in the source, got %r status %r"
                                        % (where, got, st))
                elif got is None or st is not None or abs(got - want) > 1e-9 * max(1, abs(want)):
                    problems.append("%s: %r in the source, got %r status %r"
                                    % (where, want, got, st))
    bad_status = [k for k in status if not k.isdigit() or int(k) >= len(values)]
    if bad_status:
        problems.append("status keys out of range: %s" % bad_status)
    return problems


def readback(back_path, ref_path):
    with open(back_path, encoding="utf-8") as f:
        back = json.load(f)
    with open(ref_path, encoding="utf-8") as f:
        ref = json.load(f)
    problems = []
    got = {(s["municipality"], s["year"]): s for s in back.get("settlement", [])}
    for s in ref.get("settlement", []):
        b = got.get((s["municipality"], s["year"]))
        if b is None:
            problems.append("settlement %s %s not read back" % (s["municipality"], s["year"]))
            continue
        for name in ("requested", "decided", "settled"):
            if b[name] != s[name]:
                problems.append("settlement %s %s %s: %r, read back %r"
                                % (s["municipality"], s["year"], name, s[name], b[name]))
    outcomes = {(o["municipality"], o["indicator"], o["year"]): o["value"]
                for o in back.get("outcomes", [])}
    for o in ref.get("outcomes", []):
        key = (o["municipality"], o["indicator"], o["year"])
        if o.get("programme") or o["value"] is None:
            continue
        if key not in outcomes:
            problems.append("outcome %s %s %s not read back" % key)
        elif outcomes[key] != o["value"]:
            problems.append("outcome %s %s %s: %r, read back %r" % (key + (o["value"], outcomes[key])))
    return problems


def main(argv):
    if len(argv) == 4 and argv[1] == "readback":
        problems = readback(argv[2], argv[3])
        for p in problems[:20]:
            print("jsonstat_check: %s: %s" % (argv[2], p))
        return 1 if problems else 0
    if len(argv) == 3 and argv[1] == "make-sample":
        make_sample(argv[2])
        return 0
    if len(argv) in (4, 6) and argv[1] == "check":
        indicators = argv[5] if len(argv) == 6 and argv[4] == "--indicators" else "all"
        problems = check(argv[2], argv[3], indicators)
        for p in problems[:20]:
            print("jsonstat_check: %s: %s" % (argv[2], p))
        if problems:
            return 1
        print("jsonstat_check: %s: valid JSON-stat 2.0, figures equal to %s (indicators=%s)"
              % (argv[2], argv[3], indicators))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
