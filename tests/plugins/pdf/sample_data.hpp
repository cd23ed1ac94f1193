// A small dataset in the shape of IMDi's 2018 nominee profiles, the shipped
// templates built over it, and the texts a reader must find in the PDF.
#pragma once

#include <string>
#include <vector>

#include "kdx/document.hpp"
#include "kdx/model.hpp"

namespace kdx::test::pdf {

// Steinkjer (5004) and Snåsa in Trøndelag, Stange in Innlandet; figures
// 2012–2018 (a few made small, to be suppressed), programmes, outcomes and
// two 2018 nominations with text in bokmål and Sámi names.
Dataset sample_dataset();

// The document a shipped template gives for the sample: "imdi-dossier" and
// "council-report" for Steinkjer 2014, "county-overview" for Trøndelag 2014,
// "imdi-comparison" for the 2018 nominees.
Document shipped_document(const std::string& template_id, const std::string& language = "");

// Every heading, paragraph, key figure, table caption, header and cell, chart
// title, legend and category, and note, in document order.
std::vector<std::string> expected_texts(const Document& document);

// A table of `rows` municipalities with a total row, long enough to span pages.
Table long_table(std::size_t rows);

}  // namespace kdx::test::pdf
