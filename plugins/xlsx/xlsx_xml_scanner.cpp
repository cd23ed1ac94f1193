// The streaming side of xlsx_read_xml.hpp: the scanner that worksheets and
// shared strings go through, chunk by chunk.
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <vector>

#include "kdx/error.hpp"
#include "xlsx_read_xml.hpp"

namespace kdx::xlsx {

namespace {

// The 1-based line of byte `offset` of a part, counted again only for an
// error message.
std::uint64_t line_at(const Package& package, const std::string& part, std::uint64_t offset) {
    std::uint64_t line = 1, seen = 0;
    package.stream(part, [&](const char* data, std::size_t size) {
        std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(size, offset - seen));
        line += static_cast<std::uint64_t>(std::count(data, data + n, '\n'));
        seen += n;
        return seen < offset;
    });
    return line;
}

// A pull scanner for the XML of worksheets and shared strings, several times
// faster than expat on them. It knows what those parts use: elements,
// attributes in either quotes, character data with the five predefined
// entities and character references, CDATA, comments and processing
// instructions. It checks that tags nest and close, and refuses a DOCTYPE
// and any other entity.
class Scanner {
  public:
    Scanner(const Package& package, const std::string& part, XmlHandler& handler)
        : package_(package), part_(part), handler_(handler) {}

    // Scans what `data` completes; false once the handler has stopped.
    bool feed(const char* data, std::size_t size) {
        pending_.append(data, size);
        if (!skip_bom(false)) return true;
        std::size_t done = scan(false);
        offset_ += done;
        pending_.erase(0, done);
        return !stopped_;
    }

    void finish() {
        if (stopped_) return;
        skip_bom(true);
        std::size_t done = scan(true);
        offset_ += done;
        pending_.erase(0, done);
        token_ = pending_.data();
        if (!pending_.empty()) fail("the part ends inside a tag");
        if (!open_.empty()) fail("the part ends before </" + open_.back() + ">");
        if (!seen_root_) fail("the part has no root element");
    }

  private:
    // A part may start with a UTF-8 byte order mark, which is not text.
    // False while too few bytes have come to tell.
    bool skip_bom(bool final) {
        if (bom_checked_) return true;
        static constexpr std::string_view bom = "\xEF\xBB\xBF";
        if (pending_.size() < bom.size() && !final && bom.substr(0, pending_.size()) == pending_)
            return false;
        bom_checked_ = true;
        if (std::string_view(pending_).substr(0, bom.size()) == bom) {
            pending_.erase(0, bom.size());
            offset_ += bom.size();
        }
        return true;
    }

    [[noreturn]] void fail(const std::string& what) const {
        std::uint64_t at = offset_ + static_cast<std::uint64_t>(token_ - pending_.data());
        throw Error("part " + part_ + ", line " + std::to_string(line_at(package_, part_, at)) +
                        ": not well-formed XML (" + what + ")",
                    Location::at(package_.file()));
    }

    static bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
    static bool name_end(char c) { return space(c) || c == '>' || c == '/' || c == '='; }

    // Appends [p, end) with line ends as XML reads them (section 2.11): CR LF
    // and a lone CR become LF. A CR from a character reference (&#13;) is
    // not raw text and stays.
    static void append_raw(std::string& out, const char* p, const char* end) {
        while (p < end) {
            const char* cr =
                static_cast<const char*>(std::memchr(p, '\r', static_cast<std::size_t>(end - p)));
            if (!cr) {
                out.append(p, end);
                return;
            }
            out.append(p, cr);
            out += '\n';
            p = cr + 1;
            if (p < end && *p == '\n') ++p;
        }
    }

