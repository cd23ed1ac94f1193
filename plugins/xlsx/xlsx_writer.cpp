// A Dataset as a workbook: one sheet per kind of record, with the column
// names the csv format uses, typed cells, a frozen header and an autofilter.
#include <algorithm>
#include <string>
#include <vector>

#include "kdx/atomic_file.hpp"
#include "kdx/error.hpp"
#include "kdx/options.hpp"
#include "xlsx_write.hpp"
#include "xlsx_write_book.hpp"
#include "xlsx_write_styles.hpp"

namespace kdx::xlsx {

namespace {

std::string joined(const std::vector<std::string>& parts, const char* separator) {
    std::string s;
    for (const std::string& p : parts) s += (s.empty() ? "" : separator) + p;
    return s;
}

// The styles every dataset sheet uses, resolved once.
struct DatasetStyles {
    Style header, count, year;
    Style unit[6];  // by Unit

    explicit DatasetStyles(Book& book)
        : header(book.style(header_style())),
          count(book.style(unit_style(Unit::persons))),
          year(book.style(year_style())) {
        for (Unit u :
             {Unit::persons, Unit::percent, Unit::per_mille, Unit::nok, Unit::years, Unit::other})
            unit[static_cast<int>(u)] = book.style(unit_style(u));
    }
};

// Writes one record per row below a header; the row is 0-based.
class RecordSheet {
  public:
    RecordSheet(Book& book, const Dataset& dataset, const DatasetStyles& styles,
                const std::string& name, const std::vector<const char*>& columns)
        : sheet_(book.add_sheet(name)),
          dataset_(dataset),
          styles_(styles),
          columns_(columns.size()) {
        for (std::size_t c = 0; c < columns.size(); ++c)
            sheet_.text(0, static_cast<lxw_col_t>(c), columns[c], &styles.header);
    }

    // Starts the next record; `describe` names it in messages about its text.
    template <class Describe>
    RecordSheet& next(const Origin& origin, Describe describe) {
        ++row_;
        col_ = 0;
        const Dataset& d = dataset_;
        sheet_.set_record([describe, origin, &d]() {
            std::string where = d.location_of(origin).to_string();
            return describe() + (where.empty() ? std::string() : " (read from " + where + ")");
        });
        return *this;
    }
    RecordSheet& text(const std::string& s) {
        sheet_.text(row_, col_++, s);
        return *this;
    }
    RecordSheet& value(const Value& v, const Style& style) {
        sheet_.value(row_, col_++, v, style);
        return *this;
    }
    RecordSheet& count(const Value& v) { return value(v, styles_.count); }
    RecordSheet& year(int y) {
        if (y != 0) sheet_.number(row_, col_, y, styles_.year);
        ++col_;
        return *this;
    }

    void finish() {
        worksheet_freeze_panes(sheet_.get(), 1, 0);
        auto last_col = static_cast<lxw_col_t>(columns_ - 1);
        sheet_.check(worksheet_autofilter(sheet_.get(), 0, 0, row_, last_col));
        sheet_.apply_widths();
    }

