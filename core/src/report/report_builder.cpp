#include "report/report_builder.hpp"
#include "report/source_line.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>

#include "kdx/error.hpp"
#include "kdx/number_format.hpp"
#include "kdx/registry.hpp"
#include "kdx/version.hpp"
#include "report/collation.hpp"
#include "report/labels.hpp"

namespace kdx::report {

namespace {

using K = TemplateBlock::Kind;

std::string base_of(const std::string& field) {
    const std::string suffix = "-total";
    return field.size() > suffix.size() && field.compare(field.size() - suffix.size(), suffix.size(), suffix) == 0
               ? field.substr(0, field.size() - suffix.size())
               : field;
}

Unit unit_of(const std::string& field) {
    return field == "settled-share-of-requested" ? Unit::percent : Unit::persons;
}

TableColumn::Type column_type(Unit unit) {
    switch (unit) {
        case Unit::percent: return TableColumn::Type::percent;
        case Unit::per_mille: return TableColumn::Type::per_mille;
        case Unit::persons: return TableColumn::Type::count;
        default: return TableColumn::Type::number;
    }
}

Value raw_figure(const SettlementFigures* s, const std::string& field) {
    if (!s) return Value::missing();
    if (field == "requested") return s->requested;
    if (field == "decided") return s->decided;
    if (field == "settled") return s->settled;
    if (field == "unaccompanied-minors") return s->unaccompanied_minors;
    if (field == "family-reunifications") return s->family_reunifications;
    return Value::missing();
}

// "*text*" marks emphasis.
Paragraph paragraph_of(const std::string& text) {
    Paragraph p;
    bool emphasis = false;
    std::string run;
    for (char c : text) {
        if (c == '*') {
            if (!run.empty()) p.runs.push_back({run, emphasis});
            run.clear();
            emphasis = !emphasis;
        } else {
            run += c;
        }
    }
    if (!run.empty()) p.runs.push_back({run, emphasis});
    return p;
}

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

class Builder {
public:
    Builder(const ReportTemplate& t, const Dataset& d, const ReportRequest& r, Diagnostics& diag)
        : t_(t), d_(d), r_(r), diag_(diag) {}

    Document build() {
        select();
        choose_language();
        doc_.info.title = fill(t_.title.get(lang_));
        if (!t_.subtitle.empty()) doc_.info.subtitle = fill(t_.subtitle.get(lang_));
        doc_.info.subject = t_.subject.empty() ? doc_.info.title : fill(t_.subject.get(lang_));
        doc_.info.author = publisher();
        doc_.info.language = lang_;
        for (const auto& [language, word] : t_.keywords)
            if (language.empty() || language == lang_) doc_.info.keywords.push_back(word);
        doc_.info.template_id = t_.id;
        doc_.info.generator = std::string("kdx ") + kdx::version();
        doc_.info.date = r_.date;
        // The statistics cited, as the template chooses; never the dataset's
        // free notes or file names.
        const SourceChoice& choice = t_.sources;
        for (const DataSource& s : d_.info.data_sources) {
            if (!choice.show) break;
            if (!choice.publishers.empty() &&
                std::find(choice.publishers.begin(), choice.publishers.end(), s.publisher) ==
                    choice.publishers.end())
                continue;
            std::string line = source_line(s, lang_, choice.licence, choice.link);
            if (!line.empty() && std::find(doc_.info.sources.begin(), doc_.info.sources.end(), line) ==
                                     doc_.info.sources.end())
                doc_.info.sources.push_back(std::move(line));
        }
        doc_.info.year = year_;
        require_nomination();
        plan_secondary_suppression();
        for (const TemplateBlock& b : t_.blocks) add_block(b);
        add_suppression_note();
        if (missing_any_) doc_.notes.push_back(label("missing-note", lang_));
        if (partial_total_) doc_.notes.push_back(label("partial-total-note", lang_));
        note_merged_figures();
        return std::move(doc_);
    }

private:
    // The organisation that publishes the report: --publisher, the template's
    // author, the dataset's publisher, its first source's; kdx is only the producer.
    std::string publisher() {
        if (!r_.publisher.empty()) return r_.publisher;
        if (!t_.author.empty()) return fill(t_.author.get(lang_));
        if (!d_.info.publisher.empty()) return d_.info.publisher;
        for (const DataSource& s : d_.info.data_sources)
            if (!s.publisher.empty()) return s.publisher;
        return {};
    }

