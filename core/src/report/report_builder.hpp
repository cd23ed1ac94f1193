// Turns a report template and a Dataset into a Document, applying
// statistical disclosure control for public reports.
#pragma once

#include <string>
#include <vector>

#include "kdx/diagnostics.hpp"
#include "kdx/document.hpp"
#include "kdx/model.hpp"
#include "report/report_template.hpp"

namespace kdx::report {

struct ReportRequest {
    std::string municipality;  // number, for templates of scope municipality
    std::string county;        // two-digit number, for scope county
    int year = 0;              // 0: the latest year with figures (or nominations)
    int up_to_year = 0;        // with year 0: the latest year with figures up to this one
    int prize_year = 0;        // the nominations to report on; 0: those of `year`
    std::string language;      // "nb", "nn", "en"; empty: the template's choice
    int threshold = 5;         // counts of people below this are shown as ":"
    std::string date;          // ISO date for the document's metadata
    std::vector<std::string> data_files;  // the files read; never printed in the document
    std::string publisher;  // the report's author; empty: the template's, then the dataset's
};

// Builds the document. Throws kdx::Error when the selection finds nothing
// (an unknown municipality, a county without municipalities, a year without
// nominees); adds warnings for blocks that have no data.
Document build_report(const ReportTemplate& report_template, const Dataset& dataset,
                      const ReportRequest& request, Diagnostics& diagnostics);

}  // namespace kdx::report
