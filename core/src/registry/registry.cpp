#include "kdx/registry.hpp"

#include "registry/suggest.hpp"
#include "registry/tables.hpp"

namespace kdx {

using namespace registry_detail;

const MunicipalityRegistry& MunicipalityRegistry::builtin() {
    static const MunicipalityRegistry registry(builtin_tables());
    return registry;
}

int MunicipalityRegistry::first_year() const noexcept { return period_starts.front(); }

int MunicipalityRegistry::last_reform_year() const noexcept { return period_starts.back(); }

std::optional<Municipality> MunicipalityRegistry::find(const std::string& number, int year) const {
    const Entry* u = tables_->find(number, period_of(year));
    if (!u) return std::nullopt;
    return tables_->to_municipality(*u, year);
}

std::vector<Municipality> MunicipalityRegistry::municipalities_in(int year) const {
    std::vector<Municipality> out;
    for (const Entry& u : tables_->entries[period_of(year)])
        out.push_back(tables_->to_municipality(u, year));
    return out;
}

std::vector<std::string> MunicipalityRegistry::successors(const std::string& number, int from_year,
                                                          int to_year) const {
    std::vector<std::string> out;
    if (const Entry* u = tables_->find(number, period_of(from_year)))
        for (const Entry* s : tables_->covering(u->atoms, period_of(to_year)))
            out.push_back(s->number);
    return out;
}

std::vector<std::string> MunicipalityRegistry::numbers_named(const std::string& name,
                                                             int year) const {
    std::vector<std::string> out;
    for (const Entry* u : entries_named(*tables_, name, period_of(year))) out.push_back(u->number);
    return out;
}

std::optional<Municipality> MunicipalityRegistry::closest_by_name(const std::string& name,
                                                                  int year) const {
    const Entry* u = closest_name(*tables_, name, period_of(year));
    if (!u) return std::nullopt;
    return tables_->to_municipality(*u, year);
}

std::optional<Municipality> MunicipalityRegistry::suggest(const std::string& number,
                                                          const std::string& name, int year) const {
    const Entry* u = suggest_entry(*tables_, number, name, year);
    if (!u) return std::nullopt;
    return tables_->to_municipality(*u, year);
}

}  // namespace kdx