  private:
    Sheet& sheet_;
    const Dataset& dataset_;
    const DatasetStyles& styles_;
    std::size_t columns_;
    lxw_row_t row_ = 0;
    lxw_col_t col_ = 0;
};

void write_municipalities(Book& book, const Dataset& d, const DatasetStyles& styles) {
    RecordSheet out(book, d, styles, "Municipalities",
                    {"number", "name", "county_number", "county_name", "imdi_region", "language",
                     "population", "other_names", "valid_from", "valid_to"});
    for (const Municipality& m : d.municipalities) {
        out.next(m.origin, [&] { return "municipality " + m.number; });
        out.text(m.number).text(m.name).text(m.county_number).text(m.county_name);
        out.text(m.imdi_region).text(to_string(m.language));
        out.count(m.population ? Value(static_cast<double>(*m.population)) : Value());
        out.text(joined(m.other_names, "; ")).year(m.valid_from).year(m.valid_to);
    }
    out.finish();
}

void write_settlement(Book& book, const Dataset& d, const DatasetStyles& styles) {
    RecordSheet out(book, d, styles, "Settlement",
                    {"municipality", "municipality_name", "year", "requested", "decided", "settled",
                     "unaccompanied_minors", "family_reunifications"});
    for (const SettlementFigures& s : d.settlement) {
        out.next(s.origin, [&] {
            return "the settlement figures of " + s.municipality + " for " + std::to_string(s.year);
        });
        const Municipality* m = d.find_municipality(s.municipality);
        out.text(s.municipality).text(m ? m->name : std::string()).year(s.year);
        out.count(s.requested).count(s.decided).count(s.settled);
        out.count(s.unaccompanied_minors).count(s.family_reunifications);
    }
    out.finish();
}

void write_programmes(Book& book, const Dataset& d, const DatasetStyles& styles) {
    RecordSheet out(book, d, styles, "Programmes",
                    {"id", "municipality", "kind", "name", "description", "partners", "years"});
    for (const Programme& p : d.programmes) {
        out.next(p.origin, [&] { return "programme " + p.id; });
        std::vector<std::string> years;
        for (int y : p.years) years.push_back(std::to_string(y));
        out.text(p.id).text(p.municipality).text(to_string(p.kind)).text(p.name);
        out.text(p.description).text(joined(p.partners, "; ")).text(joined(years, " "));
    }
    out.finish();
}

void write_outcomes(Book& book, const Dataset& d, const DatasetStyles& styles) {
    RecordSheet out(book, d, styles, "Outcomes",
                    {"municipality", "programme", "indicator", "year", "value", "unit",
                     "cohort_size", "source"});
    for (const Outcome& o : d.outcomes) {
        out.next(o.origin, [&] {
            return "outcome " + o.indicator + " of " + o.municipality + " for " +
                   std::to_string(o.year);
        });
        out.text(o.municipality).text(o.programme).text(o.indicator).year(o.year);
        out.value(o.value, styles.unit[static_cast<int>(o.unit)]).text(to_string(o.unit));
        out.count(o.cohort_size).text(o.source);
    }
    out.finish();
}

std::string nomination_name(const Nomination& n) {
    return "the nomination of " + n.municipality + " for " + std::to_string(n.year);
}

void write_nominations(Book& book, const Dataset& d, const DatasetStyles& styles) {
    RecordSheet out(
        book, d, styles, "Nominations",
        {"prize", "year", "municipality", "status", "summary", "last_updated", "votes"});
    for (const Nomination& n : d.nominations) {
        out.next(n.origin, [&] { return nomination_name(n); });
        out.text(n.prize).year(n.year).text(n.municipality).text(to_string(n.status));
        out.text(n.summary).text(n.last_updated).count(n.votes);
    }
    out.finish();

    RecordSheet sections(book, d, styles, "Nomination sections",
                         {"prize", "year", "municipality", "heading", "text"});
    for (const Nomination& n : d.nominations) {
        for (const Section& s : n.sections) {
            sections.next(n.origin, [&] { return nomination_name(n) + ", section " + s.heading; });
            sections.text(n.prize).year(n.year).text(n.municipality).text(s.heading).text(s.text);
        }
    }
    sections.finish();
}

void write_indicators(Book& book, const Dataset& d, const DatasetStyles& styles) {
    RecordSheet out(book, d, styles, "Indicators",
                    {"id", "label_nb", "label_nn", "label_en", "unit", "additive"});
    for (const Indicator& i : d.indicators) {
        out.next(Origin{}, [&] { return "indicator " + i.id; });
        out.text(i.id).text(i.label_nb).text(i.label_nn).text(i.label_en).text(to_string(i.unit));
        out.text(i.additive ? "true" : "false");
    }
    out.finish();
}

// The dataset's own description and the statistics it cites: a row per
// field (a provenance note per row), and a row per data source.
void write_dataset_info(Book& book, const Dataset& d, const DatasetStyles& styles) {
    RecordSheet out(book, d, styles, "Dataset", {"field", "value"});
    auto field = [&](const char* name, const std::string& value) {
        if (value.empty()) return;
        out.next(Origin{}, [name] { return std::string("dataset ") + name; });
        out.text(name).text(value);
    };
    field("title", d.info.title);
    field("description", d.info.description);
    field("language", d.info.language);
    field("publisher", d.info.publisher);
    for (const std::string& note : d.info.provenance) field("provenance", note);
    out.finish();

    RecordSheet sources(
        book, d, styles, "Data sources",
        {"publisher", "title_nb", "title_nn", "title_en", "as_of", "licence", "link"});
    for (const DataSource& s : d.info.data_sources) {
        sources.next(Origin{}, [&s] { return "data source " + s.publisher; });
        sources.text(s.publisher).text(s.title_nb).text(s.title_nn).text(s.title_en);
        sources.text(s.as_of).text(s.licence).text(s.link);
    }
    sources.finish();
}

void write_sources(Book& book, const Dataset& d, const DatasetStyles& styles) {
    RecordSheet out(book, d, styles, "Sources", {"source", "file", "sheet"});
    for (std::size_t i = 0; i < d.sources.size(); ++i) {
        out.next(Origin{}, [i] { return "source " + std::to_string(i + 1); });
        out.year(static_cast<int>(i + 1)).text(d.sources[i].file).text(d.sources[i].sheet);
    }
    out.finish();
}

}  // namespace

std::vector<OptionInfo> write_options() {
    using T = OptionInfo::Type;
    return {
        {"constant-memory",
         T::choice,
         "auto",
         {"auto", "yes", "no"},
         "Write sheets row by row through a temporary file, in little memory, with strings "
         "inline instead of shared; auto does so for a dataset with a sheet of more than " +
             std::to_string(constant_memory_rows) + " rows"},
        {"invalid-text",
         T::choice,
         "replace",
         {"replace", "error"},
         "Text that is not valid UTF-8 or holds control characters: replace the bad bytes "
         "with U+FFFD (and warn), or stop with an error naming the record"},
    };
}

void apply_options(const Options& options, std::size_t largest_sheet, BookSettings& settings) {
    OptionReader read(write_options(), options);
    const std::string& memory = read.choice("constant-memory");
    settings.constant_memory =
        memory == "yes" || (memory == "auto" && largest_sheet > constant_memory_rows);
    settings.invalid_text =
        read.choice("invalid-text") == "error" ? InvalidText::refuse : InvalidText::replace;
}

void write_dataset(const Dataset& dataset, const std::filesystem::path& output,
                   const Options& options, Diagnostics& diagnostics) {
    std::size_t sections = 0;
    for (const Nomination& n : dataset.nominations) sections += n.sections.size();
    std::size_t largest = std::max({dataset.municipalities.size(), dataset.settlement.size(),
                                    dataset.programmes.size(), dataset.outcomes.size(),
                                    dataset.nominations.size(), sections});
    if (largest >= LXW_ROW_MAX)
        throw Error("xlsx: a sheet would need " + std::to_string(largest + 1) +
                        " rows; a worksheet holds at most " + std::to_string(LXW_ROW_MAX),
                    Location::at(output.string()));

    BookSettings settings;
    apply_options(options, largest, settings);
    settings.created = creation_time("", diagnostics);
    settings.title = dataset.info.title;
    settings.comments = dataset.info.description;
    settings.subject = joined(dataset.info.provenance, "; ");

    Diagnostics local;
    try {
        write_atomically(output, [&](const std::filesystem::path& temp) {
            Book book(temp, output.string(), settings, local);
            DatasetStyles styles(book);
            write_municipalities(book, dataset, styles);
            write_settlement(book, dataset, styles);
            write_programmes(book, dataset, styles);
            write_outcomes(book, dataset, styles);
            write_nominations(book, dataset, styles);
            write_indicators(book, dataset, styles);
            write_dataset_info(book, dataset, styles);
            write_sources(book, dataset, styles);
            book.close();
        });
    } catch (...) {
        diagnostics.append(local);
        throw;
    }
    diagnostics.append(local);
}

}  // namespace kdx::xlsx
