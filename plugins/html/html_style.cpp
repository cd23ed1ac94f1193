#include "html_style.hpp"

namespace kdx::html {

// Kept small and readable: a user who saves the page can change it.
const char* stylesheet() {
    return R"css(
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #ffffff; color: #1a1a1f;
  font: 1rem/1.5 "DejaVu Sans", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 50rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
h1, h2, h3, h4 { color: #17344f; line-height: 1.25; overflow-wrap: break-word; hyphens: auto; }
h1 { font-size: 1.9rem; margin: 0 0 .3rem; }
h2 { font-size: 1.4rem; margin: 2rem 0 .5rem; }
h3 { font-size: 1.15rem; margin: 1.6rem 0 .4rem; }
h4 { font-size: 1rem; margin: 1.3rem 0 .3rem; color: #1a1a1f; }
p { margin: 0 0 .8rem; }
.subtitle { font-size: 1.2rem; color: #5c616b; margin: 0; }
.byline { font-size: .875rem; color: #5c616b; margin: .8rem 0 1.6rem;
  padding-bottom: .6rem; border-bottom: 2px solid #17344f; }
.key-figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
  gap: .75rem; margin: 1rem 0 1.6rem; }
.key-figures div { background: #edf2f7; border-top: 3px solid #17344f; padding: .6rem .8rem; }
.key-figures dt { font-size: .875rem; color: #5c616b; }
.key-figures dd { margin: 0; }
.key-figures .figure { font-size: 1.6rem; font-weight: 700; color: #17344f;
  font-variant-numeric: tabular-nums; }
.key-figures .change { font-size: .8rem; color: #5c616b; }
.table-wrap { overflow-x: auto; margin: 1rem 0 .4rem; }
.table-wrap:focus-visible { outline: 3px solid #17344f; outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; font-size: .875rem;
  font-variant-numeric: tabular-nums; }
caption { caption-side: top; text-align: left; font-weight: 700; padding-bottom: .4rem; }
th, td { padding: .3rem .55rem; text-align: left; vertical-align: top;
  border-bottom: 1px solid #d1d4d9; }
thead th, thead td { background: #e6ebf2; border-bottom: 2px solid #17344f;
  vertical-align: bottom; }
tbody th { font-weight: 400; }
.num { text-align: right; white-space: nowrap; }
tfoot th, tfoot td { font-weight: 700; background: #f0f0f2; border-top: 2px solid #1a1a1f; }
.table-note { font-size: .8rem; font-style: italic; color: #5c616b; margin: 0 0 .3rem; }
.table-wrap + .table-note, .table-note:last-of-type { margin-bottom: 1.4rem; }
figure { margin: 1.2rem 0 1.6rem; }
figcaption { font-weight: 700; margin-bottom: .4rem; }
.chart > svg { display: block; width: 100%; max-width: 40rem; height: auto; }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: .2rem 1.2rem;
  margin: .3rem 0 .6rem; padding: 0; font-size: .8rem; }
.legend svg { vertical-align: -2px; margin-right: .35rem; }
.chart-data summary { color: #17344f; font-size: .875rem; text-decoration: underline; cursor: pointer; }
.chart-data summary:focus-visible { outline: 3px solid #17344f; outline-offset: 2px; }
.doc-notes { margin-top: 2.5rem; padding-top: .8rem; border-top: 1px solid #5c616b;
  font-size: .85rem; color: #5c616b; }
.doc-notes h2 { font-size: 1rem; margin: 0 0 .5rem; color: #1a1a1f; }
@media (max-width: 30rem) {
  main { padding: 1.25rem .75rem 2rem; }
  h1 { font-size: 1.5rem; }
  .key-figures .figure { font-size: 1.35rem; }
}
@media print {
  @page { size: A4; margin: 20mm 18mm 18mm; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  .page-break { break-before: page; }
  h1, h2, h3, h4, caption, figcaption { break-after: avoid; }
  figure, .key-figures div, tr { break-inside: avoid; }
  thead { display: table-header-group; }
  .table-wrap { overflow: visible; }
  .chart-data { display: none; }
}
)css";
}

}  // namespace kdx::html
