#!/usr/bin/env python3
"""Reads an HTML page with Python's own parser (html.parser) and prints what a
test needs to know about it as JSON: language, title, metadata, headings,
landmarks, tables, charts, key figures, notes, the text of every element
with a lang of its own, and any element that was not
closed as opened. Independent of kdx: the tests compare kdx's Document with
what this parser finds in the page kdx wrote."""
import json
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "source", "track", "wbr"}
# Elements the SVG drawing may close itself (<rect/>, <path/> ...).
SVG_SELF_CLOSING = {"rect", "path", "line", "circle", "polyline", "polygon"}


class Outline(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.errors = []
        self.out = {"lang": None, "title": "", "meta": {}, "headings": [], "main": 0,
                    "scripts": 0, "external": [], "tables": [], "charts": [],
                    "key_figures": [], "paragraphs": [], "notes": [], "page_breaks": 0,
                    "styles": 0, "ids": [], "lang_parts": []}
        self.lang_open = []  # [tag, [lang, text]] of elements inside the page with a lang
        self.text_target = None  # a list to collect text into, with its key
        self.table = None
        self.row = None
        self.cell = None
        self.section = None
        self.chart = None
        self.in_svg_text = None
        self.dl = None
        self.paragraph = None

    def where(self, name):
        return any(tag == name for tag, _ in self.stack)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.out["ids"].append(a["id"])
        for key in ("src", "href", "xlink:href", "action", "data"):
            if key in a and not (a[key] or "").startswith(("#", "data:")):
                self.out["external"].append(f"{tag} {key}={a[key]}")
        if tag not in VOID and not (tag in SVG_SELF_CLOSING and self.where("svg")):
            self.stack.append((tag, a))
        if "lang" in a and tag != "html":
            part = [a["lang"], ""]
            self.out["lang_parts"].append(part)
            self.lang_open.append([tag, part])
        if tag == "html":
            self.out["lang"] = a.get("lang")
        elif tag == "meta" and "name" in a:
            self.out["meta"][a["name"]] = a.get("content")
        elif tag == "meta" and "charset" in a:
            self.out["meta"]["charset"] = a["charset"]
        elif tag == "script":
            self.out["scripts"] += 1
        elif tag == "style":
            self.out["styles"] += 1
        elif tag == "main":
            self.out["main"] += 1
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.out["headings"].append([int(tag[1]), ""])
        elif tag == "table":
            self.table = {"id": a.get("id"), "caption": "", "describedby": a.get("aria-describedby"),
                          "head": [], "body": [], "foot": [], "in_details": self.where("details")}
            self.out["tables"].append(self.table)
        elif tag in ("thead", "tbody", "tfoot") and self.table is not None:
            self.section = {"thead": "head", "tbody": "body", "tfoot": "foot"}[tag]
        elif tag == "tr" and self.table is not None:
            self.row = []
            self.table[self.section or "body"].append(self.row)
        elif tag in ("th", "td") and self.row is not None:
            self.cell = {"tag": tag, "scope": a.get("scope"), "class": a.get("class"), "text": ""}
            self.row.append(self.cell)
        elif tag == "svg" and a.get("role") == "img":
            self.chart = {"labelledby": a.get("aria-labelledby"), "describedby": a.get("aria-describedby"),
                          "title": "", "desc": "", "texts": [], "title_id": None, "desc_id": None}
            self.out["charts"].append(self.chart)
        elif tag in ("title", "desc") and self.chart is not None:
            self.chart[tag + "_id"] = a.get("id")
        elif tag == "dl":
            self.dl = []
            self.out["key_figures"].append(self.dl)
        elif tag in ("dt", "dd") and self.dl is not None:
            self.dl.append([tag + ("." + a["class"] if "class" in a else ""), ""])
        elif tag == "p" and not self.where("section"):
            self.paragraph = [a.get("class"), ""]
            self.out["paragraphs"].append(self.paragraph)
        elif tag == "p" and self.where("section"):
            self.out["notes"].append("")
        elif tag == "div" and "page-break" in (a.get("class") or ""):
            self.out["page_breaks"] += 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self.lang_open and self.lang_open[-1][0] == tag:
            self.lang_open.pop()
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1][0] if self.stack else 'nothing'}>")
            # Recover as a browser would: close up to the matching element.
            names = [t for t, _ in self.stack]
            if tag in names:
                while self.stack[-1][0] != tag:
                    self.stack.pop()
                self.stack.pop()
            return
        self.stack.pop()
        if tag == "table":
            self.table = None
            self.section = None
        elif tag in ("thead", "tbody", "tfoot"):
            self.section = None
        elif tag == "tr":
            self.row = None
        elif tag in ("th", "td"):
            self.cell = None
        elif tag == "svg" and self.chart is not None and not self.where("svg"):
            self.chart = None
        elif tag == "dl":
            self.dl = None
        elif tag == "p":
            self.paragraph = None

    def handle_data(self, data):
        for _, part in self.lang_open:
            part[1] += data
        if not self.stack:
            return
        tag = self.stack[-1][0]
        if tag == "title" and self.chart is None:
            self.out["title"] += data
        if self.where("h1") or self.where("h2") or self.where("h3") or self.where("h4") \
                or self.where("h5") or self.where("h6"):
            self.out["headings"][-1][1] += data
        if self.table is not None and self.where("caption"):
            self.table["caption"] += data
        if self.cell is not None:
            self.cell["text"] += data
        if self.chart is not None:
            if tag in ("title", "desc"):
                self.chart[tag] += data
            elif tag == "text":
                self.chart["texts"].append(data)
        if self.dl is not None and self.dl and tag in ("dt", "dd"):
            self.dl[-1][1] += data
        if self.paragraph is not None:
            self.paragraph[1] += data
        elif self.where("section") and self.where("p"):
            self.out["notes"][-1] += data


def main():
    with open(sys.argv[1], encoding="utf-8", errors="strict") as f:
        text = f.read()
    parser = Outline()
    parser.feed(text)
    parser.close()
    out = parser.out
    out["unclosed"] = [t for t, _ in parser.stack]
    out["errors"] = parser.errors
    out["doctype"] = text.startswith("<!DOCTYPE html>")
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
