#include "truetype_hinting.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

#include "kdx/error.hpp"

namespace kdx::pdf {

namespace {

[[noreturn]] void bad(const char* what) {
    throw Error(std::string("pdf: a font program that is not TrueType: ") + what);
}

std::uint16_t u16(std::string_view s, std::size_t at) {
    if (at + 2 > s.size()) bad("cut short");
    return static_cast<std::uint16_t>(static_cast<unsigned char>(s[at]) << 8 |
                                      static_cast<unsigned char>(s[at + 1]));
}

std::uint32_t u32(std::string_view s, std::size_t at) {
    return static_cast<std::uint32_t>(u16(s, at)) << 16 | u16(s, at + 2);
}

void put16(std::string& s, std::size_t at, std::uint16_t v) {
    s[at] = static_cast<char>(v >> 8);
    s[at + 1] = static_cast<char>(v);
}

void put32(std::string& s, std::size_t at, std::uint32_t v) {
    put16(s, at, static_cast<std::uint16_t>(v >> 16));
    put16(s, at + 2, static_cast<std::uint16_t>(v));
}

void append16(std::string& s, std::uint16_t v) {
    s += static_cast<char>(v >> 8);
    s += static_cast<char>(v);
}

void append32(std::string& s, std::uint32_t v) {
    append16(s, static_cast<std::uint16_t>(v >> 16));
    append16(s, static_cast<std::uint16_t>(v));
}

std::uint32_t big_endian(std::uint32_t word) {
    const auto* b = reinterpret_cast<const unsigned char*>(&word);
    return static_cast<std::uint32_t>(b[0]) << 24 | static_cast<std::uint32_t>(b[1]) << 16 |
           static_cast<std::uint32_t>(b[2]) << 8 | b[3];
}

// The sum of the big-endian words, the last one padded with zeros.
std::uint32_t checksum(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    std::uint32_t sum = 0;
    std::size_t at = 0;
    // A word at a time (memcpy and a byte swap compile to one load each):
    // the two sums over each subset were a third of this file's time.
    for (; at + 4 <= s.size(); at += 4) {
        std::uint32_t word;
        std::memcpy(&word, p + at, 4);
        sum += big_endian(word);
    }
    std::uint32_t last = 0;
    for (std::size_t i = 0; i < 4; ++i) last = last << 8 | (at + i < s.size() ? p[at + i] : 0u);
    return at < s.size() ? sum + last : sum;
}

constexpr std::uint32_t tag(const char (&t)[5]) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(t[0])) << 24 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(t[1])) << 16 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(t[2])) << 8 |
           static_cast<unsigned char>(t[3]);
}

struct Table {
    std::uint32_t tag;
    std::string data;
};

// A glyph's description without its instructions. A simple glyph keeps its
// instruction count, as zero; a composite one loses WE_HAVE_INSTRUCTIONS and
// what followed its last component.
void append_glyph(std::string& out, std::string_view glyph) {
    if (glyph.size() < 10) {
        out.append(glyph);
        return;
    }
    const auto contours = static_cast<std::int16_t>(u16(glyph, 0));
    if (contours >= 0) {
        const std::size_t count_at = 10 + 2 * static_cast<std::size_t>(contours);
        const std::size_t instructions = u16(glyph, count_at);
        if (count_at + 2 + instructions > glyph.size()) bad("glyph instructions past its end");
        out.append(glyph.substr(0, count_at));
        append16(out, 0);
        out.append(glyph.substr(count_at + 2 + instructions));
        return;
    }
    constexpr std::uint16_t words = 0x0001, scale = 0x0008, more = 0x0020, xy_scale = 0x0040,
                            two_by_two = 0x0080, have_instructions = 0x0100;
    const std::size_t start = out.size();
    std::size_t at = 10;
    std::vector<std::size_t> flags_at;
    for (bool again = true; again;) {
        const std::uint16_t flags = u16(glyph, at);
        flags_at.push_back(at);
        at += 4 + ((flags & words) ? 4 : 2);
        if (flags & scale)
            at += 2;
        else if (flags & xy_scale)
            at += 4;
        else if (flags & two_by_two)
            at += 8;
        again = (flags & more) != 0;
    }
    if (at > glyph.size()) bad("glyph components past its end");
    out.append(glyph.substr(0, at));
    for (std::size_t f : flags_at)
        put16(out, start + f, static_cast<std::uint16_t>(u16(glyph, f) & ~have_instructions));
}

}  // namespace

