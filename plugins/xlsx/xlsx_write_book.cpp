#include "xlsx_write_book.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#ifdef __linux__
#include <linux/magic.h>
#include <sys/statfs.h>
#include <unistd.h>
#endif

#include "kdx/error.hpp"
#include "kdx/source_date.hpp"
#include "xlsx_write_text.hpp"

namespace kdx::xlsx {

namespace {

// Warnings about replaced text name this many cells; the rest are counted.
constexpr std::size_t max_text_warnings = 10;

std::size_t digits(double v) {
    double a = std::floor(std::fabs(v));
    std::size_t n = 1;
    while (a >= 10 && n < 16) a /= 10, ++n;
    return n;
}

// Characters a number takes once formatted with `style`.
std::size_t number_width(double v, const CellStyle& style) {
    if (style.code.empty()) return std::min<std::size_t>(to_string(Value(v)).size(), 11);
    std::size_t d = digits(v);
    std::size_t n = d + (style.grouped ? (d - 1) / 3 : 0);
    if (style.decimals > 0) n += static_cast<std::size_t>(style.decimals) + 1;
    if (v < 0) ++n;
    return n + style.suffix;
}

// A multi-line cell is as wide as its longest line.
std::size_t widest_line(const std::string& s, std::size_t chars) {
    if (s.find('\n') == std::string::npos) return chars;
    std::size_t longest = 0, line = 0;
    for (char c : s) {
        if (c == '\n') {
            longest = std::max(longest, line);
            line = 0;
        } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++line;
        }
    }
    return std::max(longest, line);
}

char* c_string(std::string& s) { return s.empty() ? nullptr : s.data(); }

}  // namespace

Sheet::Sheet(Book& book, lxw_worksheet* sheet, std::string name)
    : book_(book), sheet_(sheet), name_(std::move(name)) {}

void Sheet::check(lxw_error error, long row, long col) const {
    if (error == LXW_NO_ERROR) return;
    Location where = Location::at_cell(
        book_.target(), name_,
        row < 0 ? std::string()
                : cell_reference(static_cast<unsigned>(row) + 1, static_cast<unsigned>(col) + 1));
    throw Error(std::string("xlsx: libxlsxwriter: ") + lxw_strerror(error), where);
}

std::string Sheet::record_name() const {
    TextProblem ignored;
    return clean_text(record_ ? record_() : std::string("a cell"), ignored);
}

void Sheet::measure(lxw_row_t row, lxw_col_t col, std::size_t chars) {
    if (static_cast<long>(row) == unmeasured_row_) return;
    if (widths_.size() <= col) widths_.resize(col + 1u, 0);
    widths_[col] = std::max(widths_[col], chars);
}

std::string Sheet::cleaned(const std::string& s, lxw_row_t row, lxw_col_t col) {
    TextProblem problem = TextProblem::none;
    std::string out = clean_text(s, problem);
    const char* what = problem == TextProblem::invalid_utf8 ? "text that is not valid UTF-8"
                                                            : "a control character";
    Location where = Location::at_cell(book_.target(), name_, cell_reference(row + 1, col + 1u));
    std::string record = record_name();
    if (book_.settings().invalid_text == InvalidText::refuse)
        throw Error("xlsx: " + record + " has " + what +
                        ", which a workbook cannot hold (option invalid-text=replace writes "
                        "U+FFFD instead)",
                    where);
    if (book_.replacements() < max_text_warnings)
        book_.diagnostics().warning(
            "xlsx: " + record + " has " + what + "; written with U+FFFD in its place", where);
    book_.count_replacement();
    return out;
}

void Sheet::text(lxw_row_t row, lxw_col_t col, const std::string& s, const Style* style) {
    if (s.empty()) return;
    std::string clean;
    const std::string* t = &s;
    std::size_t chars = clean_char_count(s);
    if (chars == std::string::npos) {
        clean = cleaned(s, row, col);
        t = &clean;
        chars = char_count(clean);
    }
    if (chars > max_cell_chars)
        throw Error("xlsx: " + record_name() + " has a text of " + std::to_string(chars) +
                        " characters; a cell holds at most " + std::to_string(max_cell_chars),
                    Location::at_cell(book_.target(), name_, cell_reference(row + 1, col + 1u)));
    check(worksheet_write_string(sheet_, row, col, t->c_str(), style ? style->format : nullptr),
          row, col);
    measure(row, col, widest_line(*t, chars));
}

