// A page's content stream, written into one buffer with the bytes
// PoDoFo's PdfPainter writes for the same operators (numbers as its
// ostream prints them: fixed, three decimals), without an ostream per
// operator: drawing through PdfPainter was a third of a report's time.
#pragma once

#include <string>
#include <string_view>

namespace kdx::pdf {

// Appends `value` as printf's "%.3f" in the C locale writes it ("-0.000"
// for a negative value that rounds to zero).
void append_fixed(std::string& out, double value);

class ContentStream {
  public:
    // One number and the space after it.
    ContentStream& operator<<(double value) {
        append_fixed(bytes_, value);
        bytes_ += ' ';
        return *this;
    }
    // Raw bytes, as they are.
    ContentStream& raw(std::string_view text) {
        bytes_.append(text);
        return *this;
    }
    // One number alone.
    void number(double value) { append_fixed(bytes_, value); }

    const std::string& bytes() const { return bytes_; }
    std::string& buffer() { return bytes_; }

  private:
    std::string bytes_;
};

}  // namespace kdx::pdf