    // Decodes entities and character references of [p, end) onto `out`.
    void decode(const char* p, const char* end, std::string& out) const {
        while (p < end) {
            const char* amp =
                static_cast<const char*>(std::memchr(p, '&', static_cast<std::size_t>(end - p)));
            if (!amp) {
                append_raw(out, p, end);
                return;
            }
            append_raw(out, p, amp);
            const char* semi = static_cast<const char*>(
                std::memchr(amp, ';', static_cast<std::size_t>(end - amp)));
            if (!semi) fail("an & without its ;");
            std::string_view name(amp + 1, static_cast<std::size_t>(semi - amp - 1));
            if (name == "amp")
                out += '&';
            else if (name == "lt")
                out += '<';
            else if (name == "gt")
                out += '>';
            else if (name == "quot")
                out += '"';
            else if (name == "apos")
                out += '\'';
            else if (name.size() > 1 && name[0] == '#') {
                unsigned long cp = 0;
                bool hex = name[1] == 'x';
                std::string digits(name.substr(hex ? 2 : 1));
                char* stop = nullptr;
                cp = std::strtoul(digits.c_str(), &stop, hex ? 16 : 10);
                if (digits.empty() || *stop != '\0' || cp == 0 || cp > 0x10FFFF ||
                    (cp >= 0xD800 && cp <= 0xDFFF))
                    fail("a bad character reference &" + std::string(name) + ";");
                utf8::append(out, static_cast<char32_t>(cp));
            } else {
                fail("the entity &" + std::string(name) +
                     "; is not defined; workbooks declare none");
            }
            p = semi + 1;
        }
    }

    // True when [p, p + size) has a reference or a CR. A cell's text is a
    // few bytes: a loop costs less there than two calls to memchr.
    static bool needs_decoding(const char* p, std::size_t size) {
        if (size > 32) return std::memchr(p, '&', size) || std::memchr(p, '\r', size);
        for (std::size_t i = 0; i < size; ++i)
            if (p[i] == '&' || p[i] == '\r') return true;
        return false;
    }

    void text(const char* p, const char* end) {
        if (p == end) return;
        if (open_.empty()) {
            for (; p < end; ++p)
                if (!space(*p)) fail("text outside the root element");
            return;
        }
        const std::size_t size = static_cast<std::size_t>(end - p);
        if (!needs_decoding(p, size)) {
            handler_.text(p, static_cast<int>(size));
            return;
        }
        scratch_.clear();
        decode(p, end, scratch_);
        handler_.text(scratch_.data(), static_cast<int>(scratch_.size()));
    }

    void cdata(const char* p, const char* end) {
        const std::size_t size = static_cast<std::size_t>(end - p);
        if (!std::memchr(p, '\r', size)) {
            handler_.text(p, static_cast<int>(size));
            return;
        }
        scratch_.clear();
        append_raw(scratch_, p, end);
        handler_.text(scratch_.data(), static_cast<int>(scratch_.size()));
    }

    // The end of the tag starting at `p` (just past '>'), or nullptr when the
    // buffer ends first. '>' may appear inside quoted attribute values.
    static const char* tag_end(const char* p, const char* end) {
        char quote = 0;
        for (; p < end; ++p) {
            char c = *p;
            if (quote) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return p + 1;
            }
        }
        return nullptr;
    }

    static const char* find(const char* p, const char* end, std::string_view what) {
        std::string_view rest(p, static_cast<std::size_t>(end - p));
        std::size_t at = rest.find(what);
        return at == std::string_view::npos ? nullptr : p + at + what.size();
    }

    // Names and plain values are ended with NULs in the buffer itself, which
    // is scanned past them; values with references are decoded aside.
    void start_tag(char* p, const char* close) {
        // p is just past '<', close just past '>'.
        const char* end = close - 1;
        bool empty = end > p && end[-1] == '/';
        if (empty) --end;
        char* q = p;
        while (q < end && !name_end(*q)) ++q;
        if (q == p) fail("a tag without a name");
        if (open_.empty() && seen_root_) fail("a second root element");
        seen_root_ = true;
        char* name_stop = q;
        attributes_.clear();
        ends_.clear();
        std::size_t decoded = 0;
        while (true) {
            while (q < end && space(*q)) ++q;
            if (q >= end) break;
            char* a = q;
            while (q < end && !name_end(*q)) ++q;
            if (q == a) fail("a bad attribute");
            char* key_stop = q;
            while (q < end && space(*q)) ++q;
            if (q >= end || *q != '=') fail("an attribute without a value");
            ++q;
            while (q < end && space(*q)) ++q;
            if (q >= end || (*q != '"' && *q != '\'')) fail("an attribute value without quotes");
            char quote = *q++;
            char* v = q;
            bool reference = false;
            for (; q < end && *q != quote; ++q) reference = reference || *q == '&';
            if (q >= end) fail("an attribute value without its closing quote");
            ends_.push_back(key_stop);
            ends_.push_back(q);
            attributes_.push_back(a);
            if (reference) {
                if (values_.size() <= decoded) values_.resize(decoded + 1);
                values_[decoded].clear();
                decode(v, q, values_[decoded]);
                attributes_.push_back(values_[decoded++].c_str());
            } else {
                attributes_.push_back(v);
            }
            ++q;
        }
        *name_stop = '\0';
        for (char* e : ends_) *e = '\0';
        attributes_.push_back(nullptr);
        handler_.start(p, attributes_.data());
        if (empty) {
            handler_.end(p);
        } else {
            open_.emplace_back(p, static_cast<std::size_t>(name_stop - p));
        }
    }

