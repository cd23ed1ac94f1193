#include "registry/suggest.hpp"

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <numeric>

#include "registry/names.hpp"

namespace kdx::registry_detail {

namespace {

bool all_digits(const std::string& s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// How far apart two numbers look: digit edits first, then numeric distance.
std::pair<std::size_t, long> number_gap(const std::string& a, const std::string& b) {
    long numeric = all_digits(a) && all_digits(b) && a.size() < 10 && b.size() < 10
                       ? std::labs(std::stol(a) - std::stol(b))
                       : 0;
    return {edit_distance(a, b), numeric};
}

const Entry* nearest_number(const std::vector<const Entry*>& entries, const std::string& number) {
    const Entry* best = nullptr;
    std::pair<std::size_t, long> best_gap{};
    for (const Entry* u : entries) {
        auto gap = number_gap(number, u->number);
        if (!best || gap < best_gap) {
            best = u;
            best_gap = gap;
        }
    }
    return best;
}

// How many edits a name of this length may have and still look like a typo.
std::size_t typo_allowance(std::size_t folded_length) {
    return folded_length <= 3 ? 0 : folded_length <= 5 ? 1 : folded_length <= 9 ? 2 : 3;
}

}  // namespace

std::vector<const Entry*> entries_named(const Tables& t, const std::string& name, int period) {
    std::vector<const Entry*> out;
    const std::vector<std::string> folded = folded_forms(name);
    for (const Entry& u : t.entries[period])
        if (folded_match(folded, u.folded)) out.push_back(&u);
    return out;
}

const Entry* closest_name(const Tables& t, const std::string& name, int period) {
    std::size_t allowance = 0;
    const std::vector<std::string> folded = folded_forms(name);
    for (const std::string& form : folded)
        allowance = std::max(allowance, typo_allowance(form.size()));
    const Entry* best = nullptr;
    std::size_t best_distance = allowance + 1;
    for (const Entry& u : t.entries[period]) {
        std::size_t d = folded_distance(folded, u.folded, best_distance);
        if (d < best_distance) {
            best = &u;
            best_distance = d;
        }
    }
    return best;
}

int nearest_period(const Tables& t, const std::string& number, int period) {
    int best = -1;
    for (int p : t.periods_of(number))
        if (best < 0 || std::abs(p - period) <= std::abs(best - period)) best = p;
    return best;
}

const Entry* suggest_entry(const Tables& t, const std::string& number, const std::string& name,
                           int year) {
    const int period = period_of(year);
    if (!name.empty()) {
        auto named = entries_named(t, name, period);
        if (!named.empty()) return nearest_number(named, number);
    }
    int other = nearest_period(t, number, period);
    if (other >= 0 && other != period) {
        auto successors = t.covering(t.find(number, other)->atoms, period);
        // After a split no single municipality is the answer.
        return successors.size() == 1 ? successors.front() : nullptr;
    }
    if (!name.empty())
        if (const Entry* u = closest_name(t, name, period)) return u;
    if (!all_digits(number)) return nullptr;
    if (number.size() == 3)
        if (const Entry* u = t.find("0" + number, period)) return u;
    std::vector<const Entry*> near;
    for (const Entry& u : t.entries[period]) {
        // One edit between numbers of one length differs in two places at most.
        if (u.number.size() == number.size() &&
            std::inner_product(number.begin(), number.end(), u.number.begin(), std::size_t{0},
                               std::plus<>(), std::not_equal_to<>()) > 2)
            continue;
        if (edit_distance(number, u.number, 1) == 1) near.push_back(&u);
    }
    return nearest_number(near, number);
}

std::string join_labels(const std::vector<const Entry*>& entries) {
    std::string out;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (i > 0) out += i + 1 == entries.size() ? " and " : ", ";
        out += label(*entries[i]);
    }
    return out;
}

std::string number_problem(const Tables& t, const std::string& number, const std::string& name,
                           int year) {
    const int period = period_of(year);
    const Entry* entry = t.find(number, period);
    std::string message;
    const Entry* suggestion = nullptr;
    if (entry) {
        if (name.empty() || names_match(name, entry->name)) return {};
        message = "municipality " + number + " is " + entry->name + " in " + std::to_string(year) +
                  ", not \"" + name + "\"";
        // The number is real, so only the name can point elsewhere.
        auto named = entries_named(t, name, period);
        suggestion = named.empty() ? closest_name(t, name, period) : nearest_number(named, number);
    } else if (int other = nearest_period(t, number, period); other >= 0) {
        const Entry* was = t.find(number, other);
        message = "municipality number \"" + number + "\" was not in use in " +
                  std::to_string(year) + " (" + label(*was) + ", " + years_text(*was) + ")";
        auto successors = t.covering(was->atoms, period);
        if (successors.size() > 1)
            message += "; in " + std::to_string(year) + " its area was " + join_labels(successors);
        suggestion = suggest_entry(t, number, name, year);
    } else {
        message = "unknown municipality number \"" + number + "\"";
        suggestion = suggest_entry(t, number, name, year);
    }
    if (suggestion && suggestion != entry) message += "; did you mean " + label(*suggestion) + "?";
    return message;
}

}  // namespace kdx::registry_detail
