#include "kdx/validate.hpp"

#include <map>
#include <set>
#include <tuple>

namespace kdx {

namespace {

class Validator {
public:
    Validator(const Dataset& d, Diagnostics& out, const ValidationOptions& o)
        : d_(d), out_(out), o_(o) {}

    void run() {
        check_municipalities();
        check_settlement();
        check_programmes();
        check_outcomes();
        check_nominations();
    }

private:
    void error(const Origin& at, const std::string& message) {
        out_.error(message, d_.location_of(at));
    }
    void warning(const Origin& at, const std::string& message) {
        out_.warning(message, d_.location_of(at));
    }

    void check_year(const Origin& at, int year, const std::string& what) {
        if (year < o_.first_year || year > o_.last_year)
            error(at, what + ": year " + std::to_string(year) + " is outside " +
                          std::to_string(o_.first_year) + ".." + std::to_string(o_.last_year));
    }

    void check_reference(const Origin& at, const std::string& number, const std::string& what) {
        if (o_.check_references && number != whole_country && numbers_.count(number) == 0)
            error(at, what + " refers to unknown municipality \"" + number + "\"");
    }

    void check_count(const Origin& at, const Value& v, const std::string& what) {
        if (v.has_value() && v.get() < 0)
            error(at, what + " is negative (" + to_string(v) + ")");
        else if (v.has_value() && !v.is_whole())
            error(at, what + " is not a whole number (" + to_string(v) + ")");
    }

    void check_municipalities() {
        for (const Municipality& m : d_.municipalities) {
            if (!numbers_.insert(m.number).second)
                error(m.origin, "municipality " + m.number + " is listed twice");
            if (m.population && *m.population < 0)
                error(m.origin, "municipality " + m.number + ": population is negative");
        }
    }

    void check_settlement() {
        std::set<std::pair<std::string, int>> seen;
        for (const SettlementFigures& s : d_.settlement) {
            std::string what = "settlement " + s.municipality + " " + std::to_string(s.year);
            check_reference(s.origin, s.municipality, what);
            check_year(s.origin, s.year, what);
            if (!seen.emplace(s.municipality, s.year).second)
                error(s.origin, what + " is given twice");
            check_count(s.origin, s.requested, what + ": requested");
            check_count(s.origin, s.decided, what + ": decided");
            check_count(s.origin, s.settled, what + ": settled");
            check_count(s.origin, s.unaccompanied_minors, what + ": unaccompanied minors");
            check_count(s.origin, s.family_reunifications, what + ": family reunifications");
            // Settling more than decided happens when needs grow during the
            // year; worth a look, not an error.
            if (s.settled.has_value() && s.decided.has_value() && s.settled.get() > s.decided.get())
                warning(s.origin, what + ": settled (" + to_string(s.settled) +
                                      ") is more than decided (" + to_string(s.decided) + ")");
        }
    }

    void check_programmes() {
        for (const Programme& p : d_.programmes) {
            std::string what = "programme \"" + p.id + "\"";
            if (p.id.empty()) error(p.origin, "a programme has no id");
            if (!programme_ids_.insert(p.id).second) error(p.origin, what + " is listed twice");
            check_reference(p.origin, p.municipality, what);
            for (int y : p.years) check_year(p.origin, y, what);
        }
    }

    void check_outcomes() {
        std::set<std::tuple<std::string, std::string, int, std::string>> seen;
        for (const Outcome& o : d_.outcomes) {
            std::string what = "outcome " + o.indicator + " " + o.municipality + " " +
                               std::to_string(o.year);
            check_reference(o.origin, o.municipality, what);
            check_year(o.origin, o.year, what);
            if (!o.programme.empty() && programme_ids_.count(o.programme) == 0)
                error(o.origin, what + " refers to unknown programme \"" + o.programme + "\"");
            if (!seen.emplace(o.municipality, o.programme, o.year, o.indicator).second)
                error(o.origin, what + " is given twice");
            const Indicator* indicator = d_.find_indicator(o.indicator);
            if (!indicator)
                warning(o.origin, what + ": indicator \"" + o.indicator + "\" is not in the catalogue");
            else if (indicator->unit == Unit::persons)
                check_count(o.origin, o.value, what);
            check_count(o.origin, o.cohort_size, what + ": cohort size");
        }
    }

    void check_nominations() {
        std::set<std::tuple<std::string, int, std::string>> seen;
        for (const Nomination& n : d_.nominations) {
            std::string what = "nomination " + n.municipality + " " + std::to_string(n.year);
            check_reference(n.origin, n.municipality, what);
            check_year(n.origin, n.year, what);
            if (!seen.emplace(n.prize, n.year, n.municipality).second)
                error(n.origin, what + " is given twice");
            check_count(n.origin, n.votes, what + ": votes");
        }
    }

    const Dataset& d_;
    Diagnostics& out_;
    const ValidationOptions& o_;
    std::set<std::string> numbers_;
    std::set<std::string> programme_ids_;
};

}  // namespace

void validate(const Dataset& dataset, Diagnostics& out, const ValidationOptions& options) {
    Validator(dataset, out, options).run();
}

}  // namespace kdx
