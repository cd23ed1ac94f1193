// What a profile says: the municipality, prize and year it is about, its lead,
// sections and date, with IMDi's web page furniture left out.
#pragma once

#include "kdx/diagnostics.hpp"
#include "kdx/format.hpp"
#include "kdx/model.hpp"
#include "paragraphs.hpp"

namespace kdx::profile {

// One Nomination and its municipality (from the registry). Read options and
// the front matter settle the municipality, year and prize; otherwise they come
// from the text. Throws kdx::Error naming the line when one cannot be found.
Dataset read_nomination(const ProfileText& profile, const Options& options,
                        Diagnostics& diagnostics);

// "21. desember 2018", "21.12.2018" or "2018-12-21" as "2018-12-21"; "" if none.
std::string iso_date(const std::string& text);

// "Bosettings- og inkluderingsprisen" as "bosettings-og-inkluderingsprisen".
std::string prize_id(const std::string& name);

}  // namespace kdx::profile
