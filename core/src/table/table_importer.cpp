// TableImporter: the TableSink readers push sheets into, and the read options
// every table format shares.
#include <map>
#include <utility>

#include "kdx/error.hpp"
#include "kdx/options.hpp"
#include "kdx/table_import.hpp"
#include "population.hpp"
#include "table/cell_value.hpp"
#include "table/repeated_keys.hpp"
#include "table/sheet_reader.hpp"
#include "table/stream_repeats.hpp"

namespace kdx {

using table_detail::ImportContext;
using table_detail::SheetReader;

const std::vector<OptionInfo>& table_import_option_infos() {
    static const std::vector<OptionInfo> infos{
        {"mapping",
         OptionInfo::Type::string,
         "",
         {},
         "A kdx-mapping-1 XML file naming the sheet, header row and columns to read and how "
         "values are written (docs/mapping.md); without one, columns are recognised by their "
         "headers"},
        {"sheet",
         OptionInfo::Type::string,
         "",
         {},
         "Read only this sheet (default: every sheet with a recognisable header)"},
        {"include-hidden",
         OptionInfo::Type::boolean,
         "false",
         {},
         "Read hidden sheets and rows too"},
        {"symbols",
         OptionInfo::Type::choice,
         "auto",
         {"auto", "ssb", "imdi", "kdx"},
         "Whose table symbols the file follows (docs/mapping.md, Symbols): ssb reads \"-\" as "
         "0 and \":\" as suppressed, imdi and kdx read \"-\" and \".\" as no figure; auto: "
         "the mapping's, else the publisher kdx recognises from the layout, else kdx"},
    };
    return infos;
}

TableImportOptions table_import_options(const Options& options) {
    // The format's own options (delimiter, ...) are the format's to check.
    OptionReader read(table_import_option_infos(), options, OptionReader::Unknown::ignore);
    TableImportOptions o;
    o.mapping_file = read.text("mapping");
    o.sheet = read.text("sheet");
    o.include_hidden = read.boolean("include-hidden");
    if (read.choice("symbols") != "auto") o.symbols = read.choice("symbols");
    return o;
}

struct TableImporter::State {
    State(Dataset& d, Diagnostics& diag, TableImportOptions o)
        : import(d, diag, std::move(o)),
          records_before(size(d)),
          settlement_before(d.settlement.size()),
          outcomes_before(d.outcomes.size()) {}

    static std::size_t size(const Dataset& d) {
        return d.municipalities.size() + d.settlement.size() + d.outcomes.size();
    }

    ImportContext import;
    std::unique_ptr<SheetReader> sheet;
    std::string file;
    std::vector<std::string> sheet_names;
    bool sheet_matched = false;
    bool header_found = false;
    bool header_problem = false;  // reported by the sheet already
    // Sheets without a header: the rows searched and what the closest row lacked.
    std::vector<std::string> searched;
    // Sheets with data rows that gave no figures: message and place.
    std::vector<std::pair<std::string, Location>> no_figures;
    std::size_t records_before = 0;
    std::size_t settlement_before = 0;
    std::size_t outcomes_before = 0;

    // Streaming (stream_to): where parts go, the records handed on so far,
    // and the latest population outcome of each municipality among them.
    BatchSink* sink = nullptr;
    std::size_t part_size = 0;
    bool stopped = false;
    std::size_t settlement_handed = 0, outcomes_handed = 0;
    table_detail::StreamRepeats repeats;
    std::map<std::string, std::pair<int, Value>> population;

    std::size_t settlement_count() const {
        return import.dataset.settlement.size() + settlement_handed;
    }
    std::size_t outcomes_count() const { return import.dataset.outcomes.size() + outcomes_handed; }

    // Hands the records read so far to the sink.
    void hand_on() {
        Dataset& d = import.dataset;
        if (stopped || (d.settlement.empty() && d.outcomes.empty())) return;
        std::string why;
        if (!repeats.filter(d, why)) {
            stopped = true;
            d.settlement.clear();
            d.outcomes.clear();
            sink->needs_whole(why);
            return;
        }
        // As update_population(): the first outcome of the latest year wins.
        for (const Outcome& o : d.outcomes) {
            if (o.indicator != population_indicator || !o.programme.empty() || !o.value.has_value())
                continue;
            auto [it, fresh] = population.try_emplace(o.municipality, o.year, o.value);
            if (!fresh && o.year > it->second.first) it->second = {o.year, o.value};
        }
        settlement_handed += d.settlement.size();
        outcomes_handed += d.outcomes.size();
        if (!sink->records(d)) stopped = true;
        d.settlement.clear();
        d.outcomes.clear();
    }

