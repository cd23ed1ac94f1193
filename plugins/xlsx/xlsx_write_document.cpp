// A report Document as a workbook: a front sheet (title, metadata, key
// figures, headings and paragraphs in order, links to the rest), a sheet per
// table and a sheet per chart holding its figures and a native Excel chart.
#include <algorithm>
#include <cmath>
#include <string>
#include <variant>
#include <vector>

#include "kdx/atomic_file.hpp"
#include "kdx/error.hpp"
#include "kdx/number_format.hpp"
#include "kdx/utf8.hpp"
#include "xlsx_write.hpp"
#include "xlsx_write_book.hpp"
#include "xlsx_write_styles.hpp"
#include "xlsx_write_text.hpp"

namespace kdx::xlsx {

namespace {

struct Labels {
    const char* front;
    const char* table;
    const char* chart;
    const char* date;
    const char* author;
    const char* subject;
    const char* keywords;
    const char* sources;
    const char* generator;
    const char* notes;
    const char* value;
    const char* change;
    const char* no_data;
};

const Labels& labels_for(const std::string& language) {
    static const Labels nb{"Forside",
                           "Tabell",
                           "Diagram",
                           "Dato",
                           "Forfatter",
                           "Emne",
                           "Stikkord",
                           "Kilder",
                           "Laget med",
                           "Merknader",
                           "Verdi",
                           "Endring",
                           "Tomme celler: tallet mangler eller er skjult (:)"};
    static const Labels nn{"Framside",
                           "Tabell",
                           "Diagram",
                           "Dato",
                           "Forfattar",
                           "Emne",
                           "Stikkord",
                           "Kjelder",
                           "Laga med",
                           "Merknader",
                           "Verdi",
                           "Endring",
                           "Tomme celler: talet manglar eller er skjult (:)"};
    static const Labels en{"Front page",
                           "Table",
                           "Chart",
                           "Date",
                           "Author",
                           "Subject",
                           "Keywords",
                           "Sources",
                           "Generator",
                           "Notes",
                           "Value",
                           "Change",
                           "Empty cells: the figure is missing or suppressed (:)"};
    if (language == "nn") return nn;
    if (language == "en") return en;
    return nb;
}

std::string joined(const std::vector<std::string>& parts, const char* separator) {
    std::string s;
    for (const std::string& p : parts) s += (s.empty() ? "" : separator) + p;
    return s;
}

// Decimals shown in a formatted figure ("12,5 %" -> 1), given the language's
// decimal separator; -1 when the text shows no number.
int decimals_in(const std::string& text, char separator) {
    std::size_t at = text.rfind(separator);
    if (at == std::string::npos)
        return text.find_first_of("0123456789") == std::string::npos ? -1 : 0;
    int n = 0;
    for (std::size_t i = at + 1; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) ++n;
    return n;
}

// A change: "+12", "-3", "0" in the unit's format. A change in a share is
// in percentage points, not per cent: "+4,3 %-poeng", "−4,3 %-poeng" (the
// PDF's words), still a number the reader can compute with.
CellStyle change_style(Unit unit, const std::string& language) {
    if (unit == Unit::percent) {
        std::string points = language == "en" ? " percentage points" : " %-poeng";
        std::string code = "0.0\"" + points + "\"";
        CellStyle s;
        s.code = "+" + code + ";\"\u2212\"" + code + ";\"\u00b1\"" + code;
        s.decimals = 1;
        s.suffix = points.size();
        return s;
    }
    CellStyle s = unit_style(unit);
    if (s.code.empty()) s = unit_style(Unit::other, 0);
    s.code = "+" + s.code + ";-" + s.code + ";" + s.code;
    s.suffix += 1;
    return s;
}

// "2014": a four-digit year, written as a number.
bool is_year(const std::string& s) {
    return s.size() == 4 &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// An ISO date "YYYY-MM-DD" as Excel's serial day number (1900 date system,
// day 1 = 1900-01-01, counted from 1899-12-30 for dates after February 1900);
// 0 when `iso` is no such date.
double excel_date(const std::string& iso) {
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return 0;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (iso[i] < '0' || iso[i] > '9') return 0;
    int y = std::stoi(iso.substr(0, 4)), m = std::stoi(iso.substr(5, 2)),
        d = std::stoi(iso.substr(8, 2));
    if (y < 1901 || m < 1 || m > 12 || d < 1 || d > 31) return 0;
    // Days from civil (Howard Hinnant's algorithm), then shifted to 1899-12-30.
    y -= m <= 2;
    const int era = y / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const long days_since_1970 = era * 146097L + doe - 719468L;
    return static_cast<double>(days_since_1970 + 25569);
}

class DocumentWriter {
  public:
    DocumentWriter(Book& book, const Document& doc)
        : book_(book),
          doc_(doc),
          labels_(labels_for(doc.info.language)),
          separator_(doc.info.language == "en" ? '.' : ',') {}

    void write() {
        front_ = &book_.add_sheet(names_.unique(labels_.front, "Front"));
        front_->set_record([] { return std::string("the front page"); });
        front_->set_width(0, 80);
        write_front_matter();
        int tables = 0, charts = 0;
        for (const Block& block : doc_.blocks) {
            if (auto h = std::get_if<Heading>(&block)) {
                heading(*h);
            } else if (auto p = std::get_if<Paragraph>(&block)) {
                paragraph(*p);
            } else if (auto k = std::get_if<KeyFigures>(&block)) {
                key_figures(*k);
            } else if (auto t = std::get_if<Table>(&block)) {
                table(*t, ++tables);
            } else if (auto c = std::get_if<Chart>(&block)) {
                chart(*c, ++charts);
            }
        }
        if (!doc_.notes.empty()) {
            row_ += 1;
            front_->text(row_++, 0, labels_.notes, &bold_);
            for (const std::string& note : doc_.notes) {
                front_->text(row_, 0, note, &wrap_);
                fit_row_height(row_++, char_count(note));
            }
        }
        front_->apply_widths(8, 40);
        print_setup(*front_, false, false);
    }

  private:
    void write_front_matter() {
        Style title = book_.style(title_style(16));
        front_->text(0, 0, doc_.info.title, &title);
        CellStyle subtitle_spec = italic_style();
        subtitle_spec.size = 12;
        Style subtitle = book_.style(subtitle_spec);
        front_->text(1, 0, doc_.info.subtitle, &subtitle);
        row_ = 3;
        auto meta = [&](const char* label, const std::string& value) {
            if (value.empty()) return;
            front_->text(row_, 0, label, &bold_);
            front_->text(row_++, 1, value);
        };
        if (double serial = excel_date(doc_.info.date); serial > 0) {
            // A date cell, so that it sorts and filters as a date.
            CellStyle spec;
            spec.code = doc_.info.language == "en" ? "d mmmm yyyy" : "d. mmmm yyyy";
            spec.suffix = 0;
            front_->text(row_, 0, labels_.date, &bold_);
            front_->number(row_++, 1, serial, book_.style(spec));
        } else {
            meta(labels_.date, doc_.info.date);
        }
        meta(labels_.author, doc_.info.author);
        meta(labels_.subject, doc_.info.subject);
        meta(labels_.keywords, joined(doc_.info.keywords, ", "));
        for (std::size_t i = 0; i < doc_.info.sources.size(); ++i)
            meta(i == 0 ? labels_.sources : "", doc_.info.sources[i]);
        meta(labels_.generator, doc_.info.generator);
    }

    void heading(const Heading& h) {
        CellStyle spec = title_style(h.level <= 1 ? 13 : h.level == 2 ? 11.5 : 11);
        spec.italic = h.level >= 3;
        Style style = book_.style(spec);
        row_ += 1;
        front_->text(row_++, 0, h.text, &style);
    }

    void paragraph(const Paragraph& p) {
        std::vector<std::pair<std::string, bool>> runs;
        std::size_t chars = 0;
        for (const TextRun& r : p.runs) {
            runs.emplace_back(r.text, r.emphasis);
            chars += char_count(r.text);
        }
        front_->rich_text(row_, 0, runs, wrap_);
        fit_row_height(row_, chars);
        row_ += 2;
    }

    // Rows are not measured by Excel when the file opens; about 90
    // characters fit a line of the 80-wide column. A wrapped row left at the
    // default height would print over the rows below it.
    void fit_row_height(lxw_row_t row, std::size_t chars) {
        double lines = std::max(1.0, std::ceil(static_cast<double>(chars) / 90.0));
        front_->check(worksheet_set_row(front_->get(), row, 15 * lines, nullptr), row, 0);
    }

    // A4, fitted to one page wide (as many pages tall as the rows need), so a
    // printed sheet never loses its right-hand columns; landscape where the
    // sheet is wide. `one_page` fits the sheet on one page outright, so a
    // chart is never cut across pages.
    static void print_setup(Sheet& sheet, bool landscape, bool one_page) {
        lxw_worksheet* ws = sheet.get();
        worksheet_set_paper(ws, 9);  // A4
        if (landscape) worksheet_set_landscape(ws);
        worksheet_fit_to_pages(ws, 1, one_page ? 1 : 0);
        worksheet_set_margins(ws, 0.5, 0.5, 0.6, 0.6);
    }

    void key_figures(const KeyFigures& k) {
        if (k.figures.empty()) return;
        front_->blank(row_, 0, header_);
        front_->text(row_, 1, labels_.value, &header_);
        front_->text(row_, 2, labels_.change, &header_);
        ++row_;
        for (const KeyFigure& f : k.figures) {
            int decimals = decimals_in(f.text, separator_);
            front_->text(row_, 0, f.label);
            front_->value(row_, 1, f.value, book_.style(unit_style(f.unit, decimals)));
            front_->value(row_, 2, f.change, book_.style(change_style(f.unit, doc_.info.language)));
            ++row_;
        }
        row_ += 1;
    }

    // A line on the front sheet that leads to a table's or chart's own sheet.
    void link_line(const char* kind, const std::string& title, const std::string& sheet) {
        std::string label = std::string(kind) + ": " + (title.empty() ? sheet : title);
        front_->link(row_++, 0, sheet, label);
        row_ += 1;
    }

    CellStyle column_style(const TableColumn& column, const Table& t, std::size_t c) const {
        int decimals = -1;
        for (const auto& row : t.rows)
            if (c < row.size() && row[c].value.has_value())
                decimals = std::max(decimals, decimals_in(row[c].text, separator_));
        switch (column.type) {
            case TableColumn::Type::count:
                return unit_style(Unit::persons, 0);
            case TableColumn::Type::number:
                return unit_style(Unit::other, std::max(decimals, 0));
            case TableColumn::Type::percent:
                return unit_style(Unit::percent, decimals);
            case TableColumn::Type::per_mille:
                return unit_style(Unit::per_mille, decimals);
            case TableColumn::Type::year:
                return year_style();
            case TableColumn::Type::text:
                break;
        }
        return CellStyle{};
    }

    void table(const Table& t, int number) {
        std::string name =
            names_.unique(t.caption, std::string(labels_.table) + " " + std::to_string(number));
        link_line(labels_.table, t.caption, name);
        Sheet& sheet = book_.add_sheet(name);
        sheet.set_record([&t, number, this] {
            return std::string(labels_.table) + " " + std::to_string(number) + " (" + t.caption +
                   ")";
        });
        Style caption = book_.style(title_style(12));
        sheet.text(0, 0, t.caption, &caption);
        sheet.ignore_width_of(0);
        const lxw_row_t header_row = 2;
        std::vector<Style> plain, bold;
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            sheet.text(header_row, static_cast<lxw_col_t>(c), t.columns[c].header, &header_);
            CellStyle spec = column_style(t.columns[c], t, c);
            plain.push_back(book_.style(spec));
            bold.push_back(book_.style(spec.with_bold()));
        }
        lxw_row_t row = header_row + 1;
        for (std::size_t r = 0; r < t.rows.size(); ++r, ++row) {
            bool total = t.last_row_is_total && r + 1 == t.rows.size();
            const auto& cells = t.rows[r];
            for (std::size_t c = 0; c < t.columns.size() && c < cells.size(); ++c) {
                const Style& style = total ? bold[c] : plain[c];
                auto col = static_cast<lxw_col_t>(c);
                if (t.columns[c].type == TableColumn::Type::text)
                    sheet.text(row, col, cells[c].text, &style);
                else
                    sheet.value(row, col, cells[c].value, style);
            }
        }
        if (!t.columns.empty()) {
            worksheet_freeze_panes(sheet.get(), header_row + 1, 0);
            lxw_row_t last = header_row + static_cast<lxw_row_t>(t.rows.size());
            if (t.last_row_is_total && !t.rows.empty()) --last;  // the total stays below
            sheet.check(worksheet_autofilter(sheet.get(), header_row, 0, last,
                                             static_cast<lxw_col_t>(t.columns.size() - 1)));
        }
        sheet.apply_widths();
        print_setup(sheet, t.columns.size() > 5, false);
        row += 1;
        for (const std::string& note : t.notes) {
            sheet.ignore_width_of(row);
            sheet.text(row++, 0, note, &italic_);
        }
    }

    void chart(const Chart& c, int number) {
        std::string name =
            names_.unique(c.title, std::string(labels_.chart) + " " + std::to_string(number));
        link_line(labels_.chart, c.title, name);
        Sheet& sheet = book_.add_sheet(name);
        sheet.set_record([&c, number, this] {
            return std::string(labels_.chart) + " " + std::to_string(number) + " (" + c.title + ")";
        });
        Style caption = book_.style(title_style(12));
        sheet.text(0, 0, c.title, &caption);
        sheet.ignore_width_of(0);
        sheet.text(1, 0, c.y_title, &italic_);
        sheet.ignore_width_of(1);
        const lxw_row_t header_row = 3;
        const lxw_row_t first = header_row + 1;
        if (c.x_title.empty())
            sheet.blank(header_row, 0, header_);
        else
            sheet.text(header_row, 0, c.x_title, &header_);
        Style values = book_.style(unit_style(c.unit));
        for (std::size_t s = 0; s < c.series.size(); ++s) {
            auto col = static_cast<lxw_col_t>(s + 1);
            sheet.text(header_row, col, c.series[s].name, &header_);
            for (std::size_t k = 0; k < c.categories.size() && k < c.series[s].values.size(); ++k) {
                const Value& v = c.series[s].values[k];
                if (v.has_value())
                    sheet.number(first + static_cast<lxw_row_t>(k), col, v.get(), values);
            }
        }
        // Years are numbers (a general format shows 2014, not 2 014).
        Style year_style = book_.style(CellStyle{});
        for (std::size_t k = 0; k < c.categories.size(); ++k) {
            auto row = first + static_cast<lxw_row_t>(k);
            if (is_year(c.categories[k]))
                sheet.number(row, 0, std::stod(c.categories[k]), year_style);
            else
                sheet.text(row, 0, c.categories[k]);
        }
        print_setup(sheet, true, true);
        lxw_row_t after = first + static_cast<lxw_row_t>(c.categories.size()) + 1;
        sheet.ignore_width_of(after);
        sheet.text(after, 0, labels_.no_data, &italic_);
        sheet.apply_widths(8, 30);
        if (c.categories.empty() || c.series.empty()) return;

        lxw_chart* chart = workbook_add_chart(
            book_.get(), c.kind == Chart::Kind::line ? LXW_CHART_LINE : LXW_CHART_COLUMN);
        if (!chart) throw Error("xlsx: could not add a chart", Location::at(book_.target()));
        // Titles and series names refer to their cells, so text that starts
        // with "=" is never read as a formula.
        const char* ws = name.c_str();
        if (!c.title.empty()) chart_title_set_name_range(chart, ws, 0, 0);
        if (!c.x_title.empty()) chart_axis_set_name_range(chart->x_axis, ws, header_row, 0);
        if (!c.y_title.empty()) chart_axis_set_name_range(chart->y_axis, ws, 1, 0);
        if (!values.spec.code.empty())
            chart_axis_set_num_format(chart->y_axis, values.spec.code.c_str());
        lxw_row_t last = first + static_cast<lxw_row_t>(c.categories.size()) - 1;
        for (std::size_t s = 0; s < c.series.size(); ++s) {
            auto col = static_cast<lxw_col_t>(s + 1);
            lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
            if (!series)
                throw Error("xlsx: could not add a chart series", Location::at(book_.target()));
            chart_series_set_categories(series, ws, first, 0, last, 0);
            chart_series_set_values(series, ws, first, col, last, col);
            if (!c.series[s].name.empty()) chart_series_set_name_range(series, ws, header_row, col);
        }
        chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
        lxw_chart_options options{};
        options.x_scale = 1.4;
        options.y_scale = 1.3;
        sheet.check(worksheet_insert_chart_opt(
            sheet.get(), header_row, static_cast<lxw_col_t>(c.series.size() + 2), chart, &options));
    }

    Book& book_;
    const Document& doc_;
    const Labels& labels_;
    const char separator_;
    SheetNames names_;
    Sheet* front_ = nullptr;
    lxw_row_t row_ = 0;
    Style bold_ = book_.style(title_style(0));
    Style header_ = book_.style(header_style());
    Style wrap_ = book_.style([] {
        CellStyle s;
        s.wrap = true;
        return s;
    }());
    Style italic_ = book_.style(italic_style());
};

// What the report was made from, as custom document properties (File >
// Properties > Custom in Excel) that `kdx verify` reads back. An input is
// written as sha256sum prints it; a name too long for Excel's 255 characters
// is cut, the hash is what verify compares.
std::vector<std::pair<std::string, std::string>> provenance_properties(const Provenance& p) {
    std::vector<std::pair<std::string, std::string>> out;
    auto cut = [](std::string s) {
        if (s.size() <= 255) return s;
        return s.substr(0, utf8::boundary_before(s, 255));
    };
    for (std::size_t i = 0; i < p.inputs.size(); ++i)
        out.emplace_back("kdx input " + std::to_string(i + 1),
                         cut(p.inputs[i].sha256 + "  " + p.inputs[i].name));
    if (!p.template_sha256.empty()) {
        out.emplace_back("kdx template id", cut(p.template_id));
        out.emplace_back("kdx template sha256", p.template_sha256);
    }
    for (std::size_t i = 0; i < p.plugins.size(); ++i)
        out.emplace_back("kdx plugin " + std::to_string(i + 1), cut(p.plugins[i]));
    if (!p.generator.empty()) out.emplace_back("kdx generator", cut(p.generator));
    return out;
}

}  // namespace

void write_document(const Document& document, const std::filesystem::path& output,
                    const Options& options, Diagnostics& diagnostics) {
    BookSettings settings;
    apply_options(options, 0, settings);
    settings.constant_memory = false;  // charts need their figures kept in memory
    settings.small = true;
    settings.created = creation_time(document.info.date, diagnostics);
    settings.title = document.info.title;
    settings.subject =
        document.info.subject.empty() ? document.info.subtitle : document.info.subject;
    settings.author = document.info.author;
    settings.keywords = joined(document.info.keywords, ", ");
    std::string comments = document.info.subtitle;
    for (const std::string& s : document.info.sources)
        comments += (comments.empty() ? "" : "\n") + s;
    settings.comments = comments;
    settings.custom = provenance_properties(document.info.provenance);

    Diagnostics local;
    try {
        write_atomically(output, [&](const std::filesystem::path& temp) {
            Book book(temp, output.string(), settings, local);
            DocumentWriter(book, document).write();
            book.close();
        });
    } catch (...) {
        diagnostics.append(local);
        throw;
    }
    diagnostics.append(local);
}

}  // namespace kdx::xlsx