    // ---- selection -------------------------------------------------------
    void select() {
        using S = ReportTemplate::Scope;
        nomination_year_ = r_.prize_year;
        switch (t_.scope) {
            case S::municipality: {
                if (r_.municipality.empty())
                    throw Error("template " + t_.id + " is about one municipality: give --municipality NUMBER");
                subject_ = d_.find_municipality(r_.municipality);
                if (!subject_) throw Error("municipality " + r_.municipality + " is not in the data");
                selected_ = {subject_};
                break;
            }
            case S::county:
                if (r_.county.empty())
                    throw Error("template " + t_.id + " is about one county: give --county NUMBER");
                for (const Municipality& m : d_.municipalities)
                    if (m.county_number == r_.county) selected_.push_back(&m);
                if (selected_.empty()) throw Error("no municipality of county " + r_.county + " is in the data");
                county_name_ = selected_.front()->county_name;
                break;
            case S::nominees: {
                int year = r_.prize_year ? r_.prize_year : r_.year;
                if (year == 0)
                    for (const Nomination& n : d_.nominations) year = std::max(year, n.year);
                for (const Nomination* n : d_.nominations_in(year))
                    if (const Municipality* m = d_.find_municipality(n->municipality)) {
                        if (std::find(selected_.begin(), selected_.end(), m) == selected_.end())
                            selected_.push_back(m);
                        if (n->status == NominationStatus::winner) winners_.push_back(m->name);
                    }
                if (selected_.empty())
                    throw Error("no nominees for " + (year ? std::to_string(year) : std::string("any year")) + " are in the data");
                nomination_year_ = year;
                break;
            }
            case S::all:
                for (const Municipality& m : d_.municipalities) selected_.push_back(&m);
                if (selected_.empty()) throw Error("the data has no municipalities");
                break;
        }
        // Tables, charts and lists of names read in Norwegian order.
        std::stable_sort(selected_.begin(), selected_.end(), [](const Municipality* a, const Municipality* b) {
            return norwegian_less(a->name, b->name);
        });
        if (selected_.size() == 1) subject_ = selected_.front();
        year_ = r_.year;
        if (year_ == 0) {
            std::set<std::string> numbers;
            for (const Municipality* m : selected_) numbers.insert(m->number);
            for (const SettlementFigures& s : d_.settlement)
                if (numbers.count(s.municipality) && (!r_.up_to_year || s.year <= r_.up_to_year))
                    year_ = std::max(year_, s.year);
            if (year_ == 0) year_ = nomination_year_;
            if (year_ == 0) throw Error("no year given and the selection has no settlement figures");
        }
        first_year_ = year_ - t_.years + 1;
        if (r_.year) require_figures_in(year_);
    }

    // A year the data has nothing on for the selection would give a report of
    // ".." only: refuse it and say which years there are.
    void require_figures_in(int year) const {
        std::set<std::string> numbers;
        for (const Municipality* m : selected_) numbers.insert(m->number);
        std::set<int> years;
        for (const SettlementFigures& s : d_.settlement)
            if (numbers.count(s.municipality)) years.insert(s.year);
        for (const Outcome& o : d_.outcomes)
            if (numbers.count(o.municipality)) years.insert(o.year);
        if (years.count(year)) return;
        std::string which = subject_ ? subject_->name + " (" + subject_->number + ")"
                            : !county_name_.empty() ? "county " + r_.county + " (" + county_name_ + ")"
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
        if (!subject_ || year == 0 || t_.scope != ReportTemplate::Scope::municipality) return;
        bool uses_nomination = std::any_of(t_.blocks.begin(), t_.blocks.end(), [](const TemplateBlock& b) {
            return b.kind == K::nomination_summary || b.kind == K::nomination_sections;
        });
        if (!uses_nomination) return;
        std::vector<std::string> nominees;
        for (const Nomination* n : d_.nominations_in(year)) {
            if (n->municipality == subject_->number) return;
            const Municipality* m = d_.find_municipality(n->municipality);
            nominees.push_back(m ? m->name + " (" + m->number + ")" : n->municipality);
        }
        std::stable_sort(nominees.begin(), nominees.end(), norwegian_less);
        std::string which = subject_->name + " (" + subject_->number + ")";
        if (nominees.empty())
            throw Error(which + " was not nominated in " + std::to_string(year) + "; the data has no nominees that year");
        std::string list;
        for (std::size_t i = 0; i < nominees.size(); ++i)
            list += (i == 0 ? "" : i + 1 == nominees.size() ? " and " : ", ") + nominees[i];
        throw Error(which + " was not nominated in " + std::to_string(year) + "; the nominees of " +
                    std::to_string(year) + " are " + list);
    }