    // The sheet the user asked for, by option or mapping; empty for all.
    const std::string& wanted_sheet() const {
        return import.options.sheet.empty() ? import.mapping.sheet : import.options.sheet;
    }
};

TableImporter::TableImporter(Dataset& dataset, Diagnostics& diagnostics, TableImportOptions options)
    : state_(std::make_unique<State>(dataset, diagnostics, std::move(options))) {}

TableImporter::~TableImporter() = default;

void TableImporter::stream_to(BatchSink& sink, std::size_t part_size) {
    state_->sink = &sink;
    state_->part_size = part_size == 0 ? 1 : part_size;
}

bool TableImporter::stopped() const noexcept { return state_->stopped; }

bool TableImporter::begin_sheet(const SheetInfo& sheet) {
    State& s = *state_;
    if (s.stopped) return false;
    s.sheet.reset();
    s.file = sheet.file;
    s.sheet_names.push_back(sheet.name);
    // A text file has one table; a sheet name asked for cannot apply to it.
    if (!sheet.lines && !s.wanted_sheet().empty() && sheet.name != s.wanted_sheet()) return false;
    s.sheet_matched = true;
    if (sheet.hidden && !s.import.options.include_hidden) {
        s.import.diagnostics.info(
            "sheet \"" + sheet.name + "\" skipped: it is hidden (include-hidden=true reads it)",
            Location::at(sheet.file));
        return false;
    }
    s.sheet = std::make_unique<SheetReader>(s.import, sheet);
    return true;
}

bool TableImporter::row(const Row& row) {
    State& s = *state_;
    if (!s.sheet || s.stopped || !s.sheet->row(row)) return false;
    if (s.sink && s.sheet->records_final() &&
        s.import.dataset.settlement.size() + s.import.dataset.outcomes.size() >= s.part_size)
        s.hand_on();
    return !s.stopped;
}

void TableImporter::end_sheet() {
    State& s = *state_;
    if (!s.sheet) return;
    s.sheet->end();
    s.header_found = s.header_found || s.sheet->header_found();
    s.header_problem = s.header_problem || s.sheet->header_problem();
    if (!s.sheet->header_found() && !s.sheet->header_problem())
        s.searched.push_back(s.sheet->searched());
    if (!s.sheet->no_figures().empty())
        s.no_figures.emplace_back(s.sheet->no_figures(), s.sheet->no_figures_at());
    s.sheet.reset();
    // Every layout is done with its records at the end of its sheet.
    if (s.sink) s.hand_on();
}

void TableImporter::finish() {
    State& s = *state_;
    if (s.sheet) end_sheet();
    if (s.stopped) return;  // the caller reads the whole dataset instead
    if (s.sink) {
        s.hand_on();
        if (s.stopped) return;
        s.repeats.finish(s.import.diagnostics);
        for (Municipality& m : s.import.dataset.municipalities) {
            auto it = s.population.find(m.number);
            if (it != s.population.end())
                m.population = static_cast<std::int64_t>(it->second.second.get());
        }
    } else {
        table_detail::drop_repeated_keys(s.import.dataset, s.import.diagnostics,
                                         s.settlement_before, s.outcomes_before);
        update_population(s.import.dataset);
    }
    Location where = Location::at(s.file);
    if (!s.wanted_sheet().empty() && !s.sheet_matched) {
        std::string names;
        for (const std::string& n : s.sheet_names)
            names += (names.empty() ? "\"" : ", \"") + n + "\"";
        s.import.diagnostics.error("expected a sheet named \"" + s.wanted_sheet() + "\", found " +
                                       (names.empty() ? std::string("no sheets") : names),
                                   where);
    } else if (s.sheet_names.empty()) {
        s.import.diagnostics.error("the file holds no table", where);
    } else if (!s.header_found && !s.header_problem) {
        // Say where kdx looked and what the closest row lacked: a header
        // needs a municipality column and a year or figure column beside it.
        std::string searched;
        for (const std::string& text : s.searched)
            searched += (searched.empty() ? "" : "; ") + text;
        s.import.diagnostics.error(
            "nothing could be read: no table has a header row kdx recognises (a municipality "
            "column beside a year or figure column; searched " +
                (searched.empty() ? std::string("no rows") : searched) +
                "); name its columns in a mapping file (mapping=FILE, see docs/mapping.md)",
            where);
    } else if (s.settlement_count() == s.settlement_before &&
               s.outcomes_count() == s.outcomes_before && !s.no_figures.empty()) {
        // A file whose data rows gave nothing at all: an error, whatever
        // command reads it. (A sheet of municipalities beside sheets of
        // figures, as kdx's own workbooks have, is fine.)
        for (auto& [message, at] : s.no_figures) s.import.diagnostics.error(message, at);
    } else if (s.header_found &&
               State::size(s.import.dataset) + s.settlement_handed + s.outcomes_handed ==
                   s.records_before) {
        s.import.diagnostics.warning("the table has a header row but no figures were read", where);
    }
}

}  // namespace kdx
