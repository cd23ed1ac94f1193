// A Dataset as a workbook: one sheet per kind of record, with the column
// names the csv format uses, typed cells, a frozen header and an autofilter;
// whole, or in parts as a converter reads them (open_batches).
#include <algorithm>
#include <iterator>
#include <memory>
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

// Writes one record per row below a header; the row is 0-based. Rows go in
// order, as a sheet in constant-memory mode takes them.
class RecordSheet {
  public:
    RecordSheet(Book& book, const DatasetStyles& styles, const std::string& name,
                const std::vector<const char*>& columns)
        : sheet_(book.add_sheet(name)), styles_(styles), columns_(columns.size()) {
        for (std::size_t c = 0; c < columns.size(); ++c)
            sheet_.text(0, static_cast<lxw_col_t>(c), columns[c], &styles.header);
    }

    // Starts the next record, read from `d`'s sources; `describe` names it in
    // messages about its text (called at once, while `d` lives). The record's
    // origin is kept here, so that the message's function is small enough
    // for std::function to hold without allocating: one a row.
    template <class Describe>
    RecordSheet& next(const Dataset& d, const Origin& origin, Describe describe) {
        ++row_;
        col_ = 0;
        dataset_ = &d;
        origin_ = origin;
        sheet_.set_record([this, describe]() {
            std::string where = dataset_->location_of(origin_).to_string();
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
    const Style& unit(Unit u) const { return styles_.unit[static_cast<int>(u)]; }

    void finish() {
        sheet_.set_record(nullptr);
        worksheet_freeze_panes(sheet_.get(), 1, 0);
        auto last_col = static_cast<lxw_col_t>(columns_ - 1);
        sheet_.check(worksheet_autofilter(sheet_.get(), 0, 0, row_, last_col));
        sheet_.apply_widths();
    }

  private:
    Sheet& sheet_;
    const DatasetStyles& styles_;
    std::size_t columns_;
    lxw_row_t row_ = 0;
    lxw_col_t col_ = 0;
    const Dataset* dataset_ = nullptr;  // of the current record
    Origin origin_;
};

// The sheets of a dataset's workbook, in their order.
enum SheetKind {
    municipalities_sheet,
    settlement_sheet,
    programmes_sheet,
    outcomes_sheet,
    nominations_sheet,
    sections_sheet,
    indicators_sheet,
    info_sheet,
    data_sources_sheet,
    sources_sheet,
    sheet_kinds
};

struct SheetSpec {
    const char* name;
    std::vector<const char*> columns;
};

const SheetSpec& spec(SheetKind kind) {
    static const SheetSpec specs[sheet_kinds] = {
        {"Municipalities",
         {"number", "name", "county_number", "county_name", "imdi_region", "language", "population",
          "other_names", "valid_from", "valid_to"}},
        {"Settlement",
         {"municipality", "municipality_name", "year", "requested", "decided", "settled",
          "unaccompanied_minors", "family_reunifications"}},
        {"Programmes", {"id", "municipality", "kind", "name", "description", "partners", "years"}},
        {"Outcomes",
         {"municipality", "programme", "indicator", "year", "value", "unit", "cohort_size",
          "source"}},
        {"Nominations",
         {"prize", "year", "municipality", "status", "summary", "last_updated", "votes"}},
        {"Nomination sections", {"prize", "year", "municipality", "heading", "text"}},
        {"Indicators", {"id", "label_nb", "label_nn", "label_en", "unit", "additive"}},
        {"Dataset", {"field", "value"}},
        {"Data sources",
         {"publisher", "title_nb", "title_nn", "title_en", "as_of", "licence", "link"}},
        {"Sources", {"source", "file", "sheet"}},
    };
    return specs[kind];
}

void municipality_rows(RecordSheet& out, const Dataset& d) {
    for (const Municipality& m : d.municipalities) {
        out.next(d, m.origin, [&] { return "municipality " + m.number; });
        out.text(m.number).text(m.name).text(m.county_number).text(m.county_name);
        out.text(m.imdi_region).text(to_string(m.language));
        out.count(m.population ? Value(static_cast<double>(*m.population)) : Value());
        out.text(joined(m.other_names, "; ")).year(m.valid_from).year(m.valid_to);
    }
}

// `rows` are `d`'s or a part's; `d` names their municipalities and sources.
void settlement_rows(RecordSheet& out, const std::vector<SettlementFigures>& rows,
                     const Dataset& d) {
    for (const SettlementFigures& s : rows) {
        out.next(d, s.origin, [&] {
            return "the settlement figures of " + s.municipality + " for " + std::to_string(s.year);
        });
        const Municipality* m = d.find_municipality(s.municipality);
        out.text(s.municipality).text(m ? m->name : std::string()).year(s.year);
        out.count(s.requested).count(s.decided).count(s.settled);
        out.count(s.unaccompanied_minors).count(s.family_reunifications);
    }
}

void programme_rows(RecordSheet& out, const Dataset& d) {
    for (const Programme& p : d.programmes) {
        out.next(d, p.origin, [&] { return "programme " + p.id; });
        std::vector<std::string> years;
        for (int y : p.years) years.push_back(std::to_string(y));
        out.text(p.id).text(p.municipality).text(to_string(p.kind)).text(p.name);
        out.text(p.description).text(joined(p.partners, "; ")).text(joined(years, " "));
    }
}

void outcome_rows(RecordSheet& out, const std::vector<Outcome>& rows, const Dataset& d) {
    for (const Outcome& o : rows) {
        out.next(d, o.origin, [&] {
            return "outcome " + o.indicator + " of " + o.municipality + " for " +
                   std::to_string(o.year);
        });
        out.text(o.municipality).text(o.programme).text(o.indicator).year(o.year);
        out.value(o.value, out.unit(o.unit)).text(to_string(o.unit));
        out.count(o.cohort_size).text(o.source);
    }
}

std::string nomination_name(const Nomination& n) {
    return "the nomination of " + n.municipality + " for " + std::to_string(n.year);
}

void nomination_rows(RecordSheet& out, const Dataset& d) {
    for (const Nomination& n : d.nominations) {
        out.next(d, n.origin, [&] { return nomination_name(n); });
        out.text(n.prize).year(n.year).text(n.municipality).text(to_string(n.status));
        out.text(n.summary).text(n.last_updated).count(n.votes);
    }
}

void section_rows(RecordSheet& out, const Dataset& d) {
    for (const Nomination& n : d.nominations) {
        for (const Section& s : n.sections) {
            out.next(d, n.origin, [&] { return nomination_name(n) + ", section " + s.heading; });
            out.text(n.prize).year(n.year).text(n.municipality).text(s.heading).text(s.text);
        }
    }
}

void indicator_rows(RecordSheet& out, const Dataset& d) {
    for (const Indicator& i : d.indicators) {
        out.next(d, Origin{}, [&] { return "indicator " + i.id; });
        out.text(i.id).text(i.label_nb).text(i.label_nn).text(i.label_en).text(to_string(i.unit));
        out.text(i.additive ? "true" : "false");
    }
}

// The dataset's own description: a row per field (a provenance note per row).
void info_rows(RecordSheet& out, const Dataset& d) {
    auto field = [&](const char* name, const std::string& value) {
        if (value.empty()) return;
        out.next(d, Origin{}, [name] { return std::string("dataset ") + name; });
        out.text(name).text(value);
    };
    field("title", d.info.title);
    field("description", d.info.description);
    field("language", d.info.language);
    field("publisher", d.info.publisher);
    for (const std::string& note : d.info.provenance) field("provenance", note);
}

// The statistics the dataset cites, a row per data source.
void data_source_rows(RecordSheet& out, const Dataset& d) {
    for (const DataSource& s : d.info.data_sources) {
        out.next(d, Origin{}, [&s] { return "data source " + s.publisher; });
        out.text(s.publisher).text(s.title_nb).text(s.title_nn).text(s.title_en);
        out.text(s.as_of).text(s.licence).text(s.link);
    }
}

void source_rows(RecordSheet& out, const Dataset& d) {
    for (std::size_t i = 0; i < d.sources.size(); ++i) {
        out.next(d, Origin{}, [i] { return "source " + std::to_string(i + 1); });
        out.year(static_cast<int>(i + 1)).text(d.sources[i].file).text(d.sources[i].sheet);
    }
}

// The rows of `d` that go in a sheet of `kind`.
void rows(SheetKind kind, RecordSheet& out, const Dataset& d) {
    switch (kind) {
        case municipalities_sheet:
            return municipality_rows(out, d);
        case settlement_sheet:
            return settlement_rows(out, d.settlement, d);
        case programmes_sheet:
            return programme_rows(out, d);
        case outcomes_sheet:
            return outcome_rows(out, d.outcomes, d);
        case nominations_sheet:
            return nomination_rows(out, d);
        case sections_sheet:
            return section_rows(out, d);
        case indicators_sheet:
            return indicator_rows(out, d);
        case info_sheet:
            return info_rows(out, d);
        case data_sources_sheet:
            return data_source_rows(out, d);
        case sources_sheet:
            return source_rows(out, d);
        case sheet_kinds:
            break;
    }
}

std::size_t section_count(const Dataset& d) {
    std::size_t sections = 0;
    for (const Nomination& n : d.nominations) sections += n.sections.size();
    return sections;
}

// The most rows a sheet of `d` takes, given `settlement` and `outcomes`
// records written before it.
std::size_t largest_sheet(const Dataset& d, std::size_t settlement = 0, std::size_t outcomes = 0) {
    return std::max({d.municipalities.size(), settlement + d.settlement.size(), d.programmes.size(),
                     outcomes + d.outcomes.size(), d.nominations.size(), section_count(d)});
}

void check_rows(std::size_t largest, const std::filesystem::path& output) {
    if (largest >= LXW_ROW_MAX)
        throw Error("xlsx: a sheet would need " + std::to_string(largest + 1) +
                        " rows; a worksheet holds at most " + std::to_string(LXW_ROW_MAX),
                    Location::at(output.string()));
}

void describe(BookSettings& settings, const DatasetInfo& info) {
    settings.title = info.title;
    settings.comments = info.description;
    settings.subject = joined(info.provenance, "; ");
}

// The whole dataset, sheet after sheet (in memory unless constant_memory).
void write_book(const Dataset& dataset, const std::filesystem::path& output,
                const BookSettings& settings, Diagnostics& diagnostics) {
    Diagnostics local;
    try {
        write_atomically(output, [&](const std::filesystem::path& temp) {
            Book book(temp, output.string(), settings, local);
            DatasetStyles styles(book);
            for (int k = 0; k < sheet_kinds; ++k) {
                const auto kind = static_cast<SheetKind>(k);
                RecordSheet out(book, styles, spec(kind).name, spec(kind).columns);
                rows(kind, out, dataset);
                out.finish();
            }
            book.close();
        });
    } catch (...) {
        diagnostics.append(local);
        throw;
    }
    diagnostics.append(local);
}

// The workbook written in parts. A sheet in constant-memory mode keeps its
// rows in a temporary file of its own and takes them in order only, so all
// sheets are made when the workbook is opened, and the settlement and
// outcome rows go to theirs as they come; the other sheets are written at
// commit. With inline strings (constant memory) the file is the same as
// one written sheet after sheet. With constant-memory=auto the parts are
// held until a sheet passes constant_memory_rows: a smaller dataset is
// written whole at commit, as write_dataset() writes it.
class XlsxBatches : public BatchWriter {
  public:
    XlsxBatches(const std::filesystem::path& output, BookSettings settings, bool hold)
        : output_(output), settings_(std::move(settings)), hold_(hold) {
        if (!hold_) open();
    }

    void write(const Dataset& part, Diagnostics& diagnostics) override {
        settlement_ += part.settlement.size();
        outcomes_ += part.outcomes.size();
        // Past the most rows a sheet holds: counted only, for commit's message.
        if (std::max(settlement_, outcomes_) >= LXW_ROW_MAX) return;
        if (!book_) {
            if (settlement_ <= constant_memory_rows && outcomes_ <= constant_memory_rows) {
                held_.settlement.insert(held_.settlement.end(), part.settlement.begin(),
                                        part.settlement.end());
                held_.outcomes.insert(held_.outcomes.end(), part.outcomes.begin(),
                                      part.outcomes.end());
                return;
            }
            open();
            write_rows(held_, part, diagnostics);
            held_ = Dataset();
        }
        write_rows(part, part, diagnostics);
    }

    void commit(const Dataset& rest, Diagnostics& diagnostics) override {
        check_rows(largest_sheet(rest, settlement_, outcomes_), output_);
        if (!book_) {
            // Held whole: written as write_dataset() writes it.
            Dataset whole = rest;
            whole.settlement.insert(whole.settlement.begin(),
                                    std::make_move_iterator(held_.settlement.begin()),
                                    std::make_move_iterator(held_.settlement.end()));
            whole.outcomes.insert(whole.outcomes.begin(),
                                  std::make_move_iterator(held_.outcomes.begin()),
                                  std::make_move_iterator(held_.outcomes.end()));
            held_ = Dataset();
            settings_.constant_memory = largest_sheet(whole) > constant_memory_rows;
            describe(settings_, whole.info);
            write_book(whole, output_, settings_, diagnostics);
            return;
        }
        try {
            for (int k = 0; k < sheet_kinds; ++k) {
                rows(static_cast<SheetKind>(k), *sheets_[k], rest);
                sheets_[k]->finish();
            }
            describe(settings_, rest.info);
            book_->describe(settings_.title, settings_.subject, settings_.comments);
            book_->close();
            file_->commit();
        } catch (...) {
            diagnostics.append(local_);
            throw;
        }
        diagnostics.append(local_);
    }

  private:
    void open() {
        settings_.constant_memory = true;
        file_ = std::make_unique<AtomicFile>(output_);
        book_ = std::make_unique<Book>(file_->temp_path(), output_.string(), settings_, local_);
        styles_ = std::make_unique<DatasetStyles>(*book_);
        for (int k = 0; k < sheet_kinds; ++k) {
            const auto kind = static_cast<SheetKind>(k);
            sheets_[k] = std::make_unique<RecordSheet>(*book_, *styles_, spec(kind).name,
                                                       spec(kind).columns);
        }
    }

    // The settlement figures and outcomes of `records`, with `d`'s lookups.
    void write_rows(const Dataset& records, const Dataset& d, Diagnostics& diagnostics) {
        try {
            settlement_rows(*sheets_[settlement_sheet], records.settlement, d);
            outcome_rows(*sheets_[outcomes_sheet], records.outcomes, d);
        } catch (...) {
            diagnostics.append(local_);
            local_ = Diagnostics();
            throw;
        }
    }

    std::filesystem::path output_;
    BookSettings settings_;
    bool hold_;
    std::size_t settlement_ = 0, outcomes_ = 0;
    Dataset held_;
    Diagnostics local_;  // the book's, appended at commit
    // Destroyed in reverse: the sheets and the book before the file.
    std::unique_ptr<AtomicFile> file_;
    std::unique_ptr<Book> book_;
    std::unique_ptr<DatasetStyles> styles_;
    std::unique_ptr<RecordSheet> sheets_[sheet_kinds];
};

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
    const std::size_t largest = largest_sheet(dataset);
    check_rows(largest, output);
    BookSettings settings;
    apply_options(options, largest, settings);
    settings.created = creation_time("", diagnostics);
    describe(settings, dataset.info);
    write_book(dataset, output, settings, diagnostics);
}

std::unique_ptr<BatchWriter> open_batches(const std::filesystem::path& output,
                                          const Options& options, Diagnostics& diagnostics) {
    OptionReader read(write_options(), options);
    const std::string memory = read.choice("constant-memory");
    // Without constant memory every cell stays in memory until the end, and
    // the shared strings are numbered in sheet order: written whole. So is
    // invalid-text=error, which names the first bad cell in sheet order
    // (a part's rows would come before the Municipalities sheet's).
    if (memory == "no" || read.choice("invalid-text") == "error") return nullptr;
    BookSettings settings;
    apply_options(options, 0, settings);
    settings.created = creation_time("", diagnostics);
    return std::make_unique<XlsxBatches>(output, std::move(settings), memory == "auto");
}

}  // namespace kdx::xlsx
