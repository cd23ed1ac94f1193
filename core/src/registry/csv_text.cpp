#include "registry/csv_text.hpp"

#include <stdexcept>

namespace kdx::registry_detail {

std::vector<CsvRecord> read_csv(std::string_view text, char separator, std::string_view file) {
    std::vector<CsvRecord> records;
    std::size_t pos = 0;
    unsigned line = 0;
    while (pos < text.size()) {
        ++line;
        CsvRecord record;
        std::string field;
        bool quoted = false;
        for (;; ++pos) {
            if (pos >= text.size()) {
                if (quoted)
                    throw std::runtime_error(std::string(file) + ":" + std::to_string(line) +
                                             ": a quoted field is not closed");
                break;
            }
            char c = text[pos];
            if (quoted) {
                if (c != '"')
                    field += c;
                else if (pos + 1 < text.size() && text[pos + 1] == '"')
                    field += text[++pos];
                else
                    quoted = false;
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                record.push_back(std::move(field));
                field.clear();
            } else if (c == '\n') {
                ++pos;
                break;
            } else if (c != '\r') {
                field += c;
            }
        }
        record.push_back(std::move(field));
        if (line > 1 && !(record.size() == 1 && record[0].empty()))
            records.push_back(std::move(record));
    }
    return records;
}

}  // namespace kdx::registry_detail
