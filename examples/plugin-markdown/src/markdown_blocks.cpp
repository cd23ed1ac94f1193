#include "markdown_blocks.hpp"

#include <algorithm>
#include <kdx/number_format.hpp>
#include <sstream>
#include <type_traits>

namespace markdown {

namespace {

std::string heading(int level, const std::string& text) {
    level = std::clamp(level, 1, 6);
    return std::string(static_cast<std::size_t>(level), '#') + " " + escape(text) + "\n\n";
}

// A table cell: one line, its pipes escaped.
std::string cell(const std::string& text) {
    std::string one_line = escape(text);
    std::replace(one_line.begin(), one_line.end(), '\n', ' ');
    return one_line;
}

bool numeric(kdx::TableColumn::Type type) { return type != kdx::TableColumn::Type::text; }

std::string table(const std::vector<std::string>& headers, const std::vector<bool>& right,
                  const std::vector<std::vector<std::string>>& rows) {
    std::ostringstream out;
    out << '|';
    for (const auto& h : headers) out << ' ' << cell(h) << " |";
    out << "\n|";
    for (std::size_t i = 0; i < headers.size(); ++i) out << (right[i] ? " ---: |" : " --- |");
    out << '\n';
    for (const auto& row : rows) {
        out << '|';
        for (std::size_t i = 0; i < headers.size(); ++i)
            out << ' ' << (i < row.size() ? cell(row[i]) : std::string()) << " |";
        out << '\n';
    }
    out << '\n';
    return out.str();
}

class Renderer {
  public:
    Renderer(const kdx::Document& d, const Style& s) : doc_(d), style_(s) {}

    std::string operator()(const kdx::Heading& h) const {
        return heading(h.level + 1 + style_.heading_offset, h.text);
    }

    std::string operator()(const kdx::Paragraph& p) const {
        std::string text;
        for (const kdx::TextRun& run : p.runs)
            text +=
                run.emphasis && !run.text.empty() ? "*" + escape(run.text) + "*" : escape(run.text);
        return text + "\n\n";
    }

    std::string operator()(const kdx::KeyFigures& k) const {
        std::string out;
        for (const kdx::KeyFigure& f : k.figures) {
            std::string value =
                f.text.empty() ? kdx::format_value(f.value, f.unit, language()) : f.text;
            out += "- **" + escape(value) + "** " + escape(f.label);
            std::string change = kdx::format_change(f.change, f.unit, language());
            if (!change.empty()) out += " (" + escape(change) + ")";
            out += '\n';
        }
        return out + '\n';
    }

    std::string operator()(const kdx::Table& t) const {
        std::string out;
        if (!t.caption.empty()) out += "**" + escape(t.caption) + "**\n\n";
        std::vector<std::string> headers;
        std::vector<bool> right;
        for (const auto& c : t.columns) {
            headers.push_back(c.header);
            right.push_back(numeric(c.type));
        }
        std::vector<std::vector<std::string>> rows;
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            std::vector<std::string> row;
            for (const kdx::TableCell& c : t.rows[r]) row.push_back(c.text);
            // Markdown has no table footer; the total row is set in bold.
            if (t.last_row_is_total && r + 1 == t.rows.size())
                for (auto& text : row)
                    if (!text.empty()) text = "**" + text + "**";
            rows.push_back(std::move(row));
        }
        out += table(headers, right, rows);
        for (const auto& note : t.notes) out += "*" + escape(note) + "*\n\n";
        return out;
    }

    // Markdown has no charts: the figures behind one, as a table.
    std::string operator()(const kdx::Chart& c) const {
        std::string out = "**" + escape(c.title) + "**\n\n";
        if (!style_.chart_tables) return out;
        std::vector<std::string> headers{c.x_title};
        std::vector<bool> right{false};
        for (const auto& s : c.series) {
            headers.push_back(s.name);
            right.push_back(true);
        }
        std::vector<std::vector<std::string>> rows;
        for (std::size_t i = 0; i < c.categories.size(); ++i) {
            std::vector<std::string> row{c.categories[i]};
            for (const auto& s : c.series)
                row.push_back(i < s.values.size()
                                  ? kdx::format_value(s.values[i], c.unit, language())
                                  : std::string());
            rows.push_back(std::move(row));
        }
        return out + table(headers, right, rows);
    }

    std::string operator()(const kdx::PageBreak&) const { return "---\n\n"; }

  private:
    const std::string& language() const { return doc_.info.language; }

    const kdx::Document& doc_;
    const Style& style_;
};

}  // namespace

std::string escape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (std::string_view("\\`*_[]<>|#").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

std::string render(const kdx::Document& document, const Style& style) {
    std::string out = heading(1 + style.heading_offset, document.info.title);
    if (!document.info.subtitle.empty()) out += "*" + escape(document.info.subtitle) + "*\n\n";
    Renderer renderer(document, style);
    for (const kdx::Block& block : document.blocks) out += std::visit(renderer, block);
    for (const auto& note : document.notes) out += "> " + escape(note) + "\n\n";
    if (!document.info.sources.empty()) {
        for (const auto& source : document.info.sources) out += "- " + escape(source) + "\n";
        out += '\n';
    }
    // One newline at the end, as editors and diff expect.
    while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n')
        out.pop_back();
    return out;
}

}  // namespace markdown
