#include "table/sheet_reader.hpp"

#include <algorithm>
#include <set>

#include "table/cell_value.hpp"
#include "table/ssb.hpp"

namespace kdx::table_detail {

namespace {

bool row_is_blank(const Row& row) {
    return std::all_of(row.cells.begin(), row.cells.end(),
                       [](const Cell& c) { return is_blank(c); });
}

// The row's texts joined, as a title row is quoted in messages.
std::string row_text(const Row& row) {
    std::string text;
    for (const Cell& c : row.cells)
        if (!is_blank(c)) text += (text.empty() ? "" : " ") + std::string(trim(shown(c)));
    return text;
}

// Four-digit numbers from 1990 to 2100 standing on their own in `text`.
void years_in(const std::string& text, std::set<int>& years) {
    for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
        auto digit = [&](std::size_t k) {
            return k < text.size() && text[k] >= '0' && text[k] <= '9';
        };
        if (!digit(i) || (i > 0 && digit(i - 1))) continue;
        std::size_t end = i;
        while (digit(end)) ++end;
        if (end - i == 4) {
            int y = std::stoi(text.substr(i, 4));
            if (y >= 1990 && y <= 2100) years.insert(y);
        }
        i = end;
    }
}

bool is_municipality_field(Field f) {
    return f == Field::municipality || f == Field::municipality_number ||
           f == Field::municipality_name;
}

// Two cells of the row with the same text.
bool names_a_column_twice(const Row& row) {
    std::set<std::string> seen;
    for (const Cell& c : row.cells)
        if (c.type == Cell::Type::text && !trim(c.text).empty() &&
            !seen.insert(normalise_header(c.text)).second)
            return true;
    return false;
}

}  // namespace

SheetReader::SheetReader(ImportContext& import, const SheetInfo& sheet) : context_(import, sheet) {
    context_.rules =
        value_rules(import.mapping, source_symbols(import.options.symbols, import.mapping, {}));
    context_.outcome_source = import.mapping.source;
    context_.year = import.mapping.year;
}

bool SheetReader::row(const Row& row) {
    if (stage_ == Stage::done) return false;
    if (row.hidden && !context_.import.options.include_hidden) {
        context_.info(row.number, 0, "hidden row skipped");
        return true;
    }
    if (stage_ == Stage::header) {
        // Without a header row, or after a header held back, this row may be data.
        if (!search_header(row) || stage_ != Stage::rows) return stage_ != Stage::done;
    }
    if (row_is_blank(row)) {
        context_.info(row.number, 0, "blank row skipped");
    } else if (auto word = total_text(row)) {
        context_.info(row.number, 0, "total row skipped (\"" + *word + "\")");
    } else if (repeats_header(row)) {
        context_.info(row.number, 0, "repeated header row skipped");
    } else {
        ++data_rows_;
        mapper_->row(row);
    }
    return true;
}

bool SheetReader::search_header(const Row& row) {
    const Mapping& m = context_.import.mapping;
    std::string problem;
    if (m.header_row == 0) {
        start(nullptr, mapped_layout(m.columns, nullptr, problem), problem);
        return true;
    }
    if (pending_) {
        std::optional<Row> combined = with_years(row);
        Row header = combined ? std::move(*combined) : std::move(*pending_);
        pending_.reset();
        start(&header, recognise_layout(header), problem);
        return !combined;  // a row that gives no years is the first data row
    }
    if (m.header_row > 0 && row.number != static_cast<std::uint32_t>(m.header_row)) {
        if (row.number < static_cast<std::uint32_t>(m.header_row)) {
            titles_.emplace_back(row.number, row_text(row));
            return false;
        }
        context_.error(row.number, 0,
                       "the mapping says the header is row " + std::to_string(m.header_row) +
                           ", but the table has no such row (it may be hidden or empty)");
        stage_ = Stage::done;
        return false;
    }
    std::optional<Layout> layout;
    bool ssb = false;
    if (!m.columns.empty())
        layout = mapped_layout(m.columns, &row, problem);
    else if ((layout = recognise_ssb_layout(row, titles_)))
        ssb = true;
    else
        layout = recognise_layout(row);
    // A header naming a column twice may have its years in the row below.
    if (layout && !ssb && m.columns.empty() && m.header_row < 0 && names_a_column_twice(row)) {
        pending_ = row;
        return false;
    }
    if (layout || m.header_row > 0) {
        if (!layout && problem.empty())
            problem = "the mapping's header row is not one kdx recognises (\"" + row_text(row) +
                      "\"); name its columns in <columns>";
        start(&row, std::move(layout), problem);
        return false;
    }
    titles_.emplace_back(row.number, row_text(row));
    remember_candidate(row);
    if (++rows_searched_ >= header_search_rows) stage_ = Stage::done;
    return false;
}

