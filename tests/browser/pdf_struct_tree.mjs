// The structure tree of a tagged PDF as pdf.js (what Firefox reads to screen
// readers) returns it through page.getStructTree(). Prints, in reading order,
// one line per run of an element's own content: "ROLE<TAB>its text", with the
// text of its marked content from getTextContent({includeMarkedContent}); a
// paragraph with a Span inside reads "P", "Span", "P".
// Also prints "ALT<TAB>text" for each Figure and "LANG<TAB>tag<TAB>text" for
// each element with a language of its own (/Lang), and exits 1 listing problems:
// marked content on a page that belongs to no element (and is no artifact),
// a Figure without alternative text, a Table without a header cell.
//   node pdf_struct_tree.mjs FILE.pdf
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const file = process.argv[2];
const doc = await getDocument({ url: file, disableFontFace: true, isEvalSupported: false }).promise;
const problems = [];
const lines = [];

for (let n = 1; n <= doc.numPages; n++) {
  const page = await doc.getPage(n);
  // The text of each marked-content id on the page.
  const text = new Map();
  const open = [];
  const content = await page.getTextContent({ includeMarkedContent: true });
  for (const item of content.items) {
    if (item.type === "beginMarkedContentProps" || item.type === "beginMarkedContent") {
      open.push(item);
      if (item.id) text.set(item.id, "");
    } else if (item.type === "endMarkedContent") {
      open.pop();
    } else if (typeof item.str === "string") {
      const owner = [...open].reverse().find((o) => o.id);
      if (owner) text.set(owner.id, text.get(owner.id) + item.str);
    }
  }
  const inTree = new Set();
  const walk = (node) => {
    const kids = node.children || [];
    const own = kids.filter((k) => k.type === "content");
    if (node.role === "Figure") {
      if (!node.alt) problems.push(`page ${n}: a Figure without alternative text`);
      else lines.push(`ALT\t${node.alt}`);
    }
    if (node.role === "Table") {
      const hasHeader = (t) => t.role === "TH" || (t.children || []).some(hasHeader);
      if (!hasHeader(node)) problems.push(`page ${n}: a Table without a TH cell`);
    }
    for (const k of own) inTree.add(k.id);
    if (node.lang) lines.push(`LANG\t${node.lang}\t${own.map((k) => text.get(k.id) ?? "").join("")}`);
    // Content and child elements in the order of the kids: "P: text, Span,
    // P: more text" for a paragraph with a word in another language.
    let run = [];
    const flush = () => {
      if (run.length) lines.push(`${node.role}\t${run.join("")}`);
      run = [];
    };
    for (const k of kids) {
      if (k.type === "content") run.push(text.get(k.id) ?? "");
      else {
        flush();
        walk(k);
      }
    }
    flush();
  };
  const tree = await page.getStructTree();
  if (!tree) problems.push(`page ${n}: no structure tree`);
  else walk(tree);
  for (const id of text.keys())
    if (!inTree.has(id)) problems.push(`page ${n}: marked content ${id} belongs to no element`);
}

console.log(lines.join("\n"));
if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
