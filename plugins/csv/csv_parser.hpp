// Streaming CSV records out of a file: RFC 4180 quoting (doubled quotes,
// separators and line breaks inside quotes), CRLF, LF or CR line ends, read
// chunk by chunk so a file of any length takes constant memory.
#pragma once

#include <cstdint>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "csv_encoding.hpp"

namespace kdx::csv {

// The file's text as UTF-8, one byte at a time, decoded chunk by chunk. A
// UTF-8 byte order mark at the start is skipped.
class TextReader {
  public:
    TextReader(std::istream& in, Encoding encoding);

    // The next byte, or -1 at the end.
    int get() {
        return pos_ < text_.size() || fill() ? static_cast<unsigned char>(text_[pos_++]) : -1;
    }
    int peek() {
        return pos_ < text_.size() || fill() ? static_cast<unsigned char>(text_[pos_]) : -1;
    }

  private:
    bool fill();

    std::istream& in_;
    Encoding encoding_;
    std::string raw_;
    std::string text_;
    std::size_t pos_ = 0;
    bool first_ = true;
};

struct Record {
    std::uint32_t line = 0;  // the line the record starts on, 1-based
    std::vector<std::string> fields;
};

// Bounds on one record, so that a hostile or broken file (a quote never
// closed in a large file, a line of separators) fails clearly instead of
// filling memory.
struct RecordLimits {
    std::size_t max_field_bytes = 1 << 20;
    std::size_t max_fields = 16384;  // as many columns as a spreadsheet has
};

class RecordParser {
  public:
    RecordParser(TextReader& text, char separator, std::string file, RecordLimits limits = {});

    // Reads the next record into `record`; false at the end of the file.
    // Throws kdx::Error naming the line where a quoted field opens that is
    // never closed, or where a field or record exceeds the limits.
    bool next(Record& record);

  private:
    void add_field(Record& record, std::string& field) const;
    void check_length(const Record& record, const std::string& field, std::uint32_t line) const;

    TextReader& text_;
    char separator_;
    std::string file_;
    RecordLimits limits_;
    std::uint32_t line_ = 1;
};

// The separator (',', ';' or '\t') that splits most records of `sample` into
// the same number of fields, quotes respected; ',' when none does.
// `complete` says whether the sample is the whole file (else its last,
// possibly cut, record is not counted).
char sniff_separator(std::string_view sample, bool complete);

}  // namespace kdx::csv