    void choose_language() {
        lang_ = t_.language;
        if (t_.language_from_municipality && subject_) {
            LanguageForm form = municipality_language(*subject_, year_);
            if (form == LanguageForm::nynorsk) lang_ = "nn";
            else if (form == LanguageForm::bokmal) lang_ = "nb";
        }
        if (!r_.language.empty()) lang_ = r_.language;
    }

    // ---- figures ---------------------------------------------------------
    // Disclosure control follows the indicator (catalogue or dataset): IMDi's
    // settlement counts are public administrative figures and are never
    // hidden; person statistics are.
    bool counts_people(const std::string& field) const {
        const Indicator* i = d_.find_indicator(field);
        return i && i->person_statistic;
    }

    // A count as a public report may show it.
    Value shown(const Value& v, bool people) {
        if (t_.public_report && people && needs_suppression(v, r_.threshold)) return Value::suppressed();
        return v;
    }

    // A per-year figure of one municipality, suppressed where needed: below
    // the threshold, or as the second cell that keeps it from being worked
    // out from a total.
    Value figure_of(const Municipality& m, const std::string& field, int year) {
        if (field == "settled-share-of-requested")
            return share(figure_of(m, "settled", year), figure_of(m, "requested", year));
        Value v = shown(raw_figure(d_.find_settlement(m.number, year), field), counts_people(field));
        if (!v.is_suppressed() && secondary_.count({m.number, year, field})) v = Value::suppressed();
        note(v);
        return v;
    }

    // Sum over parts. A part the source suppressed makes the sum unknown;
    // missing parts are left out. Parts kdx hid are in the sum: the table
    // hides a second part instead (plan_secondary_suppression()), so the
    // total stays true. Only when no second part could be hidden (a single
    // contributing part) is the total hidden instead.
    Value sum(const std::vector<Value>& raw, const std::vector<Value>& parts) {
        double total = 0;
        int present = 0, protected_parts = 0, missing = 0;
        for (std::size_t i = 0; i < raw.size(); ++i) {
            if (raw[i].is_suppressed()) return Value::suppressed();
            if (parts[i].is_suppressed()) ++protected_parts;
            if (raw[i].has_value()) total += raw[i].get(), ++present;
            else ++missing;
        }
        if (present == 0) return Value::missing();
        if (missing > 0 && raw.size() > 1) partial_total_ = true;
        if (protected_parts == 1) return Value::suppressed();
        return Value(total);
    }

    Value figure(const std::string& field, const std::vector<const Municipality*>& ms, int year) {
        if (field == "settled-share-of-requested")
            return share(figure("settled", ms, year), figure("requested", ms, year));
        std::string base = base_of(field);
        bool over_years = base != field;
        std::vector<Value> raw, parts;
        for (const Municipality* m : ms)
            for (int y = over_years ? first_year_ : year; y <= year; ++y) {
                raw.push_back(raw_figure(d_.find_settlement(m->number, y), base));
                parts.push_back(figure_of(*m, base, y));
            }
        if (raw.size() == 1) {
            // A cell the reader sees: counted for the note.
            const Municipality* m = ms.front();
            if (parts.front().is_suppressed() && !raw.front().is_suppressed())
                (secondary_.count({m->number, year, base}) ? secondary_shown_ : primary_shown_)
                    .insert({m->number, year, base});
            return parts.front();
        }
        Value v = sum(raw, parts);
        Value result = shown(v, counts_people(base));
        if (result.is_suppressed() && v.has_value())
            primary_shown_.insert({"*", over_years ? -year : year, base});
        note(result);
        return result;
    }

    // ---- secondary suppression ------------------------------------------
    // A total the report shows, with the cells it is the sum of.
    using Cell = std::tuple<std::string, int, std::string>;  // number, year, field

