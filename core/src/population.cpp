#include "population.hpp"

namespace kdx {

std::map<std::string, const Outcome*> latest_population(const Dataset& dataset) {
    std::map<std::string, const Outcome*> latest;
    for (const Outcome& o : dataset.outcomes) {
        if (o.indicator != population_indicator || !o.programme.empty() || !o.value.has_value())
            continue;
        const Outcome*& best = latest[o.municipality];
        if (!best || o.year > best->year) best = &o;
    }
    return latest;
}

void update_population(Dataset& dataset) {
    const auto latest = latest_population(dataset);
    if (latest.empty()) return;
    for (Municipality& m : dataset.municipalities) {
        auto it = latest.find(m.number);
        if (it != latest.end()) m.population = static_cast<std::int64_t>(it->second->value.get());
    }
}

}  // namespace kdx
