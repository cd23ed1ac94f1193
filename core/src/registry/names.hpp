// Comparing municipality names the way people write them: in any of their
// official forms, in any case, with or without Norwegian and Sámi letters.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kdx::registry_detail {

// The official forms of a name: "Kárášjohka - Karasjok" -> {"Kárášjohka",
// "Karasjok"}; a name without " - " is its only form.
std::vector<std::string> name_forms(std::string_view name);

// A form folded for comparison: lower case, a county qualifier "(Viken)"
// dropped, æ -> ae, ø -> o, å -> a, Sámi letters to their base letter
// (á -> a, š -> s, ŋ -> n, ...), "aa" -> "a" and "oe" -> "o" so that the
// ASCII spellings "Aas" and "Tromsoe" meet, hyphens and runs of spaces as one
// space.
std::string fold_name(std::string_view form);

// fold_name() of every form of `name`.
std::vector<std::string> folded_forms(std::string_view name);

// As names_match() and name_distance() below, on names already folded.
bool folded_match(const std::vector<std::string>& a, const std::vector<std::string>& b);
// folded_distance() skips pairs whose lengths alone put them `limit` or more apart.
std::size_t folded_distance(const std::vector<std::string>& a, const std::vector<std::string>& b,
                            std::size_t limit = static_cast<std::size_t>(-1));

// True when any form of `a` folds to any form of `b`.
bool names_match(std::string_view a, std::string_view b);

// The smallest edit distance (insertions, deletions, substitutions and swaps
// of neighbours) between the folded forms of `a` and `b`.
std::size_t name_distance(std::string_view a, std::string_view b);

// Edit distance as above between two plain strings.
// With a limit, any distance above it may come back as limit + 1: the
// table is abandoned once no cell of the last two rows is within the limit.
std::size_t edit_distance(std::string_view a, std::string_view b,
                          std::size_t limit = std::string::npos);

}  // namespace kdx::registry_detail