    // SSB's secondary suppression: wherever a total is shown (per year over
    // the selected municipalities; per municipality over the years when the
    // template shows a "-total"), a single hidden cell could be worked out
    // from the total and the visible cells, so the smallest other cell that
    // contributes to it is hidden too, until no total has exactly one
    // hidden cell. Totals are never hidden for this.
    void plan_secondary_suppression() {
        if (!t_.public_report) return;
        bool totals_over_years = false;
        for (const TemplateBlock& b : t_.blocks) {
            for (const std::string& f : b.fields)
                if (base_of(f) != f) totals_over_years = true;
            for (const auto& [lang, text] : b.text.by_language)
                if (text.find("-total}") != std::string::npos) totals_over_years = true;
        }
        std::vector<std::vector<std::pair<const Municipality*, int>>> totals;
        if (selected_.size() > 1)
            for (int y = first_year_; y <= year_; ++y) {
                totals.emplace_back();
                for (const Municipality* m : selected_) totals.back().emplace_back(m, y);
            }
        if (totals_over_years && year_ > first_year_)
            for (const Municipality* m : selected_) {
                totals.emplace_back();
                for (int y = first_year_; y <= year_; ++y) totals.back().emplace_back(m, y);
            }
        for (const char* field : {"requested", "decided", "settled", "unaccompanied-minors",
                                  "family-reunifications"}) {
            if (!counts_people(field)) continue;
            for (bool changed = true; changed;) {
                changed = false;
                for (const auto& cells : totals) {
                    int hidden = 0;
                    const std::pair<const Municipality*, int>* pick = nullptr;
                    double pick_value = 0;
                    for (const auto& c : cells) {
                        Value raw = raw_figure(d_.find_settlement(c.first->number, c.second), field);
                        if (!raw.has_value()) continue;
                        if (needs_suppression(raw, r_.threshold) ||
                            secondary_.count({c.first->number, c.second, field})) {
                            ++hidden;
                            continue;
                        }
                        // The smallest contributing cell, a zero only when there is no other.
                        double rank = raw.get() > 0 ? raw.get() : 1e300;
                        if (!pick || rank < pick_value) pick = &c, pick_value = rank;
                    }
                    if (hidden == 1 && pick) {
                        secondary_.insert({pick->first->number, pick->second, field});
                        changed = true;
                    }
                }
            }
        }
    }

    void add_suppression_note() {
        // Exactly what was done: "2 tall under 5 er skjult, og 1 til slik at
        // de ikke kan regnes ut fra summen."
        const std::size_t n = primary_shown_.size() + outcomes_hidden_;
        if (n > 0) {
            std::string text = label(n == 1 ? "hidden-one" : "hidden-many", lang_);
            if (!secondary_shown_.empty())
                text += label(n == 1 ? "hidden-more-one" : "hidden-more-many", lang_);
            text += label("hidden-end", lang_);
            auto put = [&text](const std::string& key, const std::string& value) {
                for (std::size_t at; (at = text.find(key)) != std::string::npos;) text.replace(at, key.size(), value);
            };
            put("{n}", std::to_string(n));
            put("{more}", std::to_string(secondary_shown_.size()));
            doc_.notes.push_back(fill(text));
        } else if (suppressed_any_) {
            doc_.notes.push_back(label("source-suppressed-note", lang_));
        }
    }

    Value share(const Value& part, const Value& whole) {
        if (part.is_suppressed() || whole.is_suppressed()) return Value::suppressed();
        if (!part.has_value() || !whole.has_value() || whole.get() == 0) return Value::missing();
        return Value(100.0 * part.get() / whole.get());
    }

    void note(const Value& v) {
        if (v.is_suppressed()) suppressed_any_ = true;
        if (v.is_missing()) missing_any_ = true;
    }

    // A column with nothing in any row (no programme has years, no outcome a
    // national figure or target) says nothing: it is left out. A ".." is a
    // figure's absence and keeps its column.
    static Table without_empty_columns(Table t) {
        for (std::size_t c = t.columns.size(); c-- > 0;) {
            bool empty = std::all_of(t.rows.begin(), t.rows.end(), [&](const std::vector<TableCell>& row) {
                return c < row.size() && row[c].text.empty();
            });
            if (!empty) continue;
            t.columns.erase(t.columns.begin() + static_cast<std::ptrdiff_t>(c));
            for (auto& row : t.rows) row.erase(row.begin() + static_cast<std::ptrdiff_t>(c));
        }
        return t;
    }

    TableCell cell(const Value& v, Unit unit) { return {format_value(v, unit, lang_), v}; }
    TableCell text_cell(std::string s) { return {std::move(s), Value::missing()}; }

    // ---- text ------------------------------------------------------------
    std::string field_text(const std::string& f) {
        if (f == "municipality") return subject_ ? subject_->name : county_name_;
        if (f == "municipality-number") return subject_ ? subject_->number : "";
        if (f == "county") return subject_ ? subject_->county_name : county_name_;
        if (f == "county-number") return subject_ ? subject_->county_number : r_.county;
        if (f == "year") return std::to_string(year_);
        if (f == "first-year") return std::to_string(first_year_);
        if (f == "prize-year") return std::to_string(nomination_year_ ? nomination_year_ : year_);
        if (f == "threshold") return std::to_string(r_.threshold);
        if (f == "winner") return join(winners_);
        if (f == "nominees") {
            std::vector<std::string> names;
            for (const Municipality* m : selected_) names.push_back(m->name);
            return join(names);
        }
        Value v = figure(f, selected_, year_);
        if (v.has_value()) return format_value(v, unit_of(f), lang_);
        // ":" and ".." belong in tables; a sentence says it in words.
        std::string kind = unit_of(f) == Unit::percent ? "share" : "count";
        return label(kind + (v.is_suppressed() ? "-not-published" : "-not-available"), lang_);
    }

