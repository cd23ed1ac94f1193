// What a report is about: the municipalities a template's scope and the
// request select, the years, and the language it is written in.
#pragma once

#include <string>
#include <vector>

#include "kdx/model.hpp"
#include "report/report_builder.hpp"
#include "report/report_template.hpp"

namespace kdx::report {

struct Selection {
    std::vector<const Municipality*> municipalities;  // in Norwegian order of name
    const Municipality* subject = nullptr;            // when the selection is one municipality
    std::string county_name;                          // for scope county
    std::vector<std::string> winners;  // names of the prize's winners (scope nominees)
    int nomination_year = 0;           // the nominations reported on; 0: none
    int year = 0;                      // the year reported on
    int first_year = 0;                // the first year of the template's span of years
    std::string language;              // "nb", "nn" or "en"

    bool contains(const std::string& number) const;
};

// The selection for `request`. Throws kdx::Error naming what is missing: an
// unknown municipality, a county without municipalities, a year without
// figures (with the years there are), a municipality not nominated that year
// (with that year's nominees).
Selection select(const ReportTemplate& report_template, const Dataset& dataset,
                 const ReportRequest& request);

}  // namespace kdx::report
