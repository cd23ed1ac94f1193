#include "xlsx_strings.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "kdx/error.hpp"
#include "kdx/utf8.hpp"
#include "xlsx_read_xml.hpp"

namespace kdx::xlsx {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

class SharedStrings : public XmlHandler {
  public:
    SharedStrings(const Package& package, const std::string& part, const ReadLimits& limits)
        : package_(package), part_(part), limits_(limits) {}

    std::vector<std::string> strings;

    void start(const char* name, const char** attributes) override {
        std::string_view n = local_name(name);
        if (n == "si") {
            in_item_ = true;
            overflow_ = false;
            current_.clear();
        } else if (n == "t") {
            in_text_ = in_item_ && phonetic_ == 0;
        } else if (n == "rPh") {
            ++phonetic_;
        } else if (n == "sst") {
            for (const char** a = attributes; *a; a += 2)
                if (std::strcmp(a[0], "uniqueCount") == 0) {
                    // A hint only: never reserve more than the part could hold.
                    auto count = std::strtoull(a[1], nullptr, 10);
                    strings.reserve(static_cast<std::size_t>(
                        std::min<unsigned long long>(count, package_.size(part_) / 8 + 1)));
                }
        }
    }

    void end(const char* name) override {
        std::string_view n = local_name(name);
        if (n == "t") {
            in_text_ = false;
        } else if (n == "rPh") {
            if (phonetic_ > 0) --phonetic_;
        } else if (n == "si") {
            in_item_ = false;
            if (current_.find("_x") != std::string::npos) decode_escapes(current_);
            if (overflow_ || (current_.size() > limits_.max_string_length &&
                              utf8::count(current_) > limits_.max_string_length))
                throw Error("part " + part_ + ": shared string " + std::to_string(strings.size()) +
                                " is longer than the limit of " +
                                std::to_string(limits_.max_string_length) +
                                " characters (max-string-length)",
                            Location::at(package_.file()));
            strings.push_back(std::move(current_));
            current_.clear();
        }
    }

    void text(const char* data, int size) override {
        if (!in_text_) return;
        // Stop growing early: a huge string is refused at its end anyway.
        if (current_.size() > 4 * limits_.max_string_length)
            overflow_ = true;
        else
            current_.append(data, static_cast<std::size_t>(size));
    }

  private:
    const Package& package_;
    const std::string& part_;
    const ReadLimits& limits_;
    std::string current_;
    bool in_item_ = false;
    bool in_text_ = false;
    bool overflow_ = false;
    int phonetic_ = 0;
};

}  // namespace

void decode_escapes(std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && text[i + 6] == '_') {
            int d[4] = {hex_value(text[i + 2]), hex_value(text[i + 3]), hex_value(text[i + 4]),
                        hex_value(text[i + 5])};
            if (d[0] >= 0 && d[1] >= 0 && d[2] >= 0 && d[3] >= 0) {
                auto cp = static_cast<unsigned>(d[0] << 12 | d[1] << 8 | d[2] << 4 | d[3]);
                utf8::append(out, cp);  // a surrogate as U+FFFD
                i += 6;
                continue;
            }
        }
        out += text[i];
    }
    text = std::move(out);
}

std::vector<std::string> read_shared_strings(const Package& package, const std::string& part,
                                             const ReadLimits& limits) {
    SharedStrings handler(package, part, limits);
    stream_part(package, part, handler);
    return std::move(handler.strings);
}

}  // namespace kdx::xlsx
