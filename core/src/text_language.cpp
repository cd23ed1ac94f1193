#include "kdx/text_language.hpp"

#include <algorithm>
#include <stdexcept>

#include "kdx/utf8.hpp"
#include "registry/csv_text.hpp"
#include "registry/embedded_data.hpp"

namespace kdx {

namespace {

constexpr const char* table_file = "name-languages.csv";

struct NameForm {
    std::string name;
    std::string language;
};

// Longest names first, so that "Romsa ja Finnmárku" wins over "Romsa".
const std::vector<NameForm>& name_forms() {
    static const std::vector<NameForm> forms = [] {
        std::string_view text = registry_detail::embedded_file(table_file);
        if (text.empty())
            throw std::runtime_error(std::string("registry file missing: ") + table_file);
        std::vector<NameForm> result;
        for (const auto& r : registry_detail::read_csv(text, ';', table_file)) {
            if (r.size() < 2 || r[0].empty() || r[1].empty())
                throw std::runtime_error(std::string(table_file) + ": expected name;language;of");
            result.push_back({r[0], r[1]});
        }
        std::stable_sort(result.begin(), result.end(), [](const NameForm& a, const NameForm& b) {
            return a.name.size() > b.name.size();
        });
        return result;
    }();
    return forms;
}

// A byte that can be part of a word: ASCII letters and digits, and every byte
// of a multi-byte UTF-8 sequence except those of punctuation kdx writes around
// names (U+00A0 no-break space, U+00AB/U+00BB guillemets, U+2010–U+205F
// dashes, quotes and spaces).
bool word_byte_at(std::string_view s, std::size_t i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    // The character byte i belongs to; bad bytes count as part of a word.
    const utf8::Sequence q = utf8::decode(s, utf8::boundary_before(s, i));
    if (!q.valid) return true;
    const char32_t cp = q.code_point;
    if (cp == 0xA0 || cp == 0xAB || cp == 0xBB) return false;
    return cp < 0x2010 || cp > 0x205F;
}

}  // namespace

std::vector<LanguageSpan> language_spans(std::string_view text) {
    struct Hit {
        std::size_t at, size;
        std::string_view language;
    };
    std::vector<Hit> hits;
    for (const NameForm& form : name_forms()) {
        for (std::size_t at = text.find(form.name); at != std::string_view::npos;
             at = text.find(form.name, at + 1)) {
            std::size_t end = at + form.name.size();
            if ((at > 0 && word_byte_at(text, at - 1)) ||
                (end < text.size() && word_byte_at(text, end)))
                continue;
            bool overlaps = std::any_of(hits.begin(), hits.end(), [&](const Hit& h) {
                return at < h.at + h.size && h.at < end;
            });
            if (!overlaps) hits.push_back({at, form.name.size(), form.language});
        }
    }
    std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.at < b.at; });
    std::vector<LanguageSpan> spans;
    std::size_t from = 0;
    for (const Hit& h : hits) {
        if (h.at > from) spans.push_back({text.substr(from, h.at - from), {}});
        spans.push_back({text.substr(h.at, h.size), h.language});
        from = h.at + h.size;
    }
    if (from < text.size() || spans.empty()) spans.push_back({text.substr(from), {}});
    return spans;
}

std::string_view name_language(std::string_view name) {
    for (const NameForm& form : name_forms())
        if (form.name == name) return form.language;
    return {};
}

}  // namespace kdx
