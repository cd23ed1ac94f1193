#include "markdown_writer.hpp"

#include <kdx/atomic_file.hpp>
#include <kdx/error.hpp>

#include "markdown_blocks.hpp"

namespace markdown {

namespace {

std::string option(const kdx::Options& options, const std::string& name, std::string fallback) {
    auto it = options.find(name);
    return it == options.end() ? fallback : it->second;
}

// The options as the user gave them; a bad value throws kdx::Error naming the option.
Style style_of(const kdx::Options& options) {
    Style style;
    std::string offset = option(options, "heading-offset", "0");
    if (offset.size() != 1 || offset[0] < '0' || offset[0] > '3')
        throw kdx::Error("markdown option heading-offset: expected 0, 1, 2 or 3, found \"" +
                         offset + "\"");
    style.heading_offset = offset[0] - '0';
    std::string charts = option(options, "charts", "table");
    if (charts != "table" && charts != "title")
        throw kdx::Error("markdown option charts: expected table or title, found \"" + charts +
                         "\"");
    style.chart_tables = charts == "table";
    return style;
}

}  // namespace

kdx::FormatInfo MarkdownFormat::info() const {
    using Type = kdx::OptionInfo::Type;
    kdx::FormatInfo i;
    i.name = "markdown";
    i.long_name = "Markdown report (CommonMark with pipe tables)";
    i.extensions = {"md", "markdown"};
    i.capabilities = kdx::can_write_document;
    i.write_options = {
        {"heading-offset",
         Type::choice,
         "0",
         {"0", "1", "2", "3"},
         "Levels added to every heading, to paste the report under a page's own headings"},
        {"charts",
         Type::choice,
         "table",
         {"table", "title"},
         "table: a chart as the table of its figures (Markdown has no charts); title: its title "
         "only"},
    };
    return i;
}

void MarkdownFormat::write_document(const kdx::Document& document,
                                    const std::filesystem::path& output,
                                    const kdx::Options& options, kdx::Diagnostics&) {
    Style style;
    try {
        style = style_of(options);
    } catch (const kdx::Error& e) {
        throw kdx::Error(e.message(), kdx::Location::at(output.string()));
    }
    std::string text = render(document, style);
    kdx::AtomicFile file(output);
    file.stream() << text;
    file.commit();
}

}  // namespace markdown