    static bool is_figure_field(const std::string& f) {
        return f == "requested" || f == "decided" || f == "settled" || f == "unaccompanied-minors" ||
               f == "family-reunifications" || f == "settled-share-of-requested" ||
               f == "requested-total" || f == "decided-total" || f == "settled-total";
    }

    // After harmonising, the subject's figures for years before its number
    // came into use are sums of the municipalities it was made of; the
    // reader is told which ("Tala før 2020 er summen av Voss og Granvin").
    void note_merged_figures() {
        if (!subject_) return;
        const MunicipalityRegistry& registry = MunicipalityRegistry::builtin();
        const std::string& number = subject_->number;
        int since = 0;
        for (int y = registry.first_year(); y <= std::max(year_, registry.last_reform_year()); ++y)
            if (registry.find(number, y)) {
                // The first year of the number over its present area.
                auto m = registry.find(number, y);
                since = m->valid_from ? m->valid_from : registry.first_year();
                break;
            }
        if (since == 0) return;
        std::vector<std::string> names, divided;
        for (const SettlementFigures& s : d_.settlement) {
            if (s.municipality != number || s.year >= since || s.year < first_year_ || s.year > year_)
                continue;
            // A year with no figures at all combines nothing.
            if (s.requested.is_missing() && s.decided.is_missing() && s.settled.is_missing())
                continue;
            std::vector<std::string> former = registry.successors(number, since, s.year);
            if (former.size() < 2 || !names.empty() || !divided.empty()) continue;
            // The municipality that gave its name first: "Voss og Granvin".
            // Part of a divided municipality is not in the figures (they
            // cannot be divided): it is named apart.
            for (const std::string& f : former)
                if (auto m = registry.find(f, s.year)) {
                    if (registry.successors(f, s.year, since).size() > 1) divided.push_back(m->name);
                    else if (m->name == subject_->name) names.insert(names.begin(), m->name);
                    else names.push_back(m->name);
                }
        }
        auto note = [&](const char* key, const std::vector<std::string>& list) {
            std::string text = label(key, lang_);
            auto put = [&text](const std::string& field, const std::string& value) {
                for (auto at = text.find(field); at != std::string::npos; at = text.find(field, at + value.size()))
                    text.replace(at, field.size(), value);
            };
            put("{year}", std::to_string(since));
            put("{names}", join(list));
            put("{municipality}", subject_->name);
            doc_.notes.push_back(text);
        };
        if (names.size() >= 2) note("merged-note", names);
        if (!divided.empty()) note("divided-part-note", divided);
    }

    std::string join(const std::vector<std::string>& names) {
        std::string s;
        for (std::size_t i = 0; i < names.size(); ++i)
            s += (i == 0 ? "" : i + 1 == names.size() ? (lang_ == "en" ? " and " : " og ") : ", ") + names[i];
        return s;
    }

    std::string fill(const std::string& text) {
        std::string out;
        std::size_t at = 0;
        for (std::size_t open; (open = text.find('{', at)) != std::string::npos;) {
            std::size_t close = text.find('}', open);
            std::string field = text.substr(open + 1, close - open - 1);
            std::string value = field_text(field);
            out += text.substr(at, open - at) + value;
            at = close + 1;
            // "settle an unreported number refugees" needs its "of".
            if (lang_ == "en" && is_figure_field(field) && !value.empty() &&
                !std::isdigit(static_cast<unsigned char>(value[0])) && text.compare(at, 9, " refugees") == 0)
                out += " of";
        }
        return out + text.substr(at);
    }

    // ---- blocks ----------------------------------------------------------
    void add_block(const TemplateBlock& b) {
        switch (b.kind) {
            case K::heading: doc_.blocks.push_back(Heading{b.level, fill(b.text.get(lang_))}); break;
            case K::paragraph: doc_.blocks.push_back(paragraph_of(fill(b.text.get(lang_)))); break;
            case K::nomination_summary:
            case K::nomination_sections: add_nomination(b); break;
            case K::key_figures: add_key_figures(b); break;
            case K::settlement_chart: add_settlement_chart(b); break;
            case K::settlement_table: add_settlement_table(); break;
            case K::programmes_table: add_programmes(); break;
            case K::outcomes_table: add_outcomes(b); break;
            case K::municipalities_table: add_municipalities_table(b); break;
            case K::municipalities_chart: add_municipalities_chart(b); break;
            case K::page_break: doc_.blocks.push_back(PageBreak{}); break;
        }
    }