void Sheet::rich_text(lxw_row_t row, lxw_col_t col,
                      const std::vector<std::pair<std::string, bool>>& runs, const Style& style) {
    std::vector<std::pair<std::string, bool>> parts;
    std::string whole;
    for (const auto& [s, emphasis] : runs) {
        if (s.empty()) continue;
        std::string clean = is_clean_text(s) ? s : cleaned(s, row, col);
        whole += clean;
        if (!parts.empty() && parts.back().second == emphasis)
            parts.back().first += clean;
        else
            parts.emplace_back(std::move(clean), emphasis);
    }
    if (parts.size() < 2) {
        text(row, col, whole, &style);
        return;
    }
    if (char_count(whole) > max_cell_chars) {
        text(row, col, whole, &style);  // reports the length
        return;
    }
    CellStyle emphasised = style.spec;
    emphasised.italic = true;
    std::vector<lxw_rich_string_tuple> tuples(parts.size());
    std::vector<lxw_rich_string_tuple*> pointers;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        tuples[i].format = parts[i].second ? book_.format(emphasised) : style.format;
        tuples[i].string = parts[i].first.data();
        pointers.push_back(&tuples[i]);
    }
    pointers.push_back(nullptr);
    check(worksheet_write_rich_string(sheet_, row, col, pointers.data(), style.format), row, col);
    measure(row, col, char_count(whole));
}

void Sheet::number(lxw_row_t row, lxw_col_t col, double v, const Style& style) {
    // A workbook has no NaN or infinity; "nan" in a cell makes the file corrupt.
    if (!std::isfinite(v))
        throw Error("xlsx: " + record_name() + " has a number that is not finite (" +
                        std::to_string(v) + ")",
                    Location::at_cell(book_.target(), name_, cell_reference(row + 1, col + 1u)));
    check(worksheet_write_number(sheet_, row, col, v, style.format), row, col);
    measure(row, col, number_width(v, style.spec));
}

void Sheet::value(lxw_row_t row, lxw_col_t col, const Value& v, const Style& style) {
    if (v.has_value()) {
        number(row, col, v.get(), style);
    } else if (v.is_suppressed()) {
        // A number format leaves a string as it is: ":" shows as ":".
        check(worksheet_write_string(sheet_, row, col, ":", style.format), row, col);
        measure(row, col, 1);
    } else if (style.spec.bold || style.spec.border_below) {
        blank(row, col, style);
    }
}

void Sheet::blank(lxw_row_t row, lxw_col_t col, const Style& style) {
    check(worksheet_write_blank(sheet_, row, col, style.format), row, col);
}

void Sheet::link(lxw_row_t row, lxw_col_t col, const std::string& sheet, const std::string& label) {
    std::string quoted;
    for (char c : sheet) quoted += c == '\'' ? std::string("''") : std::string(1, c);
    std::string url = "internal:'" + quoted + "'!A1";
    std::string clean = is_clean_text(label) ? label : cleaned(label, row, col);
    check(worksheet_write_url_opt(sheet_, row, col, url.c_str(), nullptr, clean.c_str(), nullptr),
          row, col);
    measure(row, col, char_count(clean));
}

void Sheet::set_width(lxw_col_t col, double width) {
    fixed_widths_[col] = width;
    check(worksheet_set_column(sheet_, col, col, width, nullptr));
}

void Sheet::apply_widths(double min, double max) {
    for (std::size_t c = 0; c < widths_.size(); ++c) {
        auto col = static_cast<lxw_col_t>(c);
        if (fixed_widths_.count(col)) continue;
        double w = std::clamp(static_cast<double>(widths_[c]) + 2, min, max);
        check(worksheet_set_column(sheet_, col, col, w, nullptr));
    }
}

Book::Book(const std::filesystem::path& path, const std::string& target,
           const BookSettings& settings, Diagnostics& diagnostics)
    : target_(target), settings_(settings), diagnostics_(diagnostics) {
    // libxlsxwriter's temporary files go beside the output, not to /tmp: a
    // constant-memory sheet's rows may be far larger than /tmp's room. A
    // small workbook's parts are a few kilobytes each, one at a time, and
    // making and removing a file on a disk for each (19 for a council
    // report) cost about as much CPU as writing and zipping them. Should a
    // folder refuse a file, libxlsxwriter tries $TMPDIR, /tmp and "." in turn.
    if (settings.small && !settings.constant_memory) tmpdir_ = memory_tmpdir();
    if (tmpdir_.empty()) {
        std::filesystem::path folder = path.parent_path();
        tmpdir_ = folder.empty() ? std::string(".") : folder.string();
    }
    lxw_workbook_options options{};
    options.constant_memory = settings.constant_memory ? LXW_TRUE : LXW_FALSE;
    options.tmpdir = tmpdir_.data();
    // Forced ZIP64 puts extra fields in the local headers only, which strict
    // readers (libzip's consistency check, kdx's own reader) call damaged;
    // without it a part may not pass 4 GB, far above a 1M-row sheet.
    options.use_zip64 = LXW_FALSE;
    book_ = workbook_new_opt(path.c_str(), &options);
    if (!book_) throw Error("xlsx: could not start the workbook", Location::at(target));

    if (!apply_properties()) {
        lxw_workbook_free(book_);
        book_ = nullptr;
        throw Error("xlsx: could not set the document properties", Location::at(target));
    }
    for (const auto& [name, value] : settings.custom) {
        TextProblem ignored;
        const std::string text = is_clean_text(value) ? value : clean_text(value, ignored);
        if (workbook_set_custom_property_string(book_, name.c_str(), text.c_str()) !=
            LXW_NO_ERROR) {
            lxw_workbook_free(book_);
            book_ = nullptr;
            throw Error("xlsx: could not set the document property \"" + name +
                            "\" (at most 255 characters)",
                        Location::at(target));
        }
    }
}

