#include "html_format.hpp"

#include <cstdlib>
#include <ctime>

#include "html_page.hpp"
#include "kdx/atomic_file.hpp"
#include "kdx/document.hpp"
#include "kdx/error.hpp"
#include "kdx/options.hpp"
#include "kdx/source_date.hpp"

namespace kdx::html {

namespace {

PageOptions page_options(const Options& options, const std::vector<OptionInfo>& declared) {
    OptionReader read(declared, options);
    PageOptions page;
    const std::string& table = read.choice("chart-table");
    page.chart_table = table == "open"   ? ChartTable::open
                       : table == "none" ? ChartTable::none
                                         : ChartTable::collapsed;
    return page;
}

// The day SOURCE_DATE_EPOCH names, for a Document without a date; "" when it
// is not set (the page then carries no date rather than today's).
std::string epoch_date(Diagnostics& diagnostics) {
    std::string bad;
    const std::optional<std::time_t> epoch = source_date_epoch(bad);
    if (!epoch) {
        if (!bad.empty())
            diagnostics.warning("html: SOURCE_DATE_EPOCH is \"" + bad +
                                "\", not a number of seconds; the page carries no date");
        return "";
    }
    const std::time_t when = *epoch;
    std::tm tm{};
    gmtime_r(&when, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &tm);
    return buffer;
}

}  // namespace

FormatInfo HtmlFormat::info() const {
    FormatInfo i;
    i.name = "html";
    i.long_name = "HTML report (accessible, self-contained)";
    i.extensions = {"html", "htm"};
    i.capabilities = can_write_document | can_write_in_parallel;
    i.write_options = {
        {"chart-table",
         OptionInfo::Type::choice,
         "collapsed",
         {"collapsed", "open", "none"},
         "Each chart's figures as a table under it: in a closed disclosure, open, or left out"},
    };
    return i;
}

void HtmlFormat::write_document(const Document& document, const std::filesystem::path& output,
                                const Options& options, Diagnostics& diagnostics) {
    PageOptions page = page_options(options, info().write_options);
    Diagnostics local;
    if (document.info.date.empty()) page.date = epoch_date(local);
    HtmlText text(local, output.string());
    const std::string html = page_html(document, page, text);
    AtomicFile file(output);
    file.stream() << html;
    file.commit();
    diagnostics.append(local);
}

}  // namespace kdx::html
