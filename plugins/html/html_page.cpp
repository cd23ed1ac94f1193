#include "html_page.hpp"

#include <algorithm>
#include <cmath>

#include "html_style.hpp"
#include "html_table.hpp"
#include "kdx/number_format.hpp"
#include "labels.hpp"

namespace kdx::html {

namespace {

// A language tag as HTML's lang wants it: the Document's ("nb", "nn", "en"),
// else bokmål, as the PDF falls back.
std::string language_tag(const std::string& language) {
    const bool ok = !language.empty() && language.size() <= 35 &&
                    std::all_of(language.begin(), language.end(), [](char c) {
                        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                               (c >= '0' && c <= '9') || c == '-';
                    });
    return ok ? language : "nb";
}

// "+12 fra året før", "−4,4 %-poeng fra året før", as the PDF writes it.
std::string change_text(const KeyFigure& f, const std::string& language) {
    if (!f.change.has_value()) return "";
    const double c = f.change.get();
    const bool share = f.unit == Unit::percent;
    const std::string sign = c > 0 ? "+" : c < 0 ? "\u2212" : "\u00b1";
    std::string magnitude =
        format_value(Value(std::fabs(c)), share ? Unit::other : f.unit, language, share ? 1 : -1);
    if (share) magnitude += "\u00a0" + std::string(labels_for(language).points);
    return sign + magnitude + " " + labels_for(language).change;
}

class PageWriter {
  public:
    PageWriter(const Document& d, const PageOptions& o, HtmlText& text)
        : d_(d),
          options_(o),
          text_(text),
          language_(d.info.language == "en" || d.info.language == "nn" ? d.info.language : "nb") {}

    std::string write() {
        out_ = "<!DOCTYPE html>\n<html lang=\"" +
               text_(language_tag(d_.info.language), "the language") + "\">\n";
        head();
        out_ += "<body>\n<main>\n";
        title();
        for (std::size_t i = 0; i < d_.blocks.size(); ++i) {
            const std::string where = "block " + std::to_string(i + 1);
            std::visit([&](const auto& b) { block(b, where); }, d_.blocks[i]);
        }
        notes();
        out_ += "</main>\n</body>\n</html>\n";
        return std::move(out_);
    }

  private:
    void meta(const char* name, const std::string& content, const std::string& where) {
        if (content.empty()) return;
        out_ +=
            std::string("<meta name=\"") + name + "\" content=\"" + text_(content, where) + "\">\n";
    }

    std::string date() const { return d_.info.date.empty() ? options_.date : d_.info.date; }

    void head() {
        const DocumentInfo& info = d_.info;
        out_ +=
            "<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
        std::string title = info.title.empty() ? labels_for(language_).fallback_title : info.title;
        if (!info.subtitle.empty()) title += " \u2013 " + info.subtitle;
        out_ += "<title>" + text_(title, "the title") + "</title>\n";
        meta("generator", info.generator, "the generator");
        meta("author", info.author, "the author");
        meta("dcterms.publisher", info.author, "the author");
        meta("description", info.subject, "the subject");
        std::string keywords;
        for (const std::string& k : info.keywords) keywords += (keywords.empty() ? "" : ", ") + k;
        meta("keywords", keywords, "the keywords");
        meta("dcterms.date", date(), "the date");
        meta("dcterms.language", language_tag(info.language), "the language");
        meta("kdx.template", info.template_id, "the template id");
        if (info.year > 0) meta("kdx.year", std::to_string(info.year), "the year");
        // What the report was made from, read back by kdx verify.
        const Provenance& p = info.provenance;
        for (const ProvenanceFile& f : p.inputs)
            meta("kdx.input", f.sha256 + "  " + f.name, "an input's name");
        meta("kdx.template-sha256", p.template_sha256, "the template's hash");
        for (const std::string& plugin : p.plugins) meta("kdx.plugin", plugin, "a plugin's name");
        if (!p.empty()) meta("kdx.generator", p.generator, "the generator");
        out_ += "<style>" + std::string(stylesheet()) + "</style>\n</head>\n";
    }

