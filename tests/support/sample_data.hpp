// Builders for the small hand-made datasets of the tests, and the Document a
// shipped template makes of such a dataset. Each test keeps its own figures
// (its assertions name them); the records are built here, the same way for all.
#pragma once

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "kdx/document.hpp"
#include "kdx/model.hpp"
#include "report/report_builder.hpp"
#include "test_support.hpp"

namespace kdx::test {

inline Municipality municipality(std::string number, std::string name, std::string county_number,
                                 std::string county_name,
                                 LanguageForm language = LanguageForm::bokmal) {
    Municipality m;
    m.number = std::move(number);
    m.name = std::move(name);
    m.county_number = std::move(county_number);
    m.county_name = std::move(county_name);
    m.language = language;
    return m;
}

// Voss (nynorsk), Bergen and Askøy (bokmål) in Vestland.
inline std::vector<Municipality> vestland_municipalities() {
    return {municipality("4621", "Voss", "46", "Vestland", LanguageForm::nynorsk),
            municipality("4601", "Bergen", "46", "Vestland"),
            municipality("4627", "Askøy", "46", "Vestland")};
}

// One year of a municipality's settlement: requested, decided, settled.
struct YearFigures {
    int year = 0;
    Value requested, decided, settled;
};

// Appends the settlement figures of `municipality`, a record a year, in the given order.
inline void add_figures(Dataset& dataset, const std::string& municipality,
                        std::initializer_list<YearFigures> years) {
    for (const YearFigures& y : years) {
        SettlementFigures s;
        s.municipality = municipality;
        s.year = y.year;
        s.requested = y.requested;
        s.decided = y.decided;
        s.settled = y.settled;
        dataset.settlement.push_back(s);
    }
}

// IMDi's "work-or-education-1y" for a municipality ("0000": the whole country).
inline Outcome outcome(const std::string& municipality, int year, Value value, Value cohort_size,
                       Unit unit = Unit::percent) {
    Outcome o;
    o.municipality = municipality;
    o.indicator = "work-or-education-1y";
    o.year = year;
    o.value = value;
    o.unit = unit;
    o.cohort_size = cohort_size;
    o.source = "IMDi";
    return o;
}

inline Programme programme(std::string id, std::string municipality, ProgrammeKind kind,
                           std::string name, std::vector<std::string> partners,
                           std::vector<int> years) {
    Programme p;
    p.id = std::move(id);
    p.municipality = std::move(municipality);
    p.kind = kind;
    p.name = std::move(name);
    p.partners = std::move(partners);
    p.years = std::move(years);
    return p;
}

// A nomination for the Bosettings- og inkluderingsprisen of `year`.
inline Nomination nomination(std::string municipality, int year, std::string summary,
                             std::vector<Section> sections, std::string last_updated = "") {
    Nomination n;
    n.prize = "bosettings-og-inkluderingsprisen";
    n.year = year;
    n.municipality = std::move(municipality);
    n.summary = std::move(summary);
    n.sections = std::move(sections);
    n.last_updated = std::move(last_updated);
    return n;
}

// templates/<id>.xml of the source tree.
inline report::ReportTemplate shipped_template(const std::string& template_id) {
    return report::read_template(source_dir() / "templates" / (template_id + ".xml"));
}

// What a sample report is made for: "imdi-dossier" and "council-report" for
// `municipality` and "county-overview" for `county`, in `year`;
// "imdi-comparison" for the nominees of `nomination_year`.
struct SampleRequest {
    std::string municipality;
    std::string county;
    int year = 0;
    int nomination_year = 0;
    std::string date;       // the report's date, ISO
    std::string data_file;  // the data file the report names as its source
    std::string language;   // "": the template's choice
};

// The Document the shipped template `template_id` gives for `dataset`; fails
// the test if the report engine reports an error.
inline Document shipped_document(const std::string& template_id, const Dataset& dataset,
                                 const SampleRequest& sample) {
    report::ReportRequest r;
    r.language = sample.language;
    r.date = sample.date;
    r.data_files = {sample.data_file};
    if (template_id == "imdi-dossier" || template_id == "council-report") {
        r.municipality = sample.municipality;
        r.year = sample.year;
        // A dossier reports on a nomination: the figures' year may be earlier.
        if (template_id == "imdi-dossier") r.prize_year = sample.nomination_year;
    } else if (template_id == "county-overview") {
        r.county = sample.county;
        r.year = sample.year;
    } else {
        r.year = sample.nomination_year;
    }
    Diagnostics diagnostics;
    Document doc = report::build_report(shipped_template(template_id), dataset, r, diagnostics);
    EXPECT_FALSE(diagnostics.has_errors());
    return doc;
}

}  // namespace kdx::test
