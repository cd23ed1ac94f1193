#!/usr/bin/python3
"""The benchmark's peer for kdx's XML reports: the council report for each
given municipality, computed from the generated JSON dataset
(../pdf/generate_dataset.py) the way an analyst would script it, and written
with xml.etree in the kdx-report-1 shape (schemas/kdx-report-1.xsd). The
blocks follow templates/council-report.xml for bokmål and nynorsk, with
counts of 1-4 settled people (and the shares that would reveal them) and
outcomes of cohorts under 5 shown as ":".

usage: etree_reports.py DATA_JSON OUT_DIR NUMBER...
"""
import json
import os
import sys
import time
import xml.etree.ElementTree as ET

NS = "urn:kdx:report:1"
YEAR, FIRST_YEAR, THRESHOLD, TARGET = 2024, 2022, 5, 70.0
NBSP = "\u00a0"

WORDS = {  # nb, nn
    "title": ("Bosetting og integrering i {m} {y}", "Busetjing og integrering i {m} {y}"),
    "paragraph": ("I {y} anmodet IMDi kommunen om å bosette {requested} flyktninger. Kommunestyret "
                  "vedtok å bosette {decided}, og {settled} ble bosatt.",
                  "I {y} oppmoda IMDi kommunen om å busetje {requested} flyktningar. Kommunestyret "
                  "vedtok å busetje {decided}, og {settled} vart busette."),
    "year": ("År", "År"), "requested": ("Anmodning", "Oppmoding"), "decided": ("Vedtak", "Vedtak"),
    "settled": ("Bosatt", "Busett"),
    "share": ("Bosatt i prosent av anmodning", "Busett i prosent av oppmoding"),
    "persons": ("Personer", "Personar"),
    "settlement-caption": ("Anmodning, vedtak og bosetting per år",
                           "Oppmoding, vedtak og busetjing per år"),
    "programmes": ("Tiltak", "Tiltak"),
    "programmes-caption": ("Tiltak og samarbeidspartnere", "Tiltak og samarbeidspartnarar"),
    "kind": ("Type", "Type"), "partners": ("Samarbeidspartnere", "Samarbeidspartnarar"),
    "outcomes": ("Resultater", "Resultat"), "indicator": ("Indikator", "Indikator"),
    "value": ("Verdi", "Verdi"), "national": ("Hele landet", "Heile landet"),
    "target": ("Nasjonalt mål", "Nasjonalt mål"),
    "work-or-education-1y": ("I arbeid eller utdanning ett år etter introduksjonsprogram",
                             "I arbeid eller utdanning eitt år etter introduksjonsprogram"),
    "introduction-programme": ("Introduksjonsprogram", "Introduksjonsprogram"),
    "norwegian-training": ("Norskopplæring", "Norskopplæring"),
    "vocational-course": ("Yrkeskurs", "Yrkeskurs"),
    "parent-guidance": ("Foreldreveiledning", "Foreldrerettleiing"),
    "suppressed-note": ("«:» betyr at tallet er skjult fordi det gjelder færre enn 5 personer; "
                        "andeler og summer som ville avsløre det, er også skjult.",
                        "«:» tyder at talet er skjult fordi det gjeld færre enn 5 personar; "
                        "delar og summar som ville avsløre det, er òg skjulte."),
    "missing-note": ("«..» betyr at tallet mangler (for vedtak: ikke registrert vedtak, som ikke "
                     "er det samme som 0).",
                     "«..» tyder at talet manglar (for vedtak: ikkje registrert vedtak, som ikkje "
                     "er det same som 0)."),
}

SUPPRESSED = ":"  # figures are floats, None (missing) or this