    const Nomination* nomination() const {
        if (!subject_) return nullptr;
        for (const Nomination& n : d_.nominations)
            if (n.municipality == subject_->number && n.year == (nomination_year_ ? nomination_year_ : year_))
                return &n;
        for (const Nomination& n : d_.nominations)
            if (n.municipality == subject_->number) return &n;
        return nullptr;
    }

    void add_nomination(const TemplateBlock& b) {
        const Nomination* n = nomination();
        if (!n) {
            diag_.warning("template " + t_.id + " line " + std::to_string(b.line) +
                          ": no nomination text for " + (subject_ ? subject_->name : "the selection") +
                          "; the block is left out");
            return;
        }
        if (b.kind == K::nomination_summary) {
            if (!n->summary.empty()) doc_.blocks.push_back(paragraph_of(n->summary));
            return;
        }
        for (const Section& s : n->sections) {
            // A profile's text before its first heading is a section without one.
            if (!s.heading.empty()) doc_.blocks.push_back(Heading{2, s.heading});
            std::size_t at = 0;
            while (at < s.text.size()) {
                std::size_t end = s.text.find("\n\n", at);
                if (end == std::string::npos) end = s.text.size();
                std::string part = s.text.substr(at, end - at);
                if (part.find_first_not_of(" \n\t") != std::string::npos) doc_.blocks.push_back(paragraph_of(part));
                at = end + 2;
            }
        }
    }

    void add_key_figures(const TemplateBlock& b) {
        KeyFigures k;
        for (const std::string& f : b.fields) {
            KeyFigure kf;
            kf.label = label(f, lang_);
            kf.unit = unit_of(f);
            kf.value = figure(f, selected_, year_);
            // The label carries the year: a dossier's figures may be years
            // older than the prize they are shown for.
            if (base_of(f) == f) {
                kf.label += " " + std::to_string(year_);
                Value before = figure(f, selected_, year_ - 1);
                if (kf.value.has_value() && before.has_value()) kf.change = kf.value.get() - before.get();
            } else {
                kf.label += " " + std::to_string(first_year_) + "–" + std::to_string(year_);
            }
            kf.text = format_value(kf.value, kf.unit, lang_);
            k.figures.push_back(std::move(kf));
        }
        doc_.blocks.push_back(std::move(k));
    }

    std::vector<std::string> years_text() {
        std::vector<std::string> years;
        for (int y = first_year_; y <= year_; ++y) years.push_back(std::to_string(y));
        return years;
    }

    void add_settlement_chart(const TemplateBlock& b) {
        Chart c;
        c.kind = b.chart;
        // Not the table's caption: a chart and the table beside it are two things.
        c.title = fill(b.text.empty() ? label("settlement-chart-caption", lang_) : b.text.get(lang_));
        c.categories = years_text();
        c.x_title = label("year", lang_);
        c.y_title = label("persons", lang_);
        for (const char* f : {"requested", "decided", "settled"}) {
            ChartSeries s{label(f, lang_), {}};
            for (int y = first_year_; y <= year_; ++y) s.values.push_back(figure(f, selected_, y));
            c.series.push_back(std::move(s));
        }
        doc_.blocks.push_back(std::move(c));
    }

    void add_settlement_table() {
        Table t;
        t.caption = label("settlement-caption", lang_);
        t.columns = {{label("year", lang_), TableColumn::Type::year}};
        const std::vector<std::string> fields{"requested", "decided", "settled", "settled-share-of-requested"};
        for (const auto& f : fields) t.columns.push_back({label(f, lang_), column_type(unit_of(f))});
        for (int y = first_year_; y <= year_; ++y) {
            std::vector<TableCell> row{{std::to_string(y), Value(y)}};
            for (const auto& f : fields) row.push_back(cell(figure(f, selected_, y), unit_of(f)));
            t.rows.push_back(std::move(row));
        }
        doc_.blocks.push_back(std::move(t));
    }

    bool selected(const std::string& number) const {
        return std::any_of(selected_.begin(), selected_.end(),
                           [&](const Municipality* m) { return m->number == number; });
    }

