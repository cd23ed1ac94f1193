#include "xlsx_sheet.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <thread>

#include "kdx/error.hpp"
#include "kdx/utf8.hpp"
#include "xlsx_read_xml.hpp"
#include "xlsx_row_handoff.hpp"
#include "xlsx_strings.hpp"

namespace kdx::xlsx {

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date, and back (H. Hinnant's algorithms).
long days_from_civil(long y, unsigned m, unsigned d) {
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468;
}

void civil_from_days(long z, long& y, unsigned& m, unsigned& d) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = static_cast<long>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
}

// The number a cell stores ("2018", "0.5", "1E-3"); false when the text is
// no number. Whole numbers of up to 15 digits, most cells, are read
// directly: exactly the double from_chars gives, for less.
bool stored_number(const std::string& text, double& number) {
    const std::size_t size = text.size();
    if (size > 0 && size <= 15) {
        std::uint64_t whole = 0;
        std::size_t i = 0;
        for (; i < size && text[i] >= '0' && text[i] <= '9'; ++i)
            whole = whole * 10 + static_cast<std::uint64_t>(text[i] - '0');
        if (i == size) {
            number = static_cast<double>(whole);
            return true;
        }
    }
    auto [end, ec] = std::from_chars(text.data(), text.data() + size, number);
    return ec == std::errc() && end == text.data() + size;
}

// Serial 1 is 1900-01-01. Serial 60 is 1900-02-29, a day that never was but
// which Lotus 1-2-3 counted and Excel keeps, so serials from 61 on are one
// day ahead of a plain count.
constexpr long unix_day_of_serial_61 = -25508;  // 1900-03-01

enum class Kind : unsigned char {
    number,
    shared,
    inline_string,
    formula_string,
    boolean,
    error,
    date
};

Kind kind_of(const char* t) {
    switch (t[0]) {
        case 's':
            return t[1] == '\0' ? Kind::shared : Kind::formula_string;  // "s" or "str"
        case 'i':
            return Kind::inline_string;
        case 'b':
            return Kind::boolean;
        case 'e':
            return Kind::error;
        case 'd':
            return Kind::date;
        default:
            return Kind::number;
    }
}

Location cell_location(const SheetSource& source, std::uint64_t row, std::uint64_t column) {
    return Location::at_cell(
        source.package.file(), source.name,
        cell_reference(static_cast<unsigned>(row), static_cast<unsigned>(column)));
}

// The rows go to `sink`, or with `handoff` to the thread that imports them.
class SheetHandler : public XmlHandler {
  public:
    SheetHandler(const SheetSource& source, TableSink& sink, Diagnostics& diagnostics)
        : source_(source), sink_(&sink), diagnostics_(diagnostics) {}
    explicit SheetHandler(const SheetSource& source, RowHandoff& handoff)
        : source_(source), handoff_(&handoff), diagnostics_(handoff.messages()) {}

    void start(const char* name, const char** attributes) override {
        std::string_view n = local_name(name);
        if (!in_data_) {
            in_data_ = n == "sheetData";
            return;
        }
        if (n == "c") {
            start_cell(attributes);
        } else if (n == "v") {
            collect_ = in_cell_;
            value_.clear();
        } else if (n == "f") {
            formula_ = true;
        } else if (n == "is") {
            in_inline_ = true;
            value_.clear();
        } else if (n == "t") {
            collect_ = in_inline_ && phonetic_ == 0;
        } else if (n == "rPh") {
            ++phonetic_;
        } else if (n == "row") {
            start_row(attributes);
        }
    }

    void end(const char* name) override {
        if (!in_data_) return;
        std::string_view n = local_name(name);
        if (n == "c") {
            if (in_cell_) end_cell();
        } else if (n == "v" || n == "t") {
            collect_ = false;
        } else if (n == "is") {
            in_inline_ = false;
        } else if (n == "rPh") {
            if (phonetic_ > 0) --phonetic_;
        } else if (n == "row") {
            end_row();
        } else if (n == "sheetData") {
            in_data_ = false;
            stop();  // what follows (merged ranges, links, print setup) is not needed
        }
    }

    void text(const char* data, int size) override {
        if (collect_) value_.append(data, static_cast<std::size_t>(size));
    }

    const MissingResults& missing_results() const noexcept { return missing_; }

  private:
    Location where(std::uint64_t row, std::uint64_t column) const {
        return cell_location(source_, row, column);
    }

