#include "registry/names.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "kdx/utf8.hpp"

namespace kdx::registry_detail {

namespace {

// ASCII spellings of the letters used in Norwegian, Sámi and Kven names.
struct Folding {
    std::uint32_t code_point;
    const char* ascii;
};
constexpr Folding foldings[] = {
    {0xE6, "ae"}, {0xC6, "ae"},                              // æ Æ
    {0xF8, "o"},  {0xD8, "o"},  {0xF6, "o"},  {0xD6, "o"},   // ø Ø ö Ö
    {0xF3, "o"},  {0xD3, "o"},  {0xF2, "o"},  {0xD2, "o"},   // ó Ó ò Ò
    {0xF4, "o"},  {0xD4, "o"},                               // ô Ô
    {0xE5, "a"},  {0xC5, "a"},  {0xE4, "a"},  {0xC4, "a"},   // å Å ä Ä
    {0xE1, "a"},  {0xC1, "a"},  {0xE0, "a"},  {0xC0, "a"},   // á Á à À
    {0xE2, "a"},  {0xC2, "a"},                               // â Â
    {0xE9, "e"},  {0xC9, "e"},  {0xE8, "e"},  {0xC8, "e"},   // é É è È
    {0xEA, "e"},  {0xCA, "e"},                               // ê Ê
    {0xED, "i"},  {0xCD, "i"},  {0xEF, "i"},  {0xCF, "i"},   // í Í ï Ï
    {0xFA, "u"},  {0xDA, "u"},  {0xFC, "u"},  {0xDC, "u"},   // ú Ú ü Ü
    {0x161, "s"}, {0x160, "s"}, {0x14B, "n"}, {0x14A, "n"},  // š Š ŋ Ŋ
    {0x10D, "c"}, {0x10C, "c"}, {0x111, "d"}, {0x110, "d"},  // č Č đ Đ
    {0x167, "t"}, {0x166, "t"}, {0x17E, "z"}, {0x17D, "z"},  // ŧ Ŧ ž Ž
};

// The ASCII spelling of a letter; null for a character kept as it is.
const char* ascii_for(std::uint32_t cp) {
    for (const Folding& f : foldings)
        if (f.code_point == cp) return f.ascii;
    return nullptr;
}

// Replaces every `from` by `to` (to is shorter, so this terminates).
void replace_all(std::string& s, std::string_view from, std::string_view to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at))
        s.replace(at, from.size(), to);
}

}  // namespace

std::vector<std::string> name_forms(std::string_view name) {
    std::vector<std::string> forms;
    std::size_t start = 0;
    for (;;) {
        std::size_t at = name.find(" - ", start);
        std::string form(name.substr(start, at == std::string_view::npos ? at : at - start));
        if (!form.empty()) forms.push_back(std::move(form));
        if (at == std::string_view::npos) break;
        start = at + 3;
    }
    if (forms.empty()) forms.emplace_back(name);
    return forms;
}

std::string fold_name(std::string_view form) {
    std::size_t paren = form.find('(');
    if (paren != std::string_view::npos) form = form.substr(0, paren);
    std::string out;
    for (std::size_t pos = 0; pos < form.size();) {
        std::size_t start = pos;
        // Bad bytes are kept as they are, unfolded, so that folding never fails.
        const utf8::Sequence q = utf8::decode(form, pos);
        pos += q.length;
        const std::uint32_t cp = q.valid ? q.code_point : 0xFFFD;
        if (cp < 0x80) {
            char c = static_cast<char>(cp);
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            if (c == '-' || c == '/' || c == '_' || c == '.' || c == '\t') c = ' ';
            if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
            out += c;
        } else if (const char* ascii = ascii_for(cp)) {
            out += ascii;
        } else {
            out.append(form.substr(start, pos - start));
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    replace_all(out, "aa", "a");
    replace_all(out, "oe", "o");
    return out;
}

std::vector<std::string> folded_forms(std::string_view name) {
    std::vector<std::string> out;
    for (const std::string& form : name_forms(name)) out.push_back(fold_name(form));
    return out;
}

bool folded_match(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    for (const std::string& x : a)
        for (const std::string& y : b)
            if (x == y) return true;
    return false;
}

namespace {

// The bytes of a form counted by their low five bits. An edit changes the
// counts by one up, one down or both, and a swap not at all, so the counts
// alone put two forms at least counts_apart() edits apart: a check of 32
// numbers that spares most of the edit distances a suggestion would compute
// (a name compared with every municipality of its period).
struct LetterCounts {
    std::array<std::int16_t, 32> n{};
    explicit LetterCounts(std::string_view s) {
        for (unsigned char c : s) ++n[c & 31];
    }
};

std::size_t counts_apart(const LetterCounts& a, const LetterCounts& b) {
    int more = 0, fewer = 0;  // without branches, so that the loop is vectorised
    for (std::size_t i = 0; i < a.n.size(); ++i) {
        const int d = a.n[i] - b.n[i];
        more += std::max(d, 0);
        fewer += std::max(-d, 0);
    }
    return static_cast<std::size_t>(std::max(more, fewer));
}

}  // namespace

std::size_t folded_distance(const std::vector<std::string>& a, const std::vector<std::string>& b,
                            std::size_t limit) {
    std::size_t best = std::string::npos;
    for (const std::string& x : a) {
        const LetterCounts counted(x);
        for (const std::string& y : b) {
            const std::size_t bound = std::min(best, limit);
            std::size_t gap = x.size() > y.size() ? x.size() - y.size() : y.size() - x.size();
            if (gap >= bound) continue;  // the distance is at least the gap
            if (bound != std::string::npos && counts_apart(counted, LetterCounts(y)) >= bound)
                continue;
            best = std::min(best, edit_distance(x, y, bound));
        }
    }
    return best;
}

bool names_match(std::string_view a, std::string_view b) {
    return folded_match(folded_forms(a), folded_forms(b));
}

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
    // Optimal string alignment: Levenshtein plus swaps of neighbouring letters.
    // Three rows of the table; names and numbers fit the stack, so the
    // thousands of comparisons a suggestion takes allocate nothing.
    const std::size_t n = a.size(), m = b.size();
    constexpr std::size_t on_stack = 64;
    std::size_t stack_rows[3 * on_stack];
    std::vector<std::size_t> heap_rows;
    std::size_t* rows = stack_rows;
    if (m + 1 > on_stack) {
        heap_rows.resize(3 * (m + 1));
        rows = heap_rows.data();
    }
    std::size_t* before = rows;
    std::size_t* previous = rows + (m + 1);
    std::size_t* current = rows + 2 * (m + 1);
    for (std::size_t j = 0; j <= m; ++j) previous[j] = j;
    std::size_t previous_min = 0;  // the smallest cell of the row before
    for (std::size_t i = 1; i <= n; ++i) {
        current[0] = i;
        std::size_t row_min = i;
        for (std::size_t j = 1; j <= m; ++j) {
            std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                current[j] = std::min(current[j], before[j - 2] + 1);
            row_min = std::min(row_min, current[j]);
        }
        // Later rows grow from this row, or from the one before by a swap,
        // so none of their cells is below the smaller of these two.
        if (limit != std::string::npos && std::min(row_min, previous_min + 1) > limit)
            return limit + 1;
        previous_min = row_min;
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return previous[m];
}

std::size_t name_distance(std::string_view a, std::string_view b) {
    return folded_distance(folded_forms(a), folded_forms(b));
}

}  // namespace kdx::registry_detail