std::optional<Row> SheetReader::with_years(const Row& row) const {
    Row combined = *pending_;
    combined.number = row.number;
    bool any = false;
    for (unsigned i = 0; i < row.cells.size(); ++i) {
        const Cell& c = row.cells[i];
        if (is_blank(c)) continue;
        std::set<int> years;
        years_in(std::string(trim(shown(c))), years);
        if (years.size() != 1 || trim(shown(c)).size() != 4 || i >= combined.cells.size() ||
            is_blank(combined.cells[i]))
            return std::nullopt;
        Cell& h = combined.cells[i];
        h.text = std::string(trim(shown(h))) + " " + std::to_string(*years.begin());
        h.type = Cell::Type::text;
        any = true;
    }
    if (!any) return std::nullopt;
    return combined;
}

void SheetReader::remember_candidate(const Row& row) {
    if (first_searched_ == 0) first_searched_ = row.number;
    last_searched_ = row.number;
    std::string municipality, year, figure;
    std::size_t known = 0;
    for (const Cell& c : row.cells) {
        if (c.type != Cell::Type::text || trim(c.text).empty()) continue;
        auto match = match_header(c.text);
        if (!match || match->field == Field::ignore) continue;
        ++known;
        std::string quoted = "\"" + std::string(trim(c.text)) + "\"";
        if (is_municipality_field(match->field) && municipality.empty()) municipality = quoted;
        if (match->field == Field::year && year.empty()) year = quoted;
        if ((is_settlement_field(match->field) || match->field == Field::outcome ||
             match->field == Field::value) &&
            figure.empty())
            figure = quoted;
    }
    if (known <= best_known_) return;
    best_known_ = known;
    best_row_ = row.number;
    struct Needed {
        const char* what;
        const std::string& found;
    };
    std::string has, lacks;
    for (const Needed& n :
         {Needed{"municipality", municipality}, Needed{"year", year}, Needed{"figure", figure}})
        if (!n.found.empty())
            has += (has.empty() ? "a " : ", a ") + std::string(n.what) + " (" + n.found + ")";
        else
            lacks += (lacks.empty() ? "" : ", no ") + std::string(n.what) + " column";
    best_says_ = "names " + (has.empty() ? std::string("no column kdx reads") : has) +
                 (lacks.empty() ? std::string() : " but no " + lacks);
}

std::string SheetReader::searched() const {
    const SheetInfo& s = context_.sheet;
    std::string row = s.lines ? "line" : "row";
    std::string where = s.lines ? std::string() : "sheet \"" + s.name + "\" ";
    if (first_searched_ == 0) return where + "(no rows)";
    if (last_searched_ == first_searched_)
        where += row + " " + std::to_string(first_searched_);
    else
        where +=
            row + "s " + std::to_string(first_searched_) + "-" + std::to_string(last_searched_);
    if (best_row_ == 0) return where + " (no column kdx knows)";
    return where + " (" + row + " " + std::to_string(best_row_) + " " + best_says_ + ")";
}

bool SheetReader::start(const Row* header, std::optional<Layout> layout,
                        const std::string& problem) {
    std::uint32_t at = header ? header->number : 1;
    if (!layout) {
        context_.error(at, 0, problem);
        stage_ = Stage::done;
        reported_ = true;
        return false;
    }
    layout_ = std::move(layout);
    header_row_ = at;
    for (const auto& [number, text] : titles_)
        context_.info(number, 0,
                      text.empty() ? std::string("blank row skipped")
                                   : "title row skipped (\"" + text + "\")");
    if (header) {
        for (const Cell& c : header->cells) header_texts_.push_back(normalise_header(shown(c)));
        for (const auto& [index, text] : layout_->unused)
            context_.info(at, index + 1, "column \"" + text + "\" is not used");
    }
    const Mapping& m = context_.import.mapping;
    context_.rules =
        value_rules(m, source_symbols(context_.import.options.symbols, m, layout_->publisher));
    if (layout_->imdi && m.source.empty()) context_.outcome_source = "IMDi";
    if (!choose_year()) {
        stage_ = Stage::done;
        reported_ = true;
        return false;
    }
    const SheetInfo& s = context_.sheet;
    context_.source = context_.dataset().add_source(s.file, s.lines ? std::string() : s.name);
    switch (layout_->kind) {
        case LayoutKind::wide:
            mapper_ = make_wide_mapper(context_, *layout_);
            break;
        case LayoutKind::long_rows:
            mapper_ = make_long_mapper(context_, *layout_);
            break;
        case LayoutKind::ssb:
            mapper_ = make_ssb_mapper(context_, *layout_);
            break;
    }
    stage_ = Stage::rows;
    return true;
}