bool Book::apply_properties() {
    lxw_doc_properties properties{};
    std::string title = settings_.title, subject = settings_.subject, author = settings_.author,
                keywords = settings_.keywords, comments = settings_.comments;
    for (std::string* s : {&title, &subject, &author, &keywords, &comments}) {
        TextProblem ignored;
        if (!is_clean_text(*s)) *s = clean_text(*s, ignored);
    }
    properties.title = c_string(title);
    properties.subject = c_string(subject);
    properties.author = c_string(author);
    // The publishing organisation is also the company docProps/app.xml names.
    properties.company = c_string(author);
    properties.keywords = c_string(keywords);
    properties.comments = c_string(comments);
    properties.created = settings_.created;
    return workbook_set_properties(book_, &properties) == LXW_NO_ERROR;
}

void Book::describe(const std::string& title, const std::string& subject,
                    const std::string& comments) {
    settings_.title = title;
    settings_.subject = subject;
    settings_.comments = comments;
    if (!apply_properties())
        throw Error("xlsx: could not set the document properties", Location::at(target_));
}

Book::~Book() {
    if (book_) lxw_workbook_free(book_);
}

Sheet& Book::add_sheet(const std::string& name) {
    lxw_worksheet* ws = workbook_add_worksheet(book_, name.c_str());
    if (!ws)
        throw Error("xlsx: libxlsxwriter refused the sheet name \"" + name + "\"",
                    Location::at(target_));
    sheets_.push_back(std::make_unique<Sheet>(*this, ws, name));
    return *sheets_.back();
}

lxw_format* Book::format(const CellStyle& s) {
    std::string key = s.code + '\x1f' + (s.bold ? 'b' : '-') + (s.italic ? 'i' : '-') +
                      (s.wrap ? 'w' : '-') + (s.border_below ? 'u' : '-') + std::to_string(s.size);
    auto it = formats_.find(key);
    if (it != formats_.end()) return it->second;
    lxw_format* f = nullptr;
    if (!s.code.empty() || s.bold || s.italic || s.wrap || s.border_below || s.size > 0) {
        f = workbook_add_format(book_);
        if (!s.code.empty()) format_set_num_format(f, s.code.c_str());
        if (s.bold) format_set_bold(f);
        if (s.italic) format_set_italic(f);
        if (s.wrap) {
            format_set_text_wrap(f);
            format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
        }
        if (s.border_below) format_set_bottom(f, LXW_BORDER_THIN);
        if (s.size > 0) format_set_font_size(f, s.size);
    }
    formats_.emplace(key, f);
    return f;
}

void Book::close() {
    lxw_workbook* book = book_;
    book_ = nullptr;  // workbook_close frees it whatever happens
    lxw_error error = workbook_close(book);
    if (error != LXW_NO_ERROR)
        throw Error(std::string("xlsx: could not write the workbook: ") + lxw_strerror(error),
                    Location::at(target_));
    if (replaced_ > max_text_warnings)
        diagnostics_.warning("xlsx: " + std::to_string(replaced_) +
                                 " cells in all had invalid text replaced by U+FFFD",
                             Location::at(target_));
}

std::string memory_tmpdir() {
#ifdef __linux__
    // libxlsxwriter does not check its writes to a temporary file: a part
    // written to a full folder would be zipped cut short. So the folder must
    // have room to spare, far more than a small workbook's largest part.
    constexpr unsigned long long room = 64ull << 20;
    const char* const dir = "/dev/shm";
    struct statfs fs {};
    if (statfs(dir, &fs) == 0 && fs.f_type == TMPFS_MAGIC &&
        static_cast<unsigned long long>(fs.f_bavail) *
                static_cast<unsigned long long>(fs.f_bsize) >=
            room &&
        access(dir, W_OK | X_OK) == 0)
        return dir;
#endif
    return std::string();
}

std::time_t creation_time(const std::string& date, Diagnostics& diagnostics) {
    std::string bad;
    if (const std::optional<std::time_t> epoch = source_date_epoch(bad))
        return std::max<std::time_t>(*epoch, 1);  // 0 means "now" to the library
    if (!bad.empty())
        diagnostics.warning("xlsx: SOURCE_DATE_EPOCH is \"" + bad +
                            "\", not a number of seconds; it is ignored");
    int y = 0, m = 0, d = 0;
    char dash1 = 0, dash2 = 0;
    if (date.size() == 10 &&
        std::sscanf(date.c_str(), "%4d%c%2d%c%2d", &y, &dash1, &m, &dash2, &d) == 5 &&
        dash1 == '-' && dash2 == '-' && m >= 1 && m <= 12 && d >= 1 && d <= 31 && y >= 1970) {
        std::tm tm{};
        tm.tm_year = y - 1900;
        tm.tm_mon = m - 1;
        tm.tm_mday = d;
        return timegm(&tm);
    }
    return std::time(nullptr);
}

}  // namespace kdx::xlsx