    void end_tag(const char* p, const char* close) {
        const char* end = close - 1;
        while (end > p && space(end[-1])) --end;
        std::string_view name(p, static_cast<std::size_t>(end - p));
        if (open_.empty() || open_.back() != name)
            fail("</" + std::string(name) + "> closes " +
                 (open_.empty() ? std::string("nothing") : "<" + open_.back() + ">"));
        handler_.end(open_.back().c_str());
        open_.pop_back();
    }

    // Scans whole tokens of pending_; returns how many bytes were used.
    std::size_t scan(bool final) {
        char* begin = pending_.data();
        token_ = begin;
        const char* end = begin + pending_.size();
        const char* p = begin;
        while (p < end && !stopped_) {
            token_ = p;
            if (*p != '<') {
                const char* lt = static_cast<const char*>(
                    std::memchr(p, '<', static_cast<std::size_t>(end - p)));
                const char* stop = lt ? lt : end;
                if (!lt && !final) {
                    // Keep a possibly cut entity, or a CR whose LF may come
                    // next, for the next chunk.
                    const char* amp = stop;
                    for (const char* k = stop; k > p && stop - k < 12; --k)
                        if (k[-1] == '&') {
                            amp = k - 1;
                            break;
                        } else if (k[-1] == ';') {
                            break;
                        }
                    stop = amp;
                    if (stop > p && stop[-1] == '\r') --stop;
                }
                text(p, stop);
                p = stop;
                if (!lt) break;
                continue;
            }
            const char* rest = p + 1;
            if (rest >= end) break;
            const char* close = nullptr;
            if (*rest == '?') {
                if (!(close = find(rest, end, "?>"))) break;
            } else if (*rest == '!') {
                std::string_view head(
                    rest, static_cast<std::size_t>(std::min<std::ptrdiff_t>(end - rest, 8)));
                if (head.size() < 3) break;
                if (head.compare(0, 3, "!--") == 0) {
                    if (!(close = find(rest, end, "-->"))) break;
                } else if (head.size() >= 8 && head == "![CDATA[") {
                    if (!(close = find(rest, end, "]]>"))) break;
                    if (open_.empty()) fail("CDATA outside the root element");
                    cdata(rest + 8, close - 3);
                } else if (head.size() < 8 &&
                           std::string_view("![CDATA[").substr(0, head.size()) == head) {
                    break;
                } else {
                    doctype(package_, part_);
                }
            } else if (*rest == '/') {
                if (!(close = tag_end(rest, end))) break;
                end_tag(rest + 1, close);
            } else {
                if (!(close = tag_end(rest, end))) break;
                start_tag(begin + (rest - begin), close);
            }
            p = close;
            stopped_ = handler_.stopped();
        }
        return static_cast<std::size_t>(p - begin);
    }

    const Package& package_;
    const std::string& part_;
    XmlHandler& handler_;
    std::string pending_;
    std::string scratch_;
    std::vector<std::string> values_;
    std::vector<char*> ends_;
    std::vector<const char*> attributes_;
    std::vector<std::string> open_;
    std::uint64_t offset_ = 0;     // of pending_ in the part
    const char* token_ = nullptr;  // the token being scanned, for errors
    bool seen_root_ = false;
    bool stopped_ = false;
    bool bom_checked_ = false;
};

}  // namespace

void stream_part(const Package& package, const std::string& part, XmlHandler& handler) {
    handler.stopped_ = false;
    Scanner scanner(package, part, handler);
    Utf8Checker check;
    std::uint64_t offset = 0;
    bool stopped = false;
    package.stream(part, [&](const char* data, std::size_t size) {
        std::size_t bad = check.feed(data, size);
        if (bad != std::string::npos)
            not_utf8(package, part, line_at(package, part, offset + bad), data + bad);
        offset += size;
        stopped = !scanner.feed(data, size);
        return !stopped;
    });
    if (stopped) return;
    if (!check.complete()) not_utf8(package, part, line_at(package, part, offset), nullptr);
    scanner.finish();
}

}  // namespace kdx::xlsx