    void add_programmes() {
        Table t;
        t.caption = label("programmes-caption", lang_);
        t.columns = {{label("programme", lang_), TableColumn::Type::text},
                     {label("kind", lang_), TableColumn::Type::text},
                     {label("partners", lang_), TableColumn::Type::text},
                     {label("years", lang_), TableColumn::Type::text}};
        if (selected_.size() > 1)
            t.columns.insert(t.columns.begin(), {label("municipality", lang_), TableColumn::Type::text});
        // Municipalities in the selection's (Norwegian) order, each one's
        // programmes in the order the data gives them.
        std::map<std::string, std::size_t> place;
        for (const Municipality* m : selected_) place.emplace(m->number, place.size());
        std::vector<std::pair<std::size_t, std::vector<TableCell>>> sorted;
        for (const Programme& p : d_.programmes) {
            if (!selected(p.municipality)) continue;
            std::string partners, years;
            for (const auto& partner : p.partners) partners += (partners.empty() ? "" : ", ") + partner;
            if (!p.years.empty()) {
                auto [lo, hi] = std::minmax_element(p.years.begin(), p.years.end());
                years = *lo == *hi ? std::to_string(*lo) : std::to_string(*lo) + "–" + std::to_string(*hi);
            }
            std::vector<TableCell> row{text_cell(p.name), text_cell(label(to_string(p.kind), lang_)),
                                       text_cell(partners), text_cell(years)};
            if (selected_.size() > 1) {
                const Municipality* m = d_.find_municipality(p.municipality);
                row.insert(row.begin(), text_cell(m ? m->name : p.municipality));
            }
            sorted.emplace_back(place[p.municipality], std::move(row));
        }
        std::stable_sort(sorted.begin(), sorted.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        for (auto& entry : sorted) t.rows.push_back(std::move(entry.second));
        if (t.rows.empty()) doc_.blocks.push_back(paragraph_of(label("no-programmes", lang_)));
        else doc_.blocks.push_back(without_empty_columns(std::move(t)));
    }

    void add_outcomes(const TemplateBlock& b) {
        Table t;
        // The years in the caption: the section's heading above says "Resultat".
        t.caption = label("outcomes-caption", lang_) + " " +
                    (first_year_ < year_ ? std::to_string(first_year_) + "\u2013" : std::string()) +
                    std::to_string(year_);
        // Rows by municipality, then indicator in catalogue order, then year,
        // so that an indicator's years stand together.
        std::map<std::string, std::size_t> rank;
        for (const Indicator& i : builtin_indicators()) rank.emplace(i.id, rank.size());
        for (const Indicator& i : d_.indicators) rank.emplace(i.id, rank.size());
        std::map<std::string, std::size_t> place;  // the selection's own order
        for (const Municipality* m : selected_) place.emplace(m->number, place.size());
        std::vector<std::tuple<std::size_t, std::size_t, int, std::vector<TableCell>>> sorted;
        t.columns = {{label("indicator", lang_), TableColumn::Type::text},
                     {label("year", lang_), TableColumn::Type::year},
                     {label("value", lang_), TableColumn::Type::number},
                     {label("national", lang_), TableColumn::Type::number},
                     {label("target", lang_), TableColumn::Type::number}};
        if (selected_.size() > 1)
            t.columns.insert(t.columns.begin(), {label("municipality", lang_), TableColumn::Type::text});
        for (const Outcome& o : d_.outcomes) {
            if (!selected(o.municipality) || o.year < first_year_ || o.year > year_) continue;
            const Indicator* indicator = d_.find_indicator(o.indicator);
            Unit unit = indicator ? indicator->unit : o.unit;
            // Outcomes of an indicator kdx does not know are treated as
            // person statistics: hiding too much is the safer mistake.
            bool people = indicator ? indicator->person_statistic : true;
            Value v = people && unit == Unit::persons ? shown(o.value, true) : o.value;
            // A share of fewer people than the threshold could identify them.
            if (people && t_.public_report && !v.is_suppressed() && o.cohort_size.has_value() &&
                o.cohort_size.get() < r_.threshold)
                v = Value::suppressed();
            if (v.is_suppressed() && !o.value.is_suppressed()) ++outcomes_hidden_;
            note(v);
            Value national, target;
            for (const Outcome& n : d_.outcomes)
                if (n.municipality == whole_country && n.indicator == o.indicator && n.year == o.year && n.programme.empty())
                    national = n.value;
            for (const auto& [id, value] : b.targets)
                if (id == o.indicator) target = value;
            std::vector<TableCell> row{text_cell(indicator ? indicator_label(*indicator, lang_) : o.indicator),
                                       {std::to_string(o.year), Value(o.year)},
                                       cell(v, unit),
                                       national.is_missing() ? text_cell("") : cell(national, unit),
                                       target.is_missing() ? text_cell("") : cell(target, unit)};
            if (selected_.size() > 1) {
                const Municipality* m = d_.find_municipality(o.municipality);
                row.insert(row.begin(), text_cell(m ? m->name : o.municipality));
            }
            auto r = rank.find(o.indicator);
            sorted.emplace_back(place[o.municipality],
                                r == rank.end() ? rank.size() : r->second, o.year, std::move(row));
        }
        std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
            return std::tie(std::get<0>(a), std::get<1>(a), std::get<2>(a)) <
                   std::tie(std::get<0>(b), std::get<1>(b), std::get<2>(b));
        });
        for (auto& entry : sorted) t.rows.push_back(std::move(std::get<3>(entry)));
        if (t.rows.empty()) doc_.blocks.push_back(paragraph_of(label("no-outcomes", lang_)));
        else doc_.blocks.push_back(without_empty_columns(std::move(t)));
    }

