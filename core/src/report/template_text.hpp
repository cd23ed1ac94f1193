// The text a template's fields become for a report's selection, year and
// language: "{settled}" in "og {settled} vart busette" is the figure in
// words, "{municipality}" the subject's name; "*text*" marks emphasis. Also
// the report's publisher and the notes on figures of merged municipalities.
#pragma once

#include <string>
#include <vector>

#include "kdx/document.hpp"
#include "kdx/model.hpp"
#include "report/disclosure.hpp"
#include "report/report_builder.hpp"
#include "report/report_template.hpp"
#include "report/selection.hpp"

namespace kdx::report {

// The unit of a figure field: percent for "settled-share-of-requested",
// persons for the counts.
Unit unit_of(const std::string& field);

// `text` as a paragraph; "*text*" marks emphasis.
Paragraph paragraph_of(const std::string& text);

// "Voss", "Voss og Granvin", "Voss, Bergen og Askøy"; "and" in English.
std::string join(const std::vector<std::string>& names, const std::string& language);

// "2018", "2019", …: the years from `first_year` to `year`.
std::vector<std::string> years_text(int first_year, int year);

class TemplateText {
  public:
    // Figures come through `disclosure`, which records them as said in words.
    // Of the request, only the county and the threshold are read.
    TemplateText(const Selection& selection, const ReportRequest& request, Disclosure& disclosure);

    const std::string& language() const { return s_.language; }

    // The text of `field` ("municipality", "year", "settled", …; see
    // template_fields()). A figure that is missing or may not be shown is
    // said in words ("eit ikkje publisert tal"), never ":" or "..".
    std::string field(const std::string& field);
    // `text` with each "{field}" replaced by its text.
    std::string fill(const std::string& text);
    // A template's text in the report's language, filled.
    std::string fill(const LocalText& text) { return fill(text.get(language())); }

  private:
    const Selection& s_;
    const ReportRequest& r_;
    Disclosure& disclosure_;
};

// The organisation that publishes the report: --publisher, the template's
// author, the dataset's publisher, its first source's; kdx is only the producer.
std::string publisher(const ReportTemplate& report_template, const Dataset& dataset,
                      const ReportRequest& request, TemplateText& text);

// After harmonising, the subject's figures for years before its number came
// into use are sums of the municipalities it was made of; the notes tell the
// reader which ("Tala før 2020 er summen av Voss og Granvin"), and name a
// part of a divided municipality, whose figures are not in the sums. None
// when the selection has no single subject or its figures combine nothing.
std::vector<std::string> merged_figures_notes(const Selection& selection, const Dataset& dataset);

}  // namespace kdx::report
