#include "report/selection.hpp"

#include <algorithm>
#include <set>

#include "kdx/error.hpp"
#include "kdx/registry.hpp"
#include "report/collation.hpp"

namespace kdx::report {

namespace {

using K = TemplateBlock::Kind;
using S = ReportTemplate::Scope;

// The municipality's language decision: the dataset's when it has one, else
// the registry's for the number in `year` (an old number takes its
// successor's). Neutral and unknown leave the template's language (bokmål).
LanguageForm municipality_language(const Municipality& m, int year) {
    if (m.language != LanguageForm::unspecified) return m.language;
    const MunicipalityRegistry& registry = MunicipalityRegistry::builtin();
    // A harmonised dataset keeps the target year's numbers on older years.
    for (int y : {year, registry.last_reform_year()})
        if (auto known = registry.find(m.number, y)) return known->language;
    return LanguageForm::unspecified;
}

class Selector {
  public:
    Selector(const ReportTemplate& t, const Dataset& d, const ReportRequest& r)
        : t_(t), d_(d), r_(r) {}

    Selection run() {
        s_.nomination_year = r_.prize_year;
        switch (t_.scope) {
            case S::municipality:
                municipality();
                break;
            case S::county:
                county();
                break;
            case S::nominees:
                nominees();
                break;
            case S::all:
                for (const Municipality& m : d_.municipalities) s_.municipalities.push_back(&m);
                if (s_.municipalities.empty()) throw Error("the data has no municipalities");
                break;
        }
        // Tables, charts and lists of names read in Norwegian order.
        std::stable_sort(s_.municipalities.begin(), s_.municipalities.end(),
                         [](const Municipality* a, const Municipality* b) {
                             return norwegian_less(a->name, b->name);
                         });
        if (s_.municipalities.size() == 1) s_.subject = s_.municipalities.front();
        choose_year();
        choose_language();
        require_nomination();
        return std::move(s_);
    }

  private:
    void municipality() {
        if (r_.municipality.empty())
            throw Error("template " + t_.id +
                        " is about one municipality: give --municipality NUMBER");
        s_.subject = d_.find_municipality(r_.municipality);
        if (!s_.subject) throw Error("municipality " + r_.municipality + " is not in the data");
        s_.municipalities = {s_.subject};
    }

    void county() {
        if (r_.county.empty())
            throw Error("template " + t_.id + " is about one county: give --county NUMBER");
        for (const Municipality& m : d_.municipalities)
            if (m.county_number == r_.county) s_.municipalities.push_back(&m);
        if (s_.municipalities.empty())
            throw Error("no municipality of county " + r_.county + " is in the data");
        s_.county_name = s_.municipalities.front()->county_name;
    }

    void nominees() {
        int year = r_.prize_year ? r_.prize_year : r_.year;
        if (year == 0)
            for (const Nomination& n : d_.nominations) year = std::max(year, n.year);
        for (const Nomination* n : d_.nominations_in(year))
            if (const Municipality* m = d_.find_municipality(n->municipality)) {
                if (std::find(s_.municipalities.begin(), s_.municipalities.end(), m) ==
                    s_.municipalities.end())
                    s_.municipalities.push_back(m);
                if (n->status == NominationStatus::winner) s_.winners.push_back(m->name);
            }
        if (s_.municipalities.empty())
            throw Error("no nominees for " +
                        (year ? std::to_string(year) : std::string("any year")) +
                        " are in the data");
        s_.nomination_year = year;
    }

    void choose_year() {
        s_.year = r_.year;
        if (s_.year == 0) {
            std::set<std::string> numbers;
            for (const Municipality* m : s_.municipalities) numbers.insert(m->number);
            for (const SettlementFigures& f : d_.settlement)
                if (numbers.count(f.municipality) && (!r_.up_to_year || f.year <= r_.up_to_year))
                    s_.year = std::max(s_.year, f.year);
            if (s_.year == 0) s_.year = s_.nomination_year;
            if (s_.year == 0)
                throw Error("no year given and the selection has no settlement figures");
        }
        s_.first_year = s_.year - t_.years + 1;
        if (r_.year) require_figures_in(s_.year);
    }