bool SheetReader::choose_year() {
    bool needs =
        layout_->kind == LayoutKind::long_rows ||
        std::any_of(layout_->columns.begin(), layout_->columns.end(), [](const Column& c) {
            return (is_settlement_field(c.field) || c.field == Field::outcome) && c.year == 0;
        });
    if (!needs || layout_->has(Field::year) || context_.year != 0) return true;
    std::set<int> years;
    for (const auto& title : titles_) years_in(title.second, years);
    years_in(context_.sheet.name, years);
    if (years.size() == 1) {
        context_.year = *years.begin();
        context_.info(header_row_, 0,
                      "the table has no year column; its figures are read as " +
                          std::to_string(context_.year) + ", the year in its title or name");
        return true;
    }
    context_.error(header_row_, 0,
                   std::string("the table has no year column (År) and ") +
                       (years.empty() ? "its title and name give no year"
                                      : "its title and name give several years") +
                       "; give the year with <year> in a mapping file");
    return false;
}

std::optional<std::string> SheetReader::total_text(const Row& row) const {
    const std::vector<std::string>& words = context_.import.mapping.total_words;
    for (const Cell& c : row.cells) {
        if (is_blank(c)) continue;
        if (c.type == Cell::Type::text && is_total_text(c.text, words))
            return std::string(trim(c.text));
        break;
    }
    for (const Column& column : layout_->columns) {
        const Cell& c = cell_of(row, column);
        if (is_municipality_field(column.field) && c.type == Cell::Type::text &&
            is_total_text(c.text, words))
            return std::string(trim(c.text));
    }
    return std::nullopt;
}

bool SheetReader::repeats_header(const Row& row) const {
    if (header_texts_.empty()) return false;
    thread_local std::string text;
    for (const Column& column : layout_->columns) {
        if (column.index >= header_texts_.size()) return false;
        const Cell& cell = cell_of(row, column);
        if (!cell.text.empty())
            normalise_header(cell.text, text);
        else
            normalise_header(shown(cell), text);
        if (text != header_texts_[column.index]) return false;
    }
    return true;
}

namespace {

// What an unused header may have been meant as, for the message on a table
// that gave no figures.
std::string guess_for(const std::string& header) {
    std::string h = normalise_header(header);
    for (const char* value : {"antall", "verdi", "value", "tall", "count"})
        if (h == value)
            return "looks like the value column of a long table: which column holds the "
                   "category (e.g. Bosetting: Anmodning, Vedtak, Faktisk bosetting)?";
    for (const char* category : {"bosetting", "kategori", "tabellvariabel", "category"})
        if (h == category)
            return "looks like the category column of a long table: which column holds the "
                   "value (Antall, Verdi)?";
    return "not a column kdx knows; name it in a mapping file (field=...)";
}

}  // namespace

void SheetReader::end() {
    if (pending_) {
        Row header = std::move(*pending_);
        pending_.reset();
        start(&header, recognise_layout(header), {});
    }
    if (stage_ == Stage::rows) mapper_->finish();
    const SheetInfo& s = context_.sheet;
    if (layout_ && stage_ != Stage::header && data_rows_ > 0 && context_.records == 0) {
        // Data rows from which nothing was read lose the user's figures
        // without a word otherwise: an error (when no other sheet gave
        // figures either, see TableImporter::finish), naming what was unused.
        std::string message = std::to_string(data_rows_) +
                              (data_rows_ == 1 ? " data row" : " data rows") +
                              " but no figures read: ";
        std::string reason = mapper_ ? mapper_->nothing_read() : std::string();
        if (!reason.empty()) {
            message += reason;
        } else {
            message += "the header has no settlement or outcome column kdx can read";
            for (const auto& [index, text] : layout_->unused)
                message += "; '" + text + "' " + guess_for(text);
            message += " (see docs/mapping.md)";
        }
        no_figures_ = std::move(message);
    }
    if (!layout_ && !reported_) {
        std::string where = s.lines ? std::string() : "sheet \"" + s.name + "\": ";
        context_.import.diagnostics.info(
            where + "no header row kdx recognises in its first " +
                std::to_string(header_search_rows) +
                " rows (columns such as Kommunenr, Kommune, År, Anmodning, Vedtak, Bosatt); "
                "name the columns in a mapping file",
            Location::at(s.file));
    }
    if (context_.records > 0)
        context_.dataset().info.provenance.push_back(s.lines ? s.file
                                                             : s.file + ", sheet " + s.name);
    if (context_.records > 0 && layout_ && layout_->imdi) cite_imdi();
}

// IMDi's own table layout names its publisher: reports cite IMDi's
// settlement statistics. The file does not say the date of its figures.
void SheetReader::cite_imdi() {
    DataSource imdi;
    imdi.publisher = "IMDi";
    imdi.title_nb = imdi.title_nn = "bosettingsstatistikk";
    imdi.title_en = "settlement statistics";
    imdi.link = "https://www.imdi.no/tall-og-statistikk/";
    auto& sources = context_.dataset().info.data_sources;
    for (const DataSource& d : sources)
        if (d.publisher == imdi.publisher && d.title_nb == imdi.title_nb) return;
    sources.push_back(std::move(imdi));
}

}  // namespace kdx::table_detail
