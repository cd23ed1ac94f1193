// Diagnostics: what went wrong (or looks odd), and where.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace kdx {

enum class Severity { info, warning, error };

// "info", "warning" or "error".
const char* to_string(Severity s) noexcept;

// Where a diagnostic points. Fill what is known: a file, and either a line
// (and column) or a sheet and cell such as "C12".
struct Location {
    std::string file;
    unsigned line = 0;
    unsigned column = 0;
    std::string sheet;
    std::string cell;

    // A file, optionally with line and column.
    static Location at(std::string file, unsigned line = 0, unsigned column = 0) {
        Location l;
        l.file = std::move(file);
        l.line = line;
        l.column = column;
        return l;
    }
    // A cell of a sheet, e.g. ("partner.xlsx", "Bosetting", "C12").
    static Location at_cell(std::string file, std::string sheet, std::string cell) {
        Location l;
        l.file = std::move(file);
        l.sheet = std::move(sheet);
        l.cell = std::move(cell);
        return l;
    }

    // "file:line:col", "file:line", "file:Sheet!C12", "file" or "".
    std::string to_string() const;
};

struct Diagnostic {
    Severity severity = Severity::error;
    std::string message;
    Location where;

    // "where: severity: message", without the location prefix when it is empty.
    std::string to_string() const;
};

// An ordered collection of diagnostics, filled by importers, validation and
// exporters and printed by the caller. Core never prints.
class Diagnostics {
  public:
    void add(Diagnostic d);
    void error(std::string message, Location where = {});
    void warning(std::string message, Location where = {});
    void info(std::string message, Location where = {});
    void append(const Diagnostics& other);

    const std::vector<Diagnostic>& items() const noexcept { return items_; }
    std::size_t count(Severity s) const noexcept;
    bool has_errors() const noexcept { return count(Severity::error) > 0; }
    bool empty() const noexcept { return items_.empty(); }

  private:
    std::vector<Diagnostic> items_;
};

// Column letters for a 1-based column number: 1 -> "A", 28 -> "AB".
std::string column_letters(unsigned column);
// A1-style cell reference for 1-based row and column: (12, 3) -> "C12".
std::string cell_reference(unsigned row, unsigned column);

}  // namespace kdx
