#include "csv_writer.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "csv_dialect.hpp"
#include "csv_encoding.hpp"
#include "kdx/atomic_file.hpp"
#include "kdx/error.hpp"
#include "kdx/options.hpp"
#include "kdx/utf8.hpp"

namespace kdx::csv {

namespace {

// The first text Windows-1252 cannot hold, found by a pass that writes nothing.
struct Unencodable {
    std::size_t record = 0;  // 1-based, the header being record 1
    std::string key;         // the record's first field
    std::string column;
    std::string text;
    char32_t code_point = 0;
    std::size_t fields = 0;  // fields that would lose characters
};

// Writes records in the chosen dialect: fields quoted when they hold the
// separator, a quote or a line break, quotes doubled, records ended by CRLF
// (RFC 4180 with the default dialect). Records are gathered in a buffer and
// written to the stream in blocks; flush() writes the rest. Without a stream
// it only looks for text the encoding cannot hold.
class CsvOut {
  public:
    CsvOut(std::ostream* out, bool protect, const Dialect& dialect)
        : out_(out), protect_(protect), dialect_(dialect) {
        buffer_.reserve(block + 4096);
    }

    // A text field. Spreadsheets run text starting with = + - @ (or a tab or
    // CR before one) as a formula; a leading apostrophe keeps it text.
    CsvOut& text(const std::string& s) {
        if (protect_ && !s.empty() &&
            (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' ||
             s[0] == '\r'))
            return raw("'" + s);
        return raw(s);
    }
    // A number as kdx writes it: plain, "" for missing, ":" for suppressed,
    // with the dialect's decimal mark.
    CsvOut& value(const Value& v) {
        std::string s = to_string(v);
        if (dialect_.decimal != '.') std::replace(s.begin(), s.end(), '.', dialect_.decimal);
        return raw(s);
    }
    CsvOut& integer(long long n) { return raw(std::to_string(n)); }
    CsvOut& year(int y) { return raw(y ? std::to_string(y) : std::string()); }

    void header(const std::vector<const char*>& names) {
        columns_.assign(names.begin(), names.end());
        for (const char* n : names) text(n);
        end();
    }

    void end() {
        buffer_ += "\r\n";
        field_ = 0;
        ++record_;
        if (buffer_.size() >= block) flush();
    }

    void flush() {
        if (out_) out_->write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
        buffer_.clear();
    }

    // Fields whose bytes were not UTF-8 (a reader let them through).
    std::size_t repaired() const noexcept { return repaired_; }
    const Unencodable& unencodable() const noexcept { return unencodable_; }

  private:
    CsvOut& raw(std::string_view text) {
        std::string fixed;
        std::string_view s = text;
        if (!utf8::valid(text)) {
            fixed = utf8::repaired(text);  // a U+FFFD for each maximal subpart of bad bytes
            s = fixed;
            ++repaired_;
        }
        if (field_ == 0) key_.assign(s);
        if (dialect_.encoding == OutputEncoding::windows_1252) {
            encoded_.clear();
            if (char32_t c = append_as_windows_1252(s, encoded_)) note_unencodable(s, c);
            s = encoded_;
        }
        if (field_++ > 0) buffer_ += dialect_.delimiter;
        if (!out_) return *this;
        // A loop, not find_first_of: that calls memchr on the special characters for each one.
        const char delimiter = dialect_.delimiter;
        if (std::none_of(s.begin(), s.end(), [delimiter](char c) {
                return c == delimiter || c == '"' || c == '\r' || c == '\n';
            })) {
            buffer_ += s;
        } else {
            buffer_ += '"';
            for (char c : s) {
                if (c == '"') buffer_ += '"';
                buffer_ += c;
            }
            buffer_ += '"';
        }
        return *this;
    }

    void note_unencodable(std::string_view s, char32_t c) {
        Unencodable& u = unencodable_;
        if (u.fields++ > 0) return;
        u.record = record_ + 1;
        u.key = key_;
        u.column = field_ < columns_.size() ? columns_[field_] : std::string();
        u.text.assign(s);
        u.code_point = c;
    }

