// Statistical disclosure control for public reports, and the notes that
// explain the symbols a report shows. Counts of people below the threshold
// are hidden (":"), and SSB's secondary suppression hides one more cell
// wherever a total would otherwise give a hidden one away. Notes are made
// from what is placed in the report only: a figure computed but not shown
// (last year's, for a change) adds no note.
#pragma once

#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "kdx/model.hpp"
#include "report/report_template.hpp"
#include "report/selection.hpp"

namespace kdx::report {

// How the report uses a figure.
enum class Use {
    computed,  // only to compute something else (a change from last year)
    in_words,  // said in a sentence ("ikkje publisert" rather than ":")
    shown,     // placed as a number or symbol: a table cell, a key figure, a chart value
};

class Disclosure {
  public:
    // A settlement cell: municipality number, year, field.
    using Cell = std::tuple<std::string, int, std::string>;

    // Plans the secondary suppression for the totals the template shows over
    // `selection` (per year over the municipalities; per municipality over the
    // years when the template shows a "-total"). Nothing is hidden in a
    // report that is not public.
    Disclosure(const ReportTemplate& report_template, const Dataset& dataset,
               const Selection& selection, int threshold);

    // The figure of `field` ("settled", "settled-total", "settled-share-of-
    // requested") for the sum of `municipalities` in `year`, as the report
    // may show it, recording what its use calls for in the notes.
    Value figure(const std::string& field, const std::vector<const Municipality*>& municipalities,
                 int year, Use use);
    // An outcome's value as the report may show it, recorded as shown.
    Value outcome(const Outcome& outcome);
    // A value placed as it is (the country's figures): recorded as shown.
    void shown(const Value& value);

    // Cells hidden only so that a hidden cell cannot be worked out from a total.
    const std::set<Cell>& secondary() const { return secondary_; }
    // Whether `field`'s counts are person statistics (the indicator says so).
    bool counts_people(const std::string& field) const;

    // The notes the placed figures call for, in `language`: how many were
    // hidden and why (or that the source did not publish some), what ".."
    // means, and that totals cover the municipalities that reported.
    std::vector<std::string> notes(const std::string& language) const;

  private:
    Value figure_of(const Municipality& m, const std::string& field, int year) const;
    Value hidden_if_small(const Value& v, bool people) const;
    void plan_secondary(const ReportTemplate& report_template);
    void record(const Value& v, Use use);

    bool public_;
    const Dataset& d_;
    const Selection& s_;
    int threshold_;
    std::set<Cell> secondary_;
    std::set<Cell> primary_shown_, secondary_shown_;  // hidden cells the reader sees
    std::size_t outcomes_hidden_ = 0;
    bool suppressed_shown_ = false;
    bool missing_shown_ = false;
    bool partial_total_shown_ = false;
};

// Counts of people that a public report shows as ":": 1 to threshold - 1.
bool needs_suppression(const Value& count, int threshold);

// A field of `figures` as the source gives it, nothing hidden
// ("settled-share-of-requested" computed); missing when `figures` is null.
Value source_figure(const SettlementFigures* figures, const std::string& field);

// "settled-total" → "settled".
std::string base_of(const std::string& field);

}  // namespace kdx::report