    [[noreturn]] void fail(std::uint64_t row, std::uint64_t column, const std::string& message) {
        throw Error(message, where(row, std::max<std::uint64_t>(column, 1)));
    }

    void start_row(const char** attributes) {
        std::uint64_t number = row_number_ + 1;
        bool hidden = false;
        for (const char** a = attributes; *a; a += 2) {
            if (a[0][0] == 'r' && a[0][1] == '\0') {
                auto [end, ec] = std::from_chars(a[1], a[1] + std::strlen(a[1]), number);
                if (ec != std::errc() || *end != '\0' || number == 0)
                    fail(row_number_ + 1, 1,
                         "expected a row number in <row r=\"…\">, found \"" + std::string(a[1]) +
                             "\" (part " + source_.part + ")");
            } else if (std::strcmp(a[0], "hidden") == 0) {
                hidden = a[1][0] == '1' || a[1][0] == 't';
            }
        }
        if (number <= row_number_)
            fail(number, 1,
                 "row " + std::to_string(number) + " comes after row " +
                     std::to_string(row_number_) + "; rows must be in order (part " + source_.part +
                     ")");
        if (number > std::min<std::uint64_t>(source_.limits.max_rows, UINT32_MAX))
            fail(number, 1,
                 "row " + std::to_string(number) + " is beyond the limit of " +
                     std::to_string(source_.limits.max_rows) + " rows (max-rows)");
        row_number_ = number;
        row_.number = static_cast<std::uint32_t>(number);
        row_.hidden = hidden;
        row_.cells.clear();
        column_ = 0;
        row_has_value_ = false;
        in_row_ = true;
    }

    void end_row() {
        if (!in_row_) return;
        in_row_ = false;
        if (row_has_value_ && !(handoff_ ? handoff_->push(row_, missing_) : sink_->row(row_)))
            stop();
    }

    void start_cell(const char** attributes) {
        if (!in_row_) start_row(nullptr_attributes());
        std::uint64_t column = column_ + 1;
        kind_ = Kind::number;
        style_ = 0;
        for (const char** a = attributes; *a; a += 2) {
            const char* key = a[0];
            if (key[1] != '\0') continue;
            if (key[0] == 'r') {
                column = parse_column(a[1]);
            } else if (key[0] == 't') {
                kind_ = kind_of(a[1]);
            } else if (key[0] == 's') {
                std::from_chars(a[1], a[1] + std::strlen(a[1]), style_);
            }
        }
        if (column <= column_)
            fail(row_number_, column,
                 "cell comes after column " + column_letters(static_cast<unsigned>(column_)) +
                     " of its row; cells must be in order (part " + source_.part + ")");
        if (column > source_.limits.max_columns)
            fail(row_number_, 1,
                 "row " + std::to_string(row_number_) + " has a cell in column " +
                     std::to_string(column) + ", beyond the limit of " +
                     std::to_string(source_.limits.max_columns) + " columns (max-columns)");
        column_ = column;
        in_cell_ = true;
        formula_ = false;
        value_.clear();
    }

    static const char** nullptr_attributes() {
        static const char* none[] = {nullptr};
        return none;
    }

    // The column of a reference such as "AB12"; the row part is not needed.
    std::uint64_t parse_column(const char* ref) {
        std::uint64_t column = 0;
        const char* p = ref;
        for (; *p >= 'A' && *p <= 'Z'; ++p) {
            column = column * 26 + static_cast<std::uint64_t>(*p - 'A' + 1);
            if (column > (1u << 30)) break;
        }
        if (p == ref || *p < '0' || *p > '9')
            fail(row_number_, column_ + 1,
                 "expected a cell reference such as \"C12\" in <c r=\"…\">, found \"" +
                     std::string(ref) + "\" (part " + source_.part + ")");
        return column;
    }

