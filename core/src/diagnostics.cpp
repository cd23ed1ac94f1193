#include "kdx/diagnostics.hpp"

#include <algorithm>

namespace kdx {

const char* to_string(Severity s) noexcept {
    switch (s) {
        case Severity::info:
            return "info";
        case Severity::warning:
            return "warning";
        case Severity::error:
            return "error";
    }
    return "error";
}

std::string Location::to_string() const {
    std::string s = file;
    if (!sheet.empty() || !cell.empty()) {
        if (!s.empty()) s += ':';
        if (!sheet.empty()) s += sheet + '!';
        s += cell;
    } else if (line > 0) {
        s += (s.empty() ? "" : ":") + std::to_string(line);
        if (column > 0) s += ':' + std::to_string(column);
    }
    return s;
}

std::string Diagnostic::to_string() const {
    std::string where_text = where.to_string();
    std::string s = where_text.empty() ? std::string() : where_text + ": ";
    return s + kdx::to_string(severity) + ": " + message;
}

void Diagnostics::add(Diagnostic d) { items_.push_back(std::move(d)); }

void Diagnostics::error(std::string message, Location where) {
    add({Severity::error, std::move(message), std::move(where)});
}

void Diagnostics::warning(std::string message, Location where) {
    add({Severity::warning, std::move(message), std::move(where)});
}

void Diagnostics::info(std::string message, Location where) {
    add({Severity::info, std::move(message), std::move(where)});
}

void Diagnostics::append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

std::size_t Diagnostics::count(Severity s) const noexcept {
    return static_cast<std::size_t>(std::count_if(
        items_.begin(), items_.end(), [s](const Diagnostic& d) { return d.severity == s; }));
}

std::string column_letters(unsigned column) {
    std::string letters;
    while (column > 0) {
        unsigned rest = (column - 1) % 26;
        letters.insert(letters.begin(), static_cast<char>('A' + rest));
        column = (column - 1) / 26;
    }
    return letters;
}

std::string cell_reference(unsigned row, unsigned column) {
    return column_letters(column) + std::to_string(row);
}

}  // namespace kdx
