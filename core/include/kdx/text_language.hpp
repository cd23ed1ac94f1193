// Where a report's text changes language. The Sámi and Kven forms of official
// municipality and county names ("Guovdageaidnu - Kautokeino", "Troms - Romsa
// - Tromssa") are words of another language in a Norwegian or English text;
// renderers mark them (PDF: a Span with /Lang, HTML: lang on a span) so that a
// screen reader switches voice instead of reading "Guovdageaidnu" as Norwegian.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kdx {

// A stretch of a text; `language` is a BCP 47 tag ("se" Northern Sámi, "smj"
// Lule Sámi, "sma" Southern Sámi, "fkv" Kven), or empty where the text is in
// the language around it.
struct LanguageSpan {
    std::string_view text;
    std::string_view language;
};

// `text` cut where a name form of data/registry/name-languages.csv stands as a
// whole word (or words), the rest as spans without a language. Concatenating
// the spans gives `text` back; a text with no such name is one span. The
// views point into `text` and the compiled-in table.
std::vector<LanguageSpan> language_spans(std::string_view text);

// The language of a whole name form ("Guovdageaidnu" → "se"); empty when the
// table does not list it.
std::string_view name_language(std::string_view name);

}  // namespace kdx