    // The one h1: the title (a word for "report" when the Document has none),
    // then the subtitle and a byline of author and date.
    void title() {
        const DocumentInfo& info = d_.info;
        out_ +=
            "<h1>" +
            text_.content(info.title.empty() ? labels_for(language_).fallback_title : info.title,
                          "the title") +
            "</h1>\n";
        if (!info.subtitle.empty())
            out_ +=
                "<p class=\"subtitle\">" + text_.content(info.subtitle, "the subtitle") + "</p>\n";
        std::string byline = info.author;
        if (!date().empty())
            byline += (byline.empty() ? "" : " \u00b7 ") + format_date(date(), language_);
        if (!byline.empty())
            out_ += "<p class=\"byline\">" + text_.content(byline, "the title block") + "</p>\n";
    }

    // Headings one level under the title, and never more than one level below
    // the heading before, so that no level is skipped.
    void block(const Heading& h, const std::string& where) {
        int level = std::clamp(h.level, 1, 5) + 1;
        level = std::min(level, last_level_ + 1);
        last_level_ = level;
        const std::string tag = "h" + std::to_string(level);
        out_ += "<" + tag + ">" + text_.content(h.text, where + " (heading)") + "</" + tag + ">\n";
    }

    void block(const Paragraph& p, const std::string& where) {
        out_ += "<p>";
        for (const TextRun& run : p.runs) {
            const std::string t = text_.content(run.text, where + " (paragraph)");
            out_ += run.emphasis ? "<em>" + t + "</em>" : t;
        }
        out_ += "</p>\n";
    }

    // A description list: each figure's name, its value, its change.
    void block(const KeyFigures& k, const std::string& where) {
        if (k.figures.empty()) return;
        out_ += "<dl class=\"key-figures\">\n";
        for (const KeyFigure& f : k.figures) {
            const std::string place = where + " (key figures), \"" + f.label + "\"";
            out_ += "<div>\n<dt>" + text_.content(f.label, place) + "</dt>\n<dd class=\"figure\">" +
                    text_.content(f.text, place) + "</dd>\n";
            const std::string change = change_text(f, language_);
            if (!change.empty())
                out_ += "<dd class=\"change\">" + text_.content(change, place) + "</dd>\n";
            out_ += "</div>\n";
        }
        out_ += "</dl>\n";
    }

    void block(const Table& t, const std::string& where) {
        out_ += table_html(t, "table-" + std::to_string(++tables_), text_, where + " (table)");
    }

    void block(const Chart& c, const std::string& where) {
        out_ += chart_html(c, "chart-" + std::to_string(++charts_), language_, options_.chart_table,
                           text_, where + " (chart)");
    }

    void block(const PageBreak&, const std::string&) {
        out_ += "<div class=\"page-break\"></div>\n";
    }

    // The document's notes and its sources close the page, under a heading
    // of their own so that a screen reader can jump to them.
    void notes() {
        if (d_.notes.empty() && d_.info.sources.empty()) return;
        const Labels& l = labels_for(language_);
        out_ +=
            "<section class=\"doc-notes\" aria-labelledby=\"doc-notes\">\n<h2 id=\"doc-notes\">" +
            text_.content(l.notes, "the notes") + "</h2>\n";
        for (std::size_t i = 0; i < d_.notes.size(); ++i)
            out_ += "<p>" + text_.content(d_.notes[i], "note " + std::to_string(i + 1)) + "</p>\n";
        if (!d_.info.sources.empty()) {
            std::string sources = std::string(l.sources) + ": ";
            for (std::size_t i = 0; i < d_.info.sources.size(); ++i)
                sources += (i ? "; " : "") + d_.info.sources[i];
            out_ += "<p>" + text_.content(sources + ".", "the sources") + "</p>\n";
        }
        out_ += "</section>\n";
    }

    const Document& d_;
    const PageOptions& options_;
    HtmlText& text_;
    std::string language_;
    std::string out_;
    int last_level_ = 1;
    int tables_ = 0, charts_ = 0;
};

}  // namespace

std::string page_html(const Document& document, const PageOptions& options, HtmlText& text) {
    return PageWriter(document, options, text).write();
}

}  // namespace kdx::html