class Report:
    def __init__(self, m, national):
        self.m, self.national = m, national
        self.lang = 1 if m["language"] == "nn" else 0
        self.suppressed = self.missing = False
        self.years = {f["year"]: f for f in m["figures"]}

    def word(self, key):
        return WORDS[key][self.lang]

    def noted(self, v):
        self.suppressed |= v == SUPPRESSED
        self.missing |= v is None
        return v

    def figure(self, field, year):
        if field == "share":
            part, whole = self.figure("settled", year), self.figure("requested", year)
            if SUPPRESSED in (part, whole):
                return SUPPRESSED
            return None if part is None or whole in (None, 0) else 100.0 * part / whole
        v = self.years.get(year, {}).get(field)
        v = None if v is None else float(v)
        # Requests and decisions are public; settled counts are about people.
        small = field == "settled" and v is not None and 0 < v < THRESHOLD
        return self.noted(SUPPRESSED if small else v)

    def text(self, v, percent=False):
        if v == SUPPRESSED:
            return ":"
        if v is None:
            return ".."
        digits = f"{abs(v):.{1 if percent else 0}f}"
        whole, _, fraction = digits.partition(".")
        groups = [whole[max(0, i - 3):i] for i in range(len(whole), 0, -3)][::-1]
        out = NBSP.join(groups) + ("," + fraction if fraction else "")
        sign = "-" if v < 0 and out.strip("0,\u00a0") else ""
        return sign + out + (NBSP + "%" if percent else "")

    @staticmethod
    def raw(v):
        if v == SUPPRESSED:
            return ":"
        return str(int(v)) if v == int(v) else repr(v)

    def cell(self, row, v, percent=False):
        c = ET.SubElement(row, "cell")
        c.text = self.text(v, percent)
        if v is not None:
            c.set("value", self.raw(v))

    def build(self):
        m, y = self.m, YEAR
        title = self.word("title").format(m=m["name"], y=y)
        root = ET.Element("report", {"xmlns": NS, "version": "1"})
        info = ET.SubElement(root, "info", {"language": ("nb", "nn")[self.lang],
                                            "template": "council-report",
                                            "generator": "etree_reports.py"})
        if "SOURCE_DATE_EPOCH" in os.environ:
            info.set("date", time.strftime("%Y-%m-%d", time.gmtime(int(os.environ["SOURCE_DATE_EPOCH"]))))
        for tag, text in (("title", title), ("subtitle", "Orientering til kommunestyret"),
                          ("author", "kdx"), ("subject", title), ("keyword", "bosetting"),
                          ("keyword", "kommunestyre"), ("source", "data.json")):
            ET.SubElement(info, tag).text = text
        blocks = ET.SubElement(root, "blocks")

        values = {f: self.text(self.figure(f, y)) for f in ("requested", "decided", "settled")}
        ET.SubElement(ET.SubElement(blocks, "paragraph"), "run").text = \
            self.word("paragraph").format(y=y, **values)

        figures = ET.SubElement(blocks, "key-figures")
        for field in ("requested", "decided", "settled", "share"):
            percent = field == "share"
            v, before = self.figure(field, y), self.figure(field, y - 1)
            f = ET.SubElement(figures, "figure", {"unit": "percent" if percent else "persons"})
            if v is not None:
                f.set("value", self.raw(v))
            if isinstance(v, float) and isinstance(before, float):
                f.set("change", self.raw(v - before))
            ET.SubElement(f, "label").text = "%s %d" % (self.word(field), y)
            ET.SubElement(f, "text").text = self.text(v, percent)

        table = ET.SubElement(blocks, "table")
        ET.SubElement(table, "caption").text = self.word("settlement-caption")
        for field, kind in (("year", "year"), ("requested", "count"), ("decided", "count"),
                            ("settled", "count"), ("share", "percent")):
            ET.SubElement(table, "column", {"type": kind}).text = self.word(field)
        for year in range(FIRST_YEAR, y + 1):
            row = ET.SubElement(table, "row")
            c = ET.SubElement(row, "cell", {"value": str(year)})
            c.text = str(year)
            for field in ("requested", "decided", "settled", "share"):
                self.cell(row, self.figure(field, year), field == "share")

        chart = ET.SubElement(blocks, "chart", {"kind": "bar", "unit": "persons"})
        ET.SubElement(chart, "title").text = self.word("settlement-caption")
        ET.SubElement(chart, "x-title").text = self.word("year")
        ET.SubElement(chart, "y-title").text = self.word("persons")
        for year in range(FIRST_YEAR, y + 1):
            ET.SubElement(chart, "category").text = str(year)
        for field in ("requested", "decided", "settled"):
            series = ET.SubElement(chart, "series")
            ET.SubElement(series, "name").text = self.word(field)
            for year in range(FIRST_YEAR, y + 1):
                v = self.figure(field, year)
                ET.SubElement(series, "point", {} if v is None else {"value": self.raw(v)})

        ET.SubElement(blocks, "heading", {"level": "1"}).text = self.word("programmes")
        table = ET.SubElement(blocks, "table")
        ET.SubElement(table, "caption").text = self.word("programmes-caption")
        for field in ("programmes", "kind", "partners", "year"):
            ET.SubElement(table, "column", {"type": "text"}).text = self.word(field)
        for p in m["programmes"]:
            row = ET.SubElement(table, "row")
            lo, hi = min(p["years"]), max(p["years"])
            for text in (p["name"], self.word(p["kind"]), ", ".join(p["partners"]),
                         str(lo) if lo == hi else f"{lo}–{hi}"):
                ET.SubElement(row, "cell").text = text

        ET.SubElement(blocks, "heading", {"level": "1"}).text = self.word("outcomes")
        table = ET.SubElement(blocks, "table")
        ET.SubElement(table, "caption").text = self.word("outcomes")
        for field, kind in (("indicator", "text"), ("year", "year"), ("value", "number"),
                            ("national", "number"), ("target", "number")):
            ET.SubElement(table, "column", {"type": kind}).text = self.word(field)
        for o in m["outcomes"]:
            if not FIRST_YEAR <= o["year"] <= y:
                continue
            row = ET.SubElement(table, "row")
            ET.SubElement(row, "cell").text = self.word("work-or-education-1y")
            c = ET.SubElement(row, "cell", {"value": str(o["year"])})
            c.text = str(o["year"])
            v = self.noted(SUPPRESSED if o["cohort"] < THRESHOLD else float(o["value"]))
            self.cell(row, v, True)
            national = self.national.get(o["year"])
            if national is None:
                ET.SubElement(row, "cell")
            else:
                self.cell(row, float(national), True)
            self.cell(row, TARGET, True)

        if self.suppressed:
            ET.SubElement(root, "note").text = self.word("suppressed-note")
        if self.missing:
            ET.SubElement(root, "note").text = self.word("missing-note")
        return root


def main():
    data_file, out_dir, numbers = sys.argv[1], sys.argv[2], sys.argv[3:]
    with open(data_file, encoding="utf-8") as f:
        data = json.load(f)
    national = {o["year"]: o["value"] for o in data["national_outcomes"]}
    by_number = {m["number"]: m for m in data["municipalities"]}
    for number in numbers:
        root = Report(by_number[number], national).build()
        ET.indent(root, space="  ")
        tree = ET.ElementTree(root)
        tree.write(os.path.join(out_dir, f"council-report-{number}-{YEAR}.xml"),
                   encoding="UTF-8", xml_declaration=True)


if __name__ == "__main__":
    main()
