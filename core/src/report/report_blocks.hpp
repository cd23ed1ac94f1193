// Each kind of template block made into document parts: headings and
// paragraphs, a nomination's text, key figures, the settlement chart and
// table, programmes, outcomes, and the municipalities' table and chart.
#pragma once

#include <vector>

#include "kdx/diagnostics.hpp"
#include "kdx/document.hpp"
#include "kdx/model.hpp"
#include "report/disclosure.hpp"
#include "report/report_template.hpp"
#include "report/selection.hpp"
#include "report/template_text.hpp"

namespace kdx::report {

// What the blocks of one report are made from.
struct BlockSource {
    const ReportTemplate& report_template;
    const Dataset& dataset;
    const Selection& selection;
    Disclosure& disclosure;    // every figure placed goes through it
    TemplateText& text;        // fills the block's own texts (captions, titles)
    Diagnostics& diagnostics;  // the blocks left out for want of data
};

// Appends what `block` becomes to `blocks`: nothing, one part or several
// (a nomination's sections are headings and paragraphs).
void add_block(const TemplateBlock& block, const BlockSource& source, std::vector<Block>& blocks);

}  // namespace kdx::report
