#!/usr/bin/python3
"""The peer in the PDF benchmark: the two-page council report a municipality's
analyst would script with reportlab (title, text, key figures, the settlement
table and a bar chart, programmes and outcomes, "n av m" page numbers, DejaVu
Sans embedded as a subset), one file per municipality.

usage: reportlab_reports.py DATA.json OUT_DIR NUMBER...
"""
import json
import sys

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

FONTS = "/usr/share/fonts/truetype/dejavu/"
pdfmetrics.registerFont(TTFont("DejaVu", FONTS + "DejaVuSans.ttf"))
pdfmetrics.registerFont(TTFont("DejaVu-Bold", FONTS + "DejaVuSans-Bold.ttf"))

BODY = ParagraphStyle("body", fontName="DejaVu", fontSize=10, leading=14.5)
TITLE = ParagraphStyle("title", fontName="DejaVu-Bold", fontSize=22, leading=27,
                       textColor=colors.HexColor("#17344f"))
H1 = ParagraphStyle("h1", fontName="DejaVu-Bold", fontSize=15, leading=19, spaceBefore=12,
                    textColor=colors.HexColor("#17344f"))
CAPTION = ParagraphStyle("caption", fontName="DejaVu-Bold", fontSize=9.5, leading=13)
SMALL = ParagraphStyle("small", fontName="DejaVu", fontSize=8, leading=11, textColor=colors.grey)
TABLE_STYLE = TableStyle([
    ("FONT", (0, 0), (-1, -1), "DejaVu", 8.5),
    ("FONT", (0, 0), (-1, 0), "DejaVu-Bold", 8.5),
    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6ebf2")),
    ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.HexColor("#17344f")),
    ("LINEBELOW", (0, 1), (-1, -1), 0.3, colors.HexColor("#d1d4d9")),
    ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
])


def number(v):
    if v is None:
        return ".."
    if 0 < v < 5:
        return ":"
    return f"{v:,.0f}".replace(",", "\u00a0")


def share(part, whole):
    if part is None or whole in (None, 0) or 0 < part < 5:
        return ":" if part is not None and 0 < part < 5 else ".."
    return f"{100 * part / whole:.1f}".replace(".", ",") + "\u00a0%"


class NumberedCanvas(canvas.Canvas):
    """Two passes so that every page can say "n av m"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages = []

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        for state in self._pages:
            self.__dict__.update(state)
            self.setFont("DejaVu", 7.5)
            self.drawRightString(A4[0] - 22 * mm, 13 * mm, f"{self._pageNumber} av {len(self._pages)}")
            super().showPage()
        super().save()


def report(m, national, out_dir):
    nn = m["language"] == "nn"
    figures = {f["year"]: f for f in m["figures"]}
    f = figures[2024]
    story = [Paragraph(f"{'Busetjing' if nn else 'Bosetting'} og integrering i {m['name']} 2024", TITLE),
             Paragraph("Orientering til kommunestyret", BODY), Spacer(1, 12),
             Paragraph(f"I 2024 anmodet IMDi kommunen om å bosette {number(f['requested'])} flyktninger. "
                       f"Kommunestyret vedtok å bosette {number(f['decided'])}, og "
                       f"{number(f['settled'])} ble bosatt.", BODY), Spacer(1, 10)]
    boxes = [["Anmodning", "Vedtak", "Bosatt", "Bosatt i prosent av anmodning"],
             [number(f["requested"]), number(f["decided"]), number(f["settled"]),
              share(f["settled"], f["requested"])]]
    kf = Table(boxes, colWidths=[(A4[0] - 44 * mm) / 4] * 4)
    kf.setStyle(TableStyle([("FONT", (0, 0), (-1, 0), "DejaVu", 8),
                            ("FONT", (0, 1), (-1, 1), "DejaVu-Bold", 17),
                            ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#edf2f7")),
                            ("LINEABOVE", (0, 0), (-1, 0), 2.5, colors.HexColor("#17344f")),
                            ("TOPPADDING", (0, 1), (-1, 1), 8), ("BOTTOMPADDING", (0, 1), (-1, 1), 8)]))
    story += [kf, Spacer(1, 14), Paragraph("Anmodning, vedtak og bosetting per år", CAPTION)]
    rows = [["År", "Anmodning", "Vedtak", "Bosatt", "Bosatt i prosent av anmodning"]]
    for year in (2022, 2023, 2024):
        g = figures[year]
        rows.append([str(year), number(g["requested"]), number(g["decided"]), number(g["settled"]),
                     share(g["settled"], g["requested"])])
    table = Table(rows, repeatRows=1)
    table.setStyle(TABLE_STYLE)
    story += [table, Spacer(1, 14), Paragraph("Anmodning, vedtak og bosetting per år", CAPTION)]
    drawing = Drawing(A4[0] - 44 * mm, 190)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 35, 30, A4[0] - 44 * mm - 45, 145
    chart.data = [[figures[y][k] or 0 for y in (2022, 2023, 2024)] for k in ("requested", "decided", "settled")]
    chart.categoryAxis.categoryNames = ["2022", "2023", "2024"]
    chart.categoryAxis.labels.fontName = chart.valueAxis.labels.fontName = "DejaVu"
    for i, c in enumerate(("#17344f", "#d95f02", "#a7c7e7")):
        chart.bars[i].fillColor = colors.HexColor(c)
    chart.valueAxis.valueMin = 0
    drawing.add(chart)
    story += [drawing, PageBreak(), Paragraph("Tiltak", H1), Spacer(1, 6)]
    rows = [["Tiltak", "Type", "Samarbeidspartnere", "År"]]
    for p in m["programmes"]:
        rows.append([Paragraph(p["name"], BODY), p["kind"], ", ".join(p["partners"]),
                     f"{min(p['years'])}–{max(p['years'])}"])
    table = Table(rows, repeatRows=1, colWidths=[170, 100, 150, 60])
    table.setStyle(TABLE_STYLE)
    story += [table, Paragraph("Resultater", H1), Spacer(1, 6)]
    rows = [["Indikator", "År", "Verdi", "Hele landet", "Nasjonalt mål"]]
    for o in m["outcomes"]:
        nat = next(n["value"] for n in national if n["year"] == o["year"])
        value = ":" if o["cohort"] < 5 else f"{o['value']:.1f}".replace(".", ",") + "\u00a0%"
        rows.append(["I arbeid eller utdanning ett år etter introduksjonsprogram", str(o["year"]), value,
                     f"{nat:.1f}".replace(".", ",") + "\u00a0%", "70,0\u00a0%"])
    table = Table(rows, repeatRows=1)
    table.setStyle(TABLE_STYLE)
    story += [table, Spacer(1, 16),
              Paragraph("«:» betyr at tallet er skjult fordi det gjelder færre enn 5 personer.", SMALL)]
    path = f"{out_dir}/council-report-{m['number']}-2024.pdf"
    doc = SimpleDocTemplate(path, pagesize=A4, leftMargin=22 * mm, rightMargin=22 * mm,
                            topMargin=25 * mm, bottomMargin=23 * mm,
                            title=f"Bosetting og integrering i {m['name']} 2024", author="kdx benchmark")
    doc.build(story, canvasmaker=NumberedCanvas)


def main():
    data = json.load(open(sys.argv[1], encoding="utf-8"))
    wanted = set(sys.argv[3:])
    for m in data["municipalities"]:
        if m["number"] in wanted:
            report(m, data["national_outcomes"], sys.argv[2])


if __name__ == "__main__":
    main()