    void end_cell() {
        in_cell_ = false;
        collect_ = false;
        if (row_.cells.size() < column_) row_.cells.resize(column_);
        Cell& cell = row_.cells[column_ - 1];
        // openpyxl writes formulas with no <v> or an empty one; an empty
        // string result is stored as t="str" with an empty <v>.
        if (value_.empty() && kind_ != Kind::formula_string && kind_ != Kind::inline_string) {
            if (formula_ && missing_.count++ == 0) {
                missing_.row = row_number_;
                missing_.column = column_;
            }
            return;
        }
        switch (kind_) {
            case Kind::shared: {
                std::size_t index = 0;
                auto [end, ec] =
                    std::from_chars(value_.data(), value_.data() + value_.size(), index);
                if (ec != std::errc() || end != value_.data() + value_.size() ||
                    index >= source_.shared_strings.size()) {
                    diagnostics_.error("the cell refers to shared string \"" + value_ +
                                           "\", but the workbook has " +
                                           std::to_string(source_.shared_strings.size()),
                                       where(row_number_, column_));
                    return;
                }
                cell.type = Cell::Type::text;
                cell.text = source_.shared_strings[index];
                break;
            }
            case Kind::inline_string:
            case Kind::formula_string:
                if (value_.find("_x") != std::string::npos) decode_escapes(value_);
                if (value_.size() > source_.limits.max_string_length &&
                    utf8::count(value_) > source_.limits.max_string_length)
                    fail(row_number_, column_,
                         "the cell's text is " + std::to_string(utf8::count(value_)) +
                             " characters long, more than the limit of " +
                             std::to_string(source_.limits.max_string_length) +
                             " (max-string-length)");
                cell.type = value_.empty() ? Cell::Type::empty : Cell::Type::text;
                cell.text = value_;
                break;
            case Kind::boolean:
                cell.type = Cell::Type::boolean;
                cell.number = (value_ == "1" || value_ == "true") ? 1 : 0;
                break;
            case Kind::error:
                cell.type = Cell::Type::error;
                cell.text = value_;
                break;
            case Kind::date: {
                double serial = 0;
                if (!iso_to_serial(value_, serial)) {
                    diagnostics_.error(
                        "expected an ISO 8601 date in the date cell, found \"" + value_ + "\"",
                        where(row_number_, column_));
                    return;
                }
                cell.type = Cell::Type::date;
                cell.number = serial;
                cell.text = serial_to_iso(serial);
                break;
            }
            case Kind::number: {
                if (value_.empty()) return;
                double number = 0;
                if (!stored_number(value_, number)) {
                    diagnostics_.error(
                        "expected a number in the cell's stored value, found \"" + value_ + "\"",
                        where(row_number_, column_));
                    return;
                }
                if (source_.styles.is_date(style_)) {
                    double serial = source_.date1904 ? number + 1462 : number;
                    std::string iso = serial_to_iso(serial);
                    if (!iso.empty()) {
                        cell.type = Cell::Type::date;
                        cell.number = serial;
                        cell.text = std::move(iso);
                        break;
                    }
                }
                cell.type = Cell::Type::number;
                cell.number = number;
                // A percentage is passed on in the percent unit and as shown
                // ("104,7 %"), the way kdx::Cell describes.
                if (PercentFormat percent = source_.styles.percent(style_);
                    percent.kind != PercentFormat::Kind::none && std::isfinite(number)) {
                    // Rounded to the 15 digits Excel keeps, so 0.07 becomes 7,
                    // not 7.000000000000001.
                    if (percent.kind == PercentFormat::Kind::scaled) {
                        char scaled[32];
                        std::snprintf(scaled, sizeof scaled, "%.15g", number * 100);
                        std::from_chars(scaled, scaled + std::strlen(scaled), cell.number);
                    }
                    cell.text = percent_text(cell.number, percent);
                    break;
                }
                cell.text = value_;
                break;
            }
        }
        row_has_value_ = row_has_value_ || cell.type != Cell::Type::empty;
    }

    const SheetSource& source_;
    TableSink* sink_ = nullptr;
    RowHandoff* handoff_ = nullptr;
    Diagnostics& diagnostics_;

    bool in_data_ = false;
    bool in_row_ = false;
    bool in_cell_ = false;
    bool in_inline_ = false;
    bool collect_ = false;
    bool formula_ = false;
    bool row_has_value_ = false;
    int phonetic_ = 0;
    Kind kind_ = Kind::number;
    unsigned style_ = 0;
    std::uint64_t row_number_ = 0;
    std::uint64_t column_ = 0;
    std::string value_;
    Row row_;
    MissingResults missing_;
};

}  // namespace

std::string serial_to_iso(double serial) {
    if (!(serial >= 0 && serial < 2958466)) return {};  // 9999-12-31 is 2958465
    double whole = std::floor(serial);
    long day = static_cast<long>(whole);
    long seconds = std::lround((serial - whole) * 86400.0);
    if (seconds >= 86400) {
        ++day;
        seconds -= 86400;
    }
    char text[32];
    int n;
    if (day == 60) {
        n = std::snprintf(text, sizeof text, "1900-02-29");
    } else {
        long y;
        unsigned m, d;
        civil_from_days(unix_day_of_serial_61 + day - (day < 60 ? 60 : 61), y, m, d);
        n = std::snprintf(text, sizeof text, "%04ld-%02u-%02u", y, m, d);
    }
    if (seconds != 0)
        std::snprintf(text + n, sizeof text - static_cast<std::size_t>(n), "T%02ld:%02ld:%02ld",
                      seconds / 3600, seconds / 60 % 60, seconds % 60);
    return text;
}

