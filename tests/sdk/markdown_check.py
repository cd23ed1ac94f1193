#!/usr/bin/python3
"""Checks the example Markdown plugin's report against the same report as XML.

  markdown_check.py REPORT.md REPORT.xml

The XML report (kdx's xml plugin, schemas/kdx-report-1.xsd) is read with
xml.etree; the Markdown with plain line handling (CommonMark's backslash
escapes undone). Every heading must be a Markdown heading one level below
the title, every table row a pipe-table row with the same cell texts, every
key figure's text and label a list item. Exits 1 with one line per problem.
"""
import re
import sys
import xml.etree.ElementTree as ET

def unescape(text):
    return re.sub(r"\\([\\`*_\[\]<>|#])", r"\1", text)


def table_cells(line):
    # Split on pipes not escaped with a backslash.
    parts = re.split(r"(?<!\\)\|", line.strip())[1:-1]
    return [unescape(p.strip()).removeprefix("**").removesuffix("**") for p in parts]


def main(md_path, xml_path):
    md = open(md_path, encoding="utf-8").read()
    lines = md.split("\n")
    root = ET.parse(xml_path).getroot()
    ns = root.tag[: root.tag.index("}") + 1] if root.tag.startswith("{") else ""
    problems = []
    title = root.find(".//%sinfo/%stitle" % (ns, ns))
    if title is not None and lines[0] != "# " + title.text.replace("*", "\\*"):
        if unescape(lines[0][2:]) != title.text:
            problems.append("first line %r is not the title %r" % (lines[0], title.text))
    headings = {(len(m.group(1)), unescape(m.group(2)))
                for m in (re.match(r"(#+) (.*)", l) for l in lines) if m}
    for h in root.iter(ns + "heading"):
        want = (int(h.get("level")) + 1, h.text or "")
        if want not in headings:
            problems.append("heading %r (level %s) is not a Markdown heading of level %d"
                            % (want[1], h.get("level"), want[0]))
    rows = [table_cells(l) for l in lines if l.startswith("|")]
    for row in root.iter(ns + "row"):
        want = [c.text or "" for c in row.findall(ns + "cell")]
        if want not in rows:
            problems.append("table row %r is not in the Markdown" % want)
    items = [unescape(l) for l in lines if l.startswith("- **")]
    for figure in root.iter(ns + "figure"):
        text = figure.find(ns + "text")
        label = figure.find(ns + "label")
        want = "- **%s** %s" % (text.text if text is not None else "",
                                label.text if label is not None else "")
        if not any(i.startswith(want) for i in items):
            problems.append("key figure %r is not a list item" % want)
    if not md.endswith("\n") or md.endswith("\n\n"):
        problems.append("the file does not end in exactly one newline")
    for p in problems[:20]:
        print("markdown_check: %s: %s" % (md_path, p))
    if not problems:
        print("markdown_check: %s: %d headings, %d table rows, %d key figures agree with %s"
              % (md_path, sum(1 for _ in root.iter(ns + "heading")),
                 sum(1 for _ in root.iter(ns + "row")), sum(1 for _ in root.iter(ns + "figure")),
                 xml_path))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
