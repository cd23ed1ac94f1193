#include <algorithm>
#include <exception>
#include <set>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#include "kdx/registry.hpp"
#include "registry/suggest.hpp"
#include "registry/tables.hpp"

namespace kdx {

using namespace registry_detail;

namespace {

// What number_problem() says of each of `n` questions (`ask(i)` gives the
// number, name and year of the i-th), worked out on two threads when there
// are many: a suggestion compares a name with every municipality of its
// period, and a file of made-up numbers has thousands to suggest for. The
// answers are in the questions' order.
struct Question {
    std::string number, name;
    int year = 0;
};

template <typename Ask>
std::vector<std::string> number_problems(const Tables& t, std::size_t n, const Ask& ask) {
    std::vector<std::string> problems(n);
    auto work = [&](std::size_t first, std::size_t step) {
        for (std::size_t i = first; i < n; i += step) {
            const Question q = ask(i);
            if (!q.number.empty()) problems[i] = number_problem(t, q.number, q.name, q.year);
        }
    };
    if (n < 64 || std::thread::hardware_concurrency() < 2) {
        work(0, 1);
        return problems;
    }
    // Every other one each, so that a run of unknown numbers is shared.
    std::exception_ptr failed;
    std::thread other([&] {
        try {
            work(1, 2);
        } catch (...) {
            failed = std::current_exception();
        }
    });
    try {
        work(0, 2);
    } catch (...) {
        other.join();
        throw;
    }
    other.join();
    if (failed) std::rethrow_exception(failed);
    return problems;
}

class RegistryCheck {
  public:
    RegistryCheck(const Dataset& d, Diagnostics& out, int numbering_year)
        : d_(d), out_(out), t_(builtin_tables()), numbering_year_(numbering_year) {}

    void run() {
        // Records are checked in their own years. After harmonise(), which
        // has reported every number it could not bring to the numbering year
        // and every name that does not match its number, what is left to
        // check is the municipalities' county numbers.
        if (numbering_year_ == 0) records();
        const std::vector<Municipality>& all = d_.municipalities;
        std::vector<std::string> problems =
            numbering_year_ != 0 ? std::vector<std::string>(all.size())
                                 : number_problems(t_, all.size(), [&](std::size_t i) {
                                       const Municipality& m = all[i];
                                       return is_special_number(m.number)
                                                  ? Question{}
                                                  : Question{m.number, m.name, year_of(m)};
                                   });
        for (std::size_t i = 0; i < all.size(); ++i) municipality(all[i], problems[i]);
    }

  private:
    void records() {
        for (const SettlementFigures& s : d_.settlement)
            record(s.municipality, s.year, s.origin, "settlement figures", {});
        for (const Outcome& o : d_.outcomes)
            record(o.municipality, o.year, o.origin, "outcome", o.indicator);
        for (const Nomination& n : d_.nominations)
            record(n.municipality, n.year, n.origin, "nomination", {});
        for (const Programme& p : d_.programmes)
            for (int y : p.years) record(p.municipality, y, p.origin, "programme", p.id);
        std::vector<std::string> problems =
            number_problems(t_, unused_.size(), [&](std::size_t i) { return unused_[i].question; });
        for (std::size_t i = 0; i < unused_.size(); ++i)
            out_.warning(unused_[i].what + problems[i], d_.location_of(unused_[i].at));
        unused_.clear();
    }

    void municipality(const Municipality& m, const std::string& problem) {
        if (is_special_number(m.number)) return;
        // harmonise() has checked numbers and names already.
        if (!problem.empty() && reported_.insert(m.number + " " + m.name).second)
            out_.warning(problem, d_.location_of(m.origin));
        if (!m.county_number.empty() && m.number.size() == 4 &&
            m.county_number != m.number.substr(0, 2))
            out_.warning("municipality " + m.number + " " + m.name + ": county number \"" +
                             m.county_number + "\" does not match the municipality number, " +
                             "whose first two digits are the county's (" + m.number.substr(0, 2) +
                             ")",
                         d_.location_of(m.origin));
    }

    // Notes a record whose number was not in use in the record's year, for
    // records() to report. Whether it was depends only on the number and the
    // period, so each pair is looked at once however many records share it.
    void record(const std::string& number, int year, const Origin& at, std::string_view kind,
                std::string_view id) {
        if (is_special_number(number)) return;
        NumberUse& use = used_[number];
        use.latest_year = std::max(use.latest_year, year);
        const int period = period_of(year);
        const unsigned bit = 1u << period;
        if (use.checked_periods & bit) return;
        use.checked_periods |= bit;
        if (t_.find(number, period)) return;
        const Municipality* m = d_.find_municipality(number);
        // A number never in use is reported once, with its municipality.
        if (m && t_.periods_of(number).empty()) return;
        std::string what(kind);
        if (!id.empty()) what.append(" ").append(id);
        unused_.push_back({what + " " + std::to_string(year) + ": ",
                           {number, m ? m->name : std::string(), year},
                           at});
    }

    // The year whose numbers a municipality record is read in: the record's
    // validity, the latest year records use it, or else the last year the
    // number was in use.
    int year_of(const Municipality& m) const {
        if (m.valid_to > 0) return m.valid_to;
        if (m.valid_from > 0) return m.valid_from;
        auto used = used_.find(m.number);
        if (used != used_.end()) return used->second.latest_year;
        std::vector<int> periods = t_.periods_of(m.number);
        if (periods.empty()) return period_starts.back();
        return period_starts[periods.back()];
    }

    const Dataset& d_;
    Diagnostics& out_;
    const Tables& t_;
    int numbering_year_;
    struct NumberUse {
        int latest_year = 0;           // the latest year a record uses the number
        unsigned checked_periods = 0;  // bit p: records of period p were checked
    };
    std::unordered_map<std::string, NumberUse> used_;
    std::set<std::string> reported_;  // "number name" of municipalities reported
    struct Unused {
        std::string what;  // "settlement figures 2017: "
        Question question;
        Origin at;
    };
    std::vector<Unused> unused_;  // records whose numbers were not in use, in order
};

}  // namespace

void check_against_registry(const Dataset& dataset, Diagnostics& out, int numbering_year) {
    RegistryCheck(dataset, out, numbering_year).run();
}

}  // namespace kdx