    static constexpr std::size_t block = 1 << 16;
    std::string buffer_;
    std::string encoded_;
    std::string key_;
    std::ostream* out_;
    bool protect_;
    Dialect dialect_;
    std::vector<std::string> columns_;
    std::size_t field_ = 0;
    std::size_t record_ = 0;
    std::size_t repaired_ = 0;
    Unencodable unencodable_;
};

void header(CsvOut& out, const std::vector<const char*>& names) { out.header(names); }

std::string joined(const std::vector<std::string>& parts, const char* separator) {
    std::string s;
    for (const std::string& p : parts) s += (s.empty() ? "" : separator) + p;
    return s;
}

const std::vector<const char*> settlement_columns{
    "municipality",         "municipality_name",    "year", "requested", "decided", "settled",
    "unaccompanied_minors", "family_reunifications"};
const std::vector<const char*> outcome_columns{
    "municipality", "programme", "indicator", "year", "value", "unit", "cohort_size", "source"};

void settlement_rows(const Dataset& d, CsvOut& out) {
    const Municipality* m = nullptr;
    for (const SettlementFigures& s : d.settlement) {
        // Records come in runs of one municipality: look it up when it changes.
        if (!m || m->number != s.municipality) m = d.find_municipality(s.municipality);
        out.text(s.municipality).text(m ? m->name : std::string()).year(s.year);
        out.value(s.requested).value(s.decided).value(s.settled);
        out.value(s.unaccompanied_minors).value(s.family_reunifications).end();
    }
}

void write_settlement(const Dataset& d, CsvOut& out) {
    header(out, settlement_columns);
    settlement_rows(d, out);
}

void outcome_rows(const Dataset& d, CsvOut& out) {
    for (const Outcome& o : d.outcomes) {
        out.text(o.municipality).text(o.programme).text(o.indicator).year(o.year);
        out.value(o.value).text(to_string(o.unit)).value(o.cohort_size).text(o.source).end();
    }
}

void write_outcomes(const Dataset& d, CsvOut& out) {
    header(out, outcome_columns);
    outcome_rows(d, out);
}

void write_municipalities(const Dataset& d, CsvOut& out) {
    header(out, {"number", "name", "county_number", "county_name", "imdi_region", "language",
                 "population", "other_names", "valid_from", "valid_to"});
    for (const Municipality& m : d.municipalities) {
        out.text(m.number).text(m.name).text(m.county_number).text(m.county_name);
        out.text(m.imdi_region).text(to_string(m.language));
        if (m.population)
            out.integer(*m.population);
        else
            out.text("");
        out.text(joined(m.other_names, "; ")).year(m.valid_from).year(m.valid_to).end();
    }
}

void write_programmes(const Dataset& d, CsvOut& out) {
    header(out, {"id", "municipality", "kind", "name", "description", "partners", "years"});
    for (const Programme& p : d.programmes) {
        std::vector<std::string> years;
        for (int y : p.years) years.push_back(std::to_string(y));
        out.text(p.id).text(p.municipality).text(to_string(p.kind)).text(p.name);
        out.text(p.description).text(joined(p.partners, "; ")).text(joined(years, " ")).end();
    }
}

void write_nominations(const Dataset& d, CsvOut& out, Diagnostics& diagnostics) {
    header(out, {"prize", "year", "municipality", "status", "summary", "last_updated", "votes"});
    std::size_t with_sections = 0;
    for (const Nomination& n : d.nominations) {
        out.text(n.prize).year(n.year).text(n.municipality).text(to_string(n.status));
        out.text(n.summary).text(n.last_updated).value(n.votes).end();
        if (!n.sections.empty()) ++with_sections;
    }
    if (with_sections > 0)
        diagnostics.info(std::to_string(with_sections) +
                         " nominations have text sections, which a CSV table does not hold; "
                         "the XML format keeps them");
}

void write_table(const Dataset& d, const std::string& table, CsvOut& out,
                 Diagnostics& diagnostics) {
    if (table == "settlement")
        write_settlement(d, out);
    else if (table == "outcomes")
        write_outcomes(d, out);
    else if (table == "municipalities")
        write_municipalities(d, out);
    else if (table == "programmes")
        write_programmes(d, out);
    else
        write_nominations(d, out, diagnostics);
}

// Windows-1252 loses every character it lacks, so a text holding one stops
// the write before the file is created.
void check_windows_1252(const Dataset& d, const std::string& table, bool protect,
                        const Dialect& dialect, const std::filesystem::path& output) {
    Diagnostics ignored;
    CsvOut check(nullptr, protect, dialect);
    write_table(d, table, check, ignored);
    const Unencodable& u = check.unencodable();
    if (u.fields == 0) return;
    const std::string character = utf8::encode(u.code_point);
    std::string more =
        u.fields > 1 ? " (and " + std::to_string(u.fields - 1) + " more fields)" : std::string();
    throw Error(table + " record " + std::to_string(u.record - 1) + " (" + u.key + "), " +
                    u.column + " \"" + u.text + "\": Windows-1252 has no \"" + character + "\" (" +
                    utf8::code_point_name(u.code_point) + ")" + more +
                    "; encoding=utf-8-bom keeps every character, and Excel reads it; nothing "
                    "was written",
                Location::at(output.string()));
}

}  // namespace

const std::vector<OptionInfo>& write_option_infos() {
    static const std::vector<OptionInfo> infos = [] {
        std::vector<OptionInfo> o{
            {"table",
             OptionInfo::Type::choice,
             "settlement",
             {"settlement", "outcomes", "municipalities", "programmes", "nominations"},
             "Which of the dataset's tables to write"},
            {"protect-formulas",
             OptionInfo::Type::boolean,
             "true",
             {},
             "Start text fields beginning with = + - @ (or a tab or CR) with an apostrophe so "
             "spreadsheets do not run them as formulas; numbers are written plainly"},
        };
        for (OptionInfo& d : dialect_option_infos()) o.push_back(std::move(d));
        return o;
    }();
    return infos;
}

namespace {

struct WriteSettings {
    std::string table;
    bool protect = true;
    Dialect dialect;
};

WriteSettings settings_for(const Options& options) {
    OptionReader read(write_option_infos(), options);
    return {read.choice("table"), read.boolean("protect-formulas"), dialect_for(options)};
}

std::ostream& start(AtomicFile& file, const Dialect& dialect) {
    std::ostream& stream = file.stream();
    if (dialect.encoding == OutputEncoding::utf8_bom) stream << "\xEF\xBB\xBF";
    return stream;
}

void finish(AtomicFile& file, CsvOut& out, const std::filesystem::path& output,
            Diagnostics& diagnostics) {
    std::ostream& stream = file.stream();
    out.flush();
    if (!stream)
        throw Error(std::string("could not write the file: ") + std::strerror(errno ? errno : EIO),
                    Location::at(output.string()));
    if (out.repaired() > 0)
        diagnostics.warning(
            std::to_string(out.repaired()) +
                " fields held bytes that are not UTF-8; each such byte is written as "
                "U+FFFD",
            Location::at(output.string()));
    file.commit();
}

// The settlement or outcomes table written part by part: the header when
// opened, each part's rows as they come, the rest's rows at commit. Other
// tables are all in the rest, and are written at commit.
class CsvBatches : public BatchWriter {
  public:
    CsvBatches(const std::filesystem::path& output, WriteSettings settings)
        : settings_(std::move(settings)),
          output_(output),
          file_(output),
          out_(&start(file_, settings_.dialect), settings_.protect, settings_.dialect) {
        if (settings_.table == "settlement") header(out_, settlement_columns);
        if (settings_.table == "outcomes") header(out_, outcome_columns);
    }