bool iso_to_serial(const std::string& text, double& serial) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, consumed = 0;
    double s = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2d%n", &y, &mo, &d, &consumed) != 3 || consumed != 10)
        return false;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1900) return false;
    if (text.size() > 10) {
        int more = 0;
        if ((text[10] != 'T' && text[10] != ' ') ||
            std::sscanf(text.c_str() + 11, "%2d:%2d%n", &h, &mi, &more) != 2)
            return false;
        std::size_t at = 11 + static_cast<std::size_t>(more);
        if (at < text.size() && text[at] == ':') {
            int secs_len = 0;
            if (std::sscanf(text.c_str() + at + 1, "%lf%n", &s, &secs_len) != 1) return false;
            at += 1 + static_cast<std::size_t>(secs_len);
        }
        if (at < text.size() && text.compare(at, std::string::npos, "Z") != 0) return false;
        if (h > 23 || mi > 59 || s < 0 || s >= 61) return false;
    }
    long unix_day = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
    long day = unix_day - unix_day_of_serial_61 + 61;
    if (day < 61) --day;  // before the day Excel invented
    serial = static_cast<double>(day) + (h * 3600 + mi * 60 + s) / 86400.0;
    return true;
}

namespace {

// Warns once for the formulas the file holds no result for.
void report_missing(const SheetSource& source, const MissingResults& missing,
                    Diagnostics& diagnostics) {
    if (missing.count == 0) return;
    diagnostics.warning(std::to_string(missing.count) +
                            (missing.count == 1 ? " formula has" : " formulas have") +
                            " no saved result (the file was written without calculating them, "
                            "e.g. by openpyxl); read as empty: open and save the file in Excel "
                            "or LibreOffice to calculate them",
                        cell_location(source, missing.row, missing.column));
}

// A big sheet: its XML is scanned into rows on a second thread (and inflated
// on a third, Package::stream) while this one imports the rows before. What
// reaches `sink` and `diagnostics`, and in what order, is as read_sheet()
// gives it on one thread; rows scanned past the one where `sink` stops, and
// an error in them, are dropped, as one thread would never have read them.
void read_sheet_ahead(const SheetSource& source, TableSink& sink, Diagnostics& diagnostics) {
    RowHandoff handoff(source.limits.batch_rows);
    std::thread scanning([&] {
        try {
            SheetHandler handler(source, handoff);
            stream_part(source.package, source.part, handler);
            handoff.finish(handler.missing_results(), nullptr);
        } catch (...) {
            handoff.finish({}, std::current_exception());
        }
    });
    struct Join {
        RowHandoff& handoff;
        std::thread& thread;
        ~Join() {
            handoff.stop();
            thread.join();
        }
    } join{handoff, scanning};

    auto pass_messages = [&](const Diagnostics& from, std::size_t begin, std::size_t end) {
        for (std::size_t k = begin; k < end; ++k) diagnostics.add(from.items()[k]);
    };
    MissingResults missing;
    while (RowBatch* batch = handoff.next()) {
        std::size_t passed = 0;
        for (std::size_t i = 0; i < batch->count; ++i) {
            pass_messages(batch->messages, passed, batch->before[i]);
            passed = batch->before[i];
            missing = batch->missing[i];
            if (!sink.row(batch->rows[i])) {
                report_missing(source, missing, diagnostics);
                return;
            }
        }
        pass_messages(batch->messages, passed, batch->messages.items().size());
        handoff.release();
    }
    report_missing(source, handoff.end(), diagnostics);
}

}  // namespace

void read_sheet(const SheetSource& source, TableSink& sink, Diagnostics& diagnostics) {
    if (source.package.size(source.part) >= source.limits.read_ahead_from) {
        read_sheet_ahead(source, sink, diagnostics);
        return;
    }
    SheetHandler handler(source, sink, diagnostics);
    stream_part(source.package, source.part, handler);
    report_missing(source, handler.missing_results(), diagnostics);
}

}  // namespace kdx::xlsx