    void add_municipalities_table(const TemplateBlock& b) {
        Table t;
        t.caption = b.text.empty() ? label("municipalities-caption", lang_) + " " + std::to_string(year_)
                                   : fill(b.text.get(lang_));
        t.columns = {{label("municipality", lang_), TableColumn::Type::text},
                     {label("number", lang_), TableColumn::Type::text}};
        const std::vector<std::string> fields{"requested", "decided", "settled", "settled-share-of-requested"};
        for (const auto& f : fields) t.columns.push_back({label(f, lang_), column_type(unit_of(f))});
        for (const Municipality* m : selected_) {
            std::vector<TableCell> row{text_cell(m->name), text_cell(m->number)};
            for (const auto& f : fields) row.push_back(cell(figure(f, {m}, year_), unit_of(f)));
            t.rows.push_back(std::move(row));
        }
        if (b.totals && t_.scope == ReportTemplate::Scope::nominees) {
            // A sum of nominees means nothing; the country's own figure
            // (municipality 0000) does, when the data has it.
            if (const SettlementFigures* n = d_.find_settlement(whole_country, year_)) {
                std::vector<TableCell> row{text_cell(label("national", lang_)), text_cell("")};
                for (const auto& f : fields) {
                    Value v = f == "settled-share-of-requested"
                                  ? share(raw_figure(n, "settled"), raw_figure(n, "requested"))
                                  : raw_figure(n, f);
                    note(v);
                    row.push_back(cell(v, unit_of(f)));
                }
                t.rows.push_back(std::move(row));
                t.last_row_is_total = true;
            }
        } else if (b.totals) {
            std::vector<TableCell> row{text_cell(label("total", lang_)), text_cell("")};
            for (const auto& f : fields) row.push_back(cell(figure(f, selected_, year_), unit_of(f)));
            t.rows.push_back(std::move(row));
            t.last_row_is_total = true;
        }
        doc_.blocks.push_back(std::move(t));
    }

    void add_municipalities_chart(const TemplateBlock& b) {
        Chart c;
        c.kind = b.chart;
        c.title = b.text.empty() ? label(b.field, lang_) : fill(b.text.get(lang_));
        c.unit = unit_of(b.field);
        c.x_title = label("municipality", lang_);
        c.y_title = c.unit == Unit::percent ? "%" : label("persons", lang_);
        for (const Municipality* m : selected_) c.categories.push_back(m->name);
        for (int y = first_year_; y <= year_; ++y) {
            ChartSeries s{std::to_string(y), {}};
            for (const Municipality* m : selected_) s.values.push_back(figure(b.field, {m}, y));
            c.series.push_back(std::move(s));
        }
        doc_.blocks.push_back(std::move(c));
    }

    const ReportTemplate& t_;
    const Dataset& d_;
    const ReportRequest& r_;
    Diagnostics& diag_;
    Document doc_;
    std::string lang_;
    std::vector<const Municipality*> selected_;
    const Municipality* subject_ = nullptr;
    std::string county_name_;
    std::vector<std::string> winners_;
    int nomination_year_ = 0;
    int year_ = 0;
    int first_year_ = 0;
    bool suppressed_any_ = false;
    std::set<Cell> secondary_;                       // hidden so that no hidden cell can be worked out
    std::set<Cell> primary_shown_, secondary_shown_;  // hidden cells the reader sees, for the note
    std::size_t outcomes_hidden_ = 0;
    bool missing_any_ = false;
    bool partial_total_ = false;
};

}  // namespace

bool needs_suppression(const Value& count, int threshold) {
    return count.has_value() && count.get() > 0 && count.get() < threshold;
}

Document build_report(const ReportTemplate& report_template, const Dataset& dataset,
                      const ReportRequest& request, Diagnostics& diagnostics) {
    return Builder(report_template, dataset, request, diagnostics).build();
}

}  // namespace kdx::report