    void write(const Dataset& part, Diagnostics&) override {
        if (settings_.table == "settlement") settlement_rows(part, out_);
        if (settings_.table == "outcomes") outcome_rows(part, out_);
    }

    void commit(const Dataset& rest, Diagnostics& diagnostics) override {
        if (settings_.table == "settlement")
            settlement_rows(rest, out_);
        else if (settings_.table == "outcomes")
            outcome_rows(rest, out_);
        else
            write_table(rest, settings_.table, out_, diagnostics);
        finish(file_, out_, output_, diagnostics);
    }

  private:
    WriteSettings settings_;
    std::filesystem::path output_;
    AtomicFile file_;
    CsvOut out_;
};

}  // namespace

void write_csv(const Dataset& dataset, const std::filesystem::path& output, const Options& options,
               Diagnostics& diagnostics) {
    const WriteSettings w = settings_for(options);
    if (w.dialect.encoding == OutputEncoding::windows_1252)
        check_windows_1252(dataset, w.table, w.protect, w.dialect, output);
    AtomicFile file(output);
    CsvOut out(&start(file, w.dialect), w.protect, w.dialect);
    write_table(dataset, w.table, out, diagnostics);
    finish(file, out, output, diagnostics);
}

std::unique_ptr<BatchWriter> open_csv_batches(const std::filesystem::path& output,
                                              const Options& options, Diagnostics&) {
    WriteSettings w = settings_for(options);
    // Windows-1252 refuses a text it cannot hold before the file is created,
    // naming how many more there are: that needs the whole table.
    if (w.dialect.encoding == OutputEncoding::windows_1252) return nullptr;
    return std::make_unique<CsvBatches>(output, std::move(w));
}

}  // namespace kdx::csv
