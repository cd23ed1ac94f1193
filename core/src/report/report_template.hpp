// Report templates: XML files (schemas/kdx-report-template-1.xsd) that select
// data and lay out blocks with labels in bokmål, nynorsk and English.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "kdx/document.hpp"

namespace kdx::report {

// A text in several languages; may refer to fields as {settled}.
struct LocalText {
    std::map<std::string, std::string> by_language;  // "nb", "nn", "en"
    unsigned line = 0;

    bool empty() const noexcept { return by_language.empty(); }
    // The text in `language`, else bokmål, else any.
    const std::string& get(const std::string& language) const;
};

struct TemplateBlock {
    enum class Kind {
        heading,
        paragraph,
        nomination_summary,
        nomination_sections,
        key_figures,
        settlement_chart,
        settlement_table,
        programmes_table,
        outcomes_table,
        municipalities_table,
        municipalities_chart,
        page_break
    };
    Kind kind = Kind::paragraph;
    unsigned line = 0;
    int level = 1;                    // heading level
    LocalText text;                   // heading or paragraph text; table caption
    std::vector<std::string> fields;  // key figures to show
    Chart::Kind chart = Chart::Kind::bar;
    std::string field = "settled";                        // municipalities-chart: which figure
    bool totals = false;                                  // municipalities-table: add a total row
    std::vector<std::pair<std::string, double>> targets;  // outcomes-table: indicator -> target
};

// Which of the dataset's data sources a report cites, and how much of each.
struct SourceChoice {
    bool show = true;                     // false: no source line at all
    std::vector<std::string> publishers;  // empty: every publisher
    bool licence = false;                 // add "lisens NLOD"
    bool link = false;                    // add the link
};

struct ReportTemplate {
    enum class Scope { municipality, county, nominees, all };
    std::string id;
    std::filesystem::path file;
    Scope scope = Scope::municipality;
    int years = 1;                // how many years up to the report year
    std::string language = "nb";  // default language
    bool language_from_municipality = false;
    bool public_report = true;  // apply disclosure control
    LocalText title, subtitle, subject, author;
    // (language, word); a keyword without a language is every language's.
    std::vector<std::pair<std::string, std::string>> keywords;
    SourceChoice sources;
    std::vector<TemplateBlock> blocks;
};

// Reads and checks a template. Throws kdx::Error with "file:line" and what was
// expected for malformed XML, unknown elements or attributes, bad values and
// unknown {fields}.
ReportTemplate read_template(const std::filesystem::path& file);

// The fields a text may refer to, e.g. "settled", "municipality".
const std::vector<std::string>& template_fields();

}  // namespace kdx::report
