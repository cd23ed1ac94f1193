// A libxlsxwriter workbook with kdx's rules: text cleaned (or refused) before
// it reaches a cell, strings never written as formulas, column widths measured
// from what was written, and every library error turned into kdx::Error
// naming the file, sheet and cell.
#pragma once

#include <xlsxwriter.h>

#include <cstddef>
#include <ctime>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "kdx/diagnostics.hpp"
#include "kdx/value.hpp"

namespace kdx::xlsx {

// How a cell looks. Numbers use `code` (an Excel number format, "" = General);
// `decimals`, `grouped` and `suffix` describe it for measuring widths.
struct CellStyle {
    std::string code;
    int decimals = 0;
    bool grouped = false;
    std::size_t suffix = 0;  // characters the format adds after the digits
    bool bold = false;
    bool italic = false;
    bool wrap = false;
    bool border_below = false;
    double size = 0;  // font size in points; 0 = default

    CellStyle with_bold() const {
        CellStyle s = *this;
        s.bold = true;
        return s;
    }
};

// A CellStyle with its workbook format, resolved once (Book::style) so that
// writing a million cells does not look formats up a million times.
struct Style {
    CellStyle spec;
    lxw_format* format = nullptr;
};

// What to do with text that is not valid UTF-8 or holds control characters.
enum class InvalidText { replace, refuse };

struct BookSettings {
    bool constant_memory = false;
    // A workbook of a few pages (a report): libxlsxwriter's temporary files,
    // one for every part of the package, go to a memory file system when
    // there is one with room (memory_tmpdir()), not beside the output.
    bool small = false;
    InvalidText invalid_text = InvalidText::replace;
    std::time_t created = 0;  // document property; must not be 0
    std::string title, subject, author, keywords, comments;
    // Custom document properties (docProps/custom.xml), name -> text; Excel
    // keeps each to 255 characters.
    std::vector<std::pair<std::string, std::string>> custom;
};

class Book;

// One worksheet. Cells are 0-based (row, column) as in libxlsxwriter.
class Sheet {
  public:
    Sheet(Book& book, lxw_worksheet* sheet, std::string name);

    const std::string& name() const noexcept { return name_; }
    lxw_worksheet* get() const noexcept { return sheet_; }

    // Names the record the next cells belong to, for messages about bad text;
    // called only when there is something to report.
    void set_record(std::function<std::string()> describe) { record_ = std::move(describe); }

    // A string cell (never a formula). Empty text writes nothing.
    void text(lxw_row_t row, lxw_col_t col, const std::string& s, const Style* style = nullptr);
    // Text in italic/plain runs; one run or none falls back to text().
    void rich_text(lxw_row_t row, lxw_col_t col,
                   const std::vector<std::pair<std::string, bool>>& runs, const Style& style);
    void number(lxw_row_t row, lxw_col_t col, double v, const Style& style);
    // Present: a number; suppressed: the string ":"; missing: nothing.
    void value(lxw_row_t row, lxw_col_t col, const Value& v, const Style& style);
    // An empty cell that carries a style (borders, bold).
    void blank(lxw_row_t row, lxw_col_t col, const Style& style);
    // A link to cell A1 of another sheet of this workbook.
    void link(lxw_row_t row, lxw_col_t col, const std::string& sheet, const std::string& label);

    // Cells of this row do not count towards column widths (titles, notes).
    void ignore_width_of(lxw_row_t row) { unmeasured_row_ = row; }
    // Sets each column measured so far to its width (characters + 2, in
    // [min, max]); columns given a width by set_width() keep theirs.
    void apply_widths(double min = 8, double max = 60);
    void set_width(lxw_col_t col, double width);

    // Throws kdx::Error for a libxlsxwriter failure at a cell (row < 0: none).
    void check(lxw_error error, long row = -1, long col = -1) const;

  private:
    void measure(lxw_row_t row, lxw_col_t col, std::size_t chars);
    // The record set_record() named, as valid text.
    std::string record_name() const;
    std::string cleaned(const std::string& s, lxw_row_t row, lxw_col_t col);

    Book& book_;
    lxw_worksheet* sheet_;
    std::string name_;
    std::function<std::string()> record_;
    std::vector<std::size_t> widths_;
    std::map<lxw_col_t, double> fixed_widths_;
    long unmeasured_row_ = -1;
};

// A workbook written to `path` (a temporary file; the caller commits it).
// Destroying it unclosed frees everything and writes nothing more.
class Book {
  public:
    Book(const std::filesystem::path& path, const std::string& target, const BookSettings& settings,
         Diagnostics& diagnostics);
    ~Book();
    Book(const Book&) = delete;
    Book& operator=(const Book&) = delete;

    lxw_workbook* get() const noexcept { return book_; }
    const std::string& target() const noexcept { return target_; }
    const BookSettings& settings() const noexcept { return settings_; }
    Diagnostics& diagnostics() noexcept { return diagnostics_; }

    // Sets the title, subject and comments document properties anew (known
    // only at the end of a workbook written in parts).
    void describe(const std::string& title, const std::string& subject,
                  const std::string& comments);
    // A sheet of this exact name (already valid and unique).
    Sheet& add_sheet(const std::string& name);
    lxw_format* format(const CellStyle& style);
    Style style(const CellStyle& spec) { return Style{spec, format(spec)}; }
    // Writes the file; throws kdx::Error naming the target on failure.
    void close();

    // Counts a replaced text for the summary close() reports.
    void count_replacement() { ++replaced_; }
    std::size_t replacements() const noexcept { return replaced_; }

  private:
    bool apply_properties();

    lxw_workbook* book_ = nullptr;
    std::string target_;
    std::string tmpdir_;
    BookSettings settings_;
    Diagnostics& diagnostics_;
    std::vector<std::unique_ptr<Sheet>> sheets_;
    std::map<std::string, lxw_format*> formats_;
    std::size_t replaced_ = 0;
};

// A folder on a memory file system (tmpfs) with room for a small
// workbook's temporary files, or "" when there is none (or not Linux).
std::string memory_tmpdir();

// The creation time for document properties: SOURCE_DATE_EPOCH when set, else
// `date` (ISO "YYYY-MM-DD", midnight UTC) when given, else now. A malformed
// SOURCE_DATE_EPOCH adds a warning.
std::time_t creation_time(const std::string& date, Diagnostics& diagnostics);

}  // namespace kdx::xlsx
