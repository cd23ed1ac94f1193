#include "csv_parser.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "kdx/error.hpp"

namespace kdx::csv {

namespace {

constexpr std::size_t chunk_size = 1 << 16;

}  // namespace

TextReader::TextReader(std::istream& in, Encoding encoding) : in_(in), encoding_(encoding) {
    raw_.resize(chunk_size);
}

bool TextReader::fill() {
    text_.clear();
    pos_ = 0;
    while (text_.empty() && in_) {
        in_.read(raw_.data(), static_cast<std::streamsize>(raw_.size()));
        std::string_view got(raw_.data(), static_cast<std::size_t>(in_.gcount()));
        if (first_ && got.substr(0, 3) == "\xEF\xBB\xBF") got.remove_prefix(3);
        first_ = false;
        if (encoding_ == Encoding::windows_1252)
            append_windows_1252(got, text_);
        else
            text_.assign(got);
    }
    return !text_.empty();
}

RecordParser::RecordParser(TextReader& text, char separator, std::string file, RecordLimits limits)
    : text_(text), separator_(separator), file_(std::move(file)), limits_(limits) {}

void RecordParser::add_field(Record& record, std::string& field) const {
    if (record.fields.size() >= limits_.max_fields)
        throw Error("more than " + std::to_string(limits_.max_fields) +
                        " fields in one record (the read option max-columns allows more)",
                    Location::at(file_, record.line));
    record.fields.push_back(std::move(field));
}

void RecordParser::check_length(const Record& record, const std::string& field,
                                std::uint32_t line) const {
    if (field.size() > limits_.max_field_bytes)
        throw Error("a field of more than " + std::to_string(limits_.max_field_bytes) +
                        " bytes starts here (a quote \" missing? the read option "
                        "max-field-length allows longer fields)",
                    Location::at(file_, line, static_cast<unsigned>(record.fields.size() + 1)));
}

bool RecordParser::next(Record& record) {
    if (text_.peek() < 0) return false;
    record.line = line_;
    record.fields.clear();
    std::string field;
    enum class State { start, unquoted, quoted, after_quote } state = State::start;
    std::uint32_t quote_line = 0;
    for (;;) {
        int c = text_.get();
        if (state == State::quoted) {
            if (c < 0)
                throw Error(
                    "a quoted field opens here and is not closed before the end of the "
                    "file (a quote \" missing?)",
                    Location::at(file_, quote_line,
                                 static_cast<unsigned>(record.fields.size() + 1)));
            if (c == '"') {
                if (text_.peek() == '"') {
                    text_.get();
                    field += '"';
                    check_length(record, field, quote_line);
                } else {
                    state = State::after_quote;
                }
            } else if (c == '\r' || c == '\n') {
                // A line break inside quotes belongs to the field, written as LF.
                if (c == '\r' && text_.peek() == '\n') text_.get();
                field += '\n';
                check_length(record, field, quote_line);
                ++line_;
            } else {
                field += static_cast<char>(c);
                check_length(record, field, quote_line);
            }
            continue;
        }
        if (c < 0 || c == '\n' || c == '\r') {
            if (c == '\r' && text_.peek() == '\n') text_.get();
            if (c >= 0) ++line_;
            add_field(record, field);
            return true;
        }
        if (c == separator_) {
            add_field(record, field);
            field.clear();
            state = State::start;
        } else if (c == '"' && state == State::start) {
            state = State::quoted;
            quote_line = line_;
        } else {
            // Text after a closing quote, or a quote inside an unquoted
            // field, is kept as written, as spreadsheets do.
            field += static_cast<char>(c);
            check_length(record, field, line_);
            if (state == State::start) state = State::unquoted;
        }
    }
}

char sniff_separator(std::string_view sample, bool complete) {
    constexpr std::size_t max_records = 100;
    char best = ',';
    std::size_t best_records = 0, best_fields = 0;
    for (char candidate : {';', '\t', ','}) {
        std::vector<std::size_t> counts;
        std::size_t count = 0;
        bool quoted = false;
        for (std::size_t i = 0; i < sample.size() && counts.size() < max_records; ++i) {
            char c = sample[i];
            if (c == '"') {
                quoted = !quoted;  // a doubled quote toggles twice
            } else if (!quoted && c == candidate) {
                ++count;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (c == '\r' && i + 1 < sample.size() && sample[i + 1] == '\n') ++i;
                counts.push_back(count);
                count = 0;
            }
        }
        if (complete && count > 0) counts.push_back(count);
        // Title rows have no separators; the table's records share one count.
        std::map<std::size_t, std::size_t> frequency;
        for (std::size_t n : counts)
            if (n > 0) ++frequency[n];
        for (const auto& [fields, records] : frequency)
            if (records > best_records || (records == best_records && fields > best_fields)) {
                best = candidate;
                best_records = records;
                best_fields = fields;
            }
    }
    return best;
}

}  // namespace kdx::csv
