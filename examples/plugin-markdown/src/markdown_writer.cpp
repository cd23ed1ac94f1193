#include "markdown_writer.hpp"

#include <kdx/atomic_file.hpp>
#include <kdx/error.hpp>
#include <kdx/options.hpp>

#include "markdown_blocks.hpp"

namespace markdown {

namespace {

// The options as the user gave them, the declared defaults for the others;
// kdx::OptionReader throws kdx::OptionError naming a bad value or name.
Style style_of(const std::vector<kdx::OptionInfo>& declared, const kdx::Options& options) {
    kdx::OptionReader read(declared, options);
    Style style;
    style.heading_offset = static_cast<int>(read.integer("heading-offset"));
    style.chart_tables = read.choice("charts") == "table";
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
        style = style_of(info().write_options, options);
    } catch (const kdx::OptionError& e) {
        throw kdx::OptionError(e.message(), kdx::Location::at(output.string()));
    }
    std::string text = render(document, style);
    kdx::AtomicFile file(output);
    file.stream() << text;
    file.commit();
}

}  // namespace markdown
