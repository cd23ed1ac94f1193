// Text identifiers of the model's enumerations, as files write them.
#include <array>
#include <utility>

#include "kdx/model.hpp"

namespace kdx {

namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> lookup(const std::array<std::pair<Enum, const char*>, N>& names,
                           const std::string& s) {
    for (const auto& [value, name] : names)
        if (s == name) return value;
    return std::nullopt;
}

template <typename Enum, std::size_t N>
const char* name_of(const std::array<std::pair<Enum, const char*>, N>& names, Enum e) {
    for (const auto& [value, name] : names)
        if (value == e) return name;
    return "";
}

constexpr std::array<std::pair<LanguageForm, const char*>, 4> language_names{{
    {LanguageForm::unspecified, ""},
    {LanguageForm::bokmal, "nb"},
    {LanguageForm::nynorsk, "nn"},
    {LanguageForm::neutral, "neutral"},
}};

constexpr std::array<std::pair<ProgrammeKind, const char*>, 6> programme_kind_names{{
    {ProgrammeKind::introduction_programme, "introduction-programme"},
    {ProgrammeKind::norwegian_training, "norwegian-training"},
    {ProgrammeKind::vocational_course, "vocational-course"},
    {ProgrammeKind::integration_reception_centre, "integration-reception-centre"},
    {ProgrammeKind::parent_guidance, "parent-guidance"},
    {ProgrammeKind::other, "other"},
}};

constexpr std::array<std::pair<Unit, const char*>, 6> unit_names{{
    {Unit::persons, "persons"},
    {Unit::percent, "percent"},
    {Unit::per_mille, "per-mille"},
    {Unit::nok, "nok"},
    {Unit::years, "years"},
    {Unit::other, "other"},
}};

constexpr std::array<std::pair<NominationStatus, const char*>, 3> status_names{{
    {NominationStatus::nominated, "nominated"},
    {NominationStatus::finalist, "finalist"},
    {NominationStatus::winner, "winner"},
}};

}  // namespace

const char* to_string(LanguageForm f) noexcept { return name_of(language_names, f); }
std::optional<LanguageForm> language_form_from_string(const std::string& s) {
    return lookup(language_names, s);
}

const char* to_string(ProgrammeKind k) noexcept { return name_of(programme_kind_names, k); }
std::optional<ProgrammeKind> programme_kind_from_string(const std::string& s) {
    return lookup(programme_kind_names, s);
}

const char* to_string(Unit u) noexcept { return name_of(unit_names, u); }
std::optional<Unit> unit_from_string(const std::string& s) { return lookup(unit_names, s); }

const char* to_string(NominationStatus s) noexcept { return name_of(status_names, s); }
std::optional<NominationStatus> nomination_status_from_string(const std::string& s) {
    return lookup(status_names, s);
}

}  // namespace kdx