std::string without_hinting(std::string_view font, const std::set<unsigned>* drawn) {
    const std::size_t count = u16(font, 4);
    std::vector<Table> tables;
    Table* head = nullptr;
    Table* maxp = nullptr;
    Table* hhea = nullptr;
    Table* hmtx = nullptr;
    std::string_view loca, glyf;
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t entry = 12 + 16 * i;
        const std::uint32_t t = u32(font, entry);
        const std::size_t offset = u32(font, entry + 8), length = u32(font, entry + 12);
        if (offset > font.size() || length > font.size() - offset) bad("a table past the end");
        const std::string_view data = font.substr(offset, length);
        if (t == tag("loca")) loca = data;
        if (t == tag("glyf")) glyf = data;
        if (t == tag("fpgm") || t == tag("prep") || t == tag("cvt ") || t == tag("hdmx") ||
            t == tag("LTSH") || t == tag("VDMX"))
            continue;
        tables.push_back({t, std::string(data)});
    }
    for (Table& t : tables) {
        if (t.tag == tag("head")) head = &t;
        if (t.tag == tag("maxp")) maxp = &t;
        if (t.tag == tag("hhea")) hhea = &t;
        if (t.tag == tag("hmtx")) hmtx = &t;
    }
    if (!head || !maxp || loca.empty() || glyf.empty()) bad("no head, maxp, loca or glyf table");
    if (head->data.size() < 54 || maxp->data.size() < 6) bad("head or maxp cut short");

    const bool long_loca = u16(head->data, 50) != 0;
    const std::size_t glyphs = u16(maxp->data, 4);
    auto location = [&](std::size_t g) -> std::size_t {
        return long_loca ? u32(loca, 4 * g) : 2 * static_cast<std::size_t>(u16(loca, 2 * g));
    };
    if (loca.size() < (long_loca ? 4 : 2) * (glyphs + 1)) bad("loca cut short");
    std::string new_glyf, new_loca((long_loca ? 4 : 2) * (glyphs + 1), '\0');
    new_glyf.reserve(glyf.size());
    auto set_location = [&](std::size_t g) {
        if (long_loca)
            put32(new_loca, 4 * g, static_cast<std::uint32_t>(new_glyf.size()));
        else
            put16(new_loca, 2 * g, static_cast<std::uint16_t>(new_glyf.size() / 2));
    };
    const std::size_t long_metrics =
        hhea && hhea->data.size() >= 36 ? std::min<std::size_t>(u16(hhea->data, 34), glyphs) : 0;
    std::vector<bool> is_drawn(drawn ? glyphs : 0);
    if (drawn)
        for (unsigned g : *drawn)
            if (g < glyphs) is_drawn[g] = true;
    std::size_t begin = location(0);
    for (std::size_t g = 0; g < glyphs; ++g) {
        const std::size_t end = location(g + 1);
        if (drawn && hmtx && long_metrics && end <= begin && !is_drawn[g]) {
            const std::size_t at =
                g < long_metrics ? 4 * g : 4 * long_metrics + 2 * (g - long_metrics);
            const std::size_t length = g < long_metrics ? 4 : 2;
            if (at + length <= hmtx->data.size()) std::fill_n(&hmtx->data[at], length, '\0');
        }
        set_location(g);
        if (end > begin) {
            if (end > glyf.size()) bad("a glyph past the end of glyf");
            append_glyph(new_glyf, glyf.substr(begin, end - begin));
            if (new_glyf.size() % 2) new_glyf += '\0';  // short offsets count words
        }
        begin = end;
    }
    set_location(glyphs);

    if (u32(maxp->data, 0) == 0x00010000 && maxp->data.size() >= 28) {
        put16(maxp->data, 14, 1);  // maxZones: no twilight zone
        for (std::size_t at = 16; at <= 26; at += 2) put16(maxp->data, at, 0);
    }
    put32(head->data, 8, 0);  // checkSumAdjustment, set below
    for (Table& t : tables) {
        if (t.tag == tag("glyf")) t.data = std::move(new_glyf);
        if (t.tag == tag("loca")) t.data = std::move(new_loca);
    }
    std::sort(tables.begin(), tables.end(),
              [](const Table& a, const Table& b) { return a.tag < b.tag; });

    const auto n = static_cast<std::uint16_t>(tables.size());
    std::uint16_t selector = 0;
    while ((2u << selector) <= n) ++selector;
    const auto range = static_cast<std::uint16_t>(16u << selector);
    std::string out;
    std::size_t size = 12 + 16 * tables.size();
    for (const Table& t : tables) size += (t.data.size() + 3) & ~std::size_t{3};
    out.reserve(size);
    append32(out, u32(font, 0));
    append16(out, n);
    append16(out, range);
    append16(out, selector);
    append16(out, static_cast<std::uint16_t>(16 * n - range));
    std::size_t offset = 12 + 16 * tables.size();
    for (const Table& t : tables) {
        append32(out, t.tag);
        append32(out, checksum(t.data));
        append32(out, static_cast<std::uint32_t>(offset));
        append32(out, static_cast<std::uint32_t>(t.data.size()));
        offset += (t.data.size() + 3) & ~std::size_t{3};
    }
    std::size_t head_at = 0;
    for (const Table& t : tables) {
        if (t.tag == tag("head")) head_at = out.size();
        out += t.data;
        out.append((4 - t.data.size() % 4) % 4, '\0');
    }
    put32(out, head_at + 8, 0xB1B0AFBAu - checksum(out));
    return out;
}

}  // namespace kdx::pdf