    // A year the data has nothing on for the selection would give a report of
    // ".." only: refuse it and say which years there are.
    void require_figures_in(int year) const {
        std::set<std::string> numbers;
        for (const Municipality* m : s_.municipalities) numbers.insert(m->number);
        std::set<int> years;
        for (const SettlementFigures& f : d_.settlement)
            if (numbers.count(f.municipality)) years.insert(f.year);
        for (const Outcome& o : d_.outcomes)
            if (numbers.count(o.municipality)) years.insert(o.year);
        if (years.count(year)) return;
        std::string which = s_.subject ? s_.subject->name + " (" + s_.subject->number + ")"
                            : !s_.county_name.empty()
                                ? "county " + r_.county + " (" + s_.county_name + ")"
                                : "the selection";
        if (years.empty()) throw Error("the data has no figures for " + which);
        std::string list;
        int run_start = *years.begin(), previous = run_start;
        auto close_run = [&] {
            list += (list.empty() ? "" : ", ") + std::to_string(run_start) +
                    (previous == run_start ? "" : "–" + std::to_string(previous));
        };
        for (int y : years) {
            if (y == run_start) continue;
            if (y != previous + 1) close_run(), run_start = y;
            previous = y;
        }
        close_run();
        throw Error("the data has no figures for " + which + " in " + std::to_string(year) +
                    "; it covers " + list);
    }

    // A dossier of a given year is about a nominee of that year: for any
    // other municipality it is refused, naming that year's nominees.
    void require_nomination() const {
        int year = r_.prize_year ? r_.prize_year : r_.year;
        if (!s_.subject || year == 0 || t_.scope != S::municipality) return;
        bool uses_nomination =
            std::any_of(t_.blocks.begin(), t_.blocks.end(), [](const TemplateBlock& b) {
                return b.kind == K::nomination_summary || b.kind == K::nomination_sections;
            });
        if (!uses_nomination) return;
        std::vector<std::string> nominees;
        for (const Nomination* n : d_.nominations_in(year)) {
            if (n->municipality == s_.subject->number) return;
            const Municipality* m = d_.find_municipality(n->municipality);
            nominees.push_back(m ? m->name + " (" + m->number + ")" : n->municipality);
        }
        std::stable_sort(nominees.begin(), nominees.end(), norwegian_less);
        std::string which = s_.subject->name + " (" + s_.subject->number + ")";
        if (nominees.empty())
            throw Error(which + " was not nominated in " + std::to_string(year) +
                        "; the data has no nominees that year");
        std::string list;
        for (std::size_t i = 0; i < nominees.size(); ++i)
            list += (i == 0 ? "" : i + 1 == nominees.size() ? " and " : ", ") + nominees[i];
        throw Error(which + " was not nominated in " + std::to_string(year) + "; the nominees of " +
                    std::to_string(year) + " are " + list);
    }

    void choose_language() {
        s_.language = t_.language;
        if (t_.language_from_municipality && s_.subject) {
            LanguageForm form = municipality_language(*s_.subject, s_.year);
            if (form == LanguageForm::nynorsk)
                s_.language = "nn";
            else if (form == LanguageForm::bokmal)
                s_.language = "nb";
        }
        if (!r_.language.empty()) s_.language = r_.language;
    }

    const ReportTemplate& t_;
    const Dataset& d_;
    const ReportRequest& r_;
    Selection s_;
};

}  // namespace

bool Selection::contains(const std::string& number) const {
    return std::any_of(municipalities.begin(), municipalities.end(),
                       [&](const Municipality* m) { return m->number == number; });
}

Selection select(const ReportTemplate& report_template, const Dataset& dataset,
                 const ReportRequest& request) {
    return Selector(report_template, dataset, request).run();
}

}  // namespace kdx::report
