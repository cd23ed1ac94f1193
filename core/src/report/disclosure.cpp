#include "report/disclosure.hpp"

#include "report/labels.hpp"

namespace kdx::report {

namespace {

Value raw_figure(const SettlementFigures* s, const std::string& field) {
    if (!s) return Value::missing();
    if (field == "requested") return s->requested;
    if (field == "decided") return s->decided;
    if (field == "settled") return s->settled;
    if (field == "unaccompanied-minors") return s->unaccompanied_minors;
    if (field == "family-reunifications") return s->family_reunifications;
    return Value::missing();
}

Value share(const Value& part, const Value& whole) {
    if (part.is_suppressed() || whole.is_suppressed()) return Value::suppressed();
    if (!part.has_value() || !whole.has_value() || whole.get() == 0) return Value::missing();
    return Value(100.0 * part.get() / whole.get());
}

void put(std::string& text, const std::string& key, const std::string& value) {
    for (std::size_t at; (at = text.find(key)) != std::string::npos;)
        text.replace(at, key.size(), value);
}

}  // namespace

Value source_figure(const SettlementFigures* figures, const std::string& field) {
    if (field == "settled-share-of-requested")
        return share(raw_figure(figures, "settled"), raw_figure(figures, "requested"));
    return raw_figure(figures, field);
}

bool needs_suppression(const Value& count, int threshold) {
    return count.has_value() && count.get() > 0 && count.get() < threshold;
}

std::string base_of(const std::string& field) {
    const std::string suffix = "-total";
    return field.size() > suffix.size() &&
                   field.compare(field.size() - suffix.size(), suffix.size(), suffix) == 0
               ? field.substr(0, field.size() - suffix.size())
               : field;
}

Disclosure::Disclosure(const ReportTemplate& t, const Dataset& d, const Selection& s, int threshold)
    : public_(t.public_report), d_(d), s_(s), threshold_(threshold) {
    plan_secondary(t);
}

// Disclosure control follows the indicator (catalogue or dataset): IMDi's
// settlement counts are public administrative figures and are never hidden;
// person statistics are.
bool Disclosure::counts_people(const std::string& field) const {
    const Indicator* i = d_.find_indicator(field);
    return i && i->person_statistic;
}

Value Disclosure::hidden_if_small(const Value& v, bool people) const {
    if (public_ && people && needs_suppression(v, threshold_)) return Value::suppressed();
    return v;
}

// A per-year figure of one municipality, suppressed where needed: below the
// threshold, or as the second cell that keeps it from being worked out from
// a total.
Value Disclosure::figure_of(const Municipality& m, const std::string& field, int year) const {
    Value v = hidden_if_small(raw_figure(d_.find_settlement(m.number, year), field),
                              counts_people(field));
    if (!v.is_suppressed() && secondary_.count({m.number, year, field})) v = Value::suppressed();
    return v;
}

Value Disclosure::figure(const std::string& field, const std::vector<const Municipality*>& ms,
                         int year, Use use) {
    if (field == "settled-share-of-requested") {
        // The share's parts are hidden numbers the reader sees through it.
        Value part = figure("settled", ms, year, use == Use::shown ? Use::in_words : use);
        Value whole = figure("requested", ms, year, use == Use::shown ? Use::in_words : use);
        Value v = share(part, whole);
        record(v, use);
        return v;
    }
    const std::string base = base_of(field);
    const bool over_years = base != field;
    std::vector<Value> raw, parts;
    for (const Municipality* m : ms)
        for (int y = over_years ? s_.first_year : year; y <= year; ++y) {
            raw.push_back(raw_figure(d_.find_settlement(m->number, y), base));
            parts.push_back(figure_of(*m, base, y));
        }
    if (raw.size() == 1) {
        const Municipality* m = ms.front();
        if (use != Use::computed && parts.front().is_suppressed() && !raw.front().is_suppressed())
            (secondary_.count({m->number, year, base}) ? secondary_shown_ : primary_shown_)
                .insert({m->number, year, base});
        record(parts.front(), use);
        return parts.front();
    }
    // A sum over parts. A part the source suppressed makes it unknown;
    // missing parts are left out. Parts kdx hid are in the sum: the table
    // hides a second part instead (plan_secondary()), so the total stays
    // true. Only when no second part could be hidden (a single contributing
    // part) is the total hidden instead.
    double total = 0;
    int present = 0, protected_parts = 0, missing = 0;
    bool source_suppressed = false;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i].is_suppressed()) source_suppressed = true;
        if (parts[i].is_suppressed()) ++protected_parts;
        if (raw[i].has_value())
            total += raw[i].get(), ++present;
        else
            ++missing;
    }
    Value sum = source_suppressed      ? Value::suppressed()
                : present == 0         ? Value::missing()
                : protected_parts == 1 ? Value::suppressed()
                                       : Value(total);
    Value v = hidden_if_small(sum, counts_people(base));
    if (use != Use::computed) {
        if (!source_suppressed && present > 0 && missing > 0) partial_total_shown_ = true;
        // A total hidden for being small itself, not for what it is made of.
        if (v.is_suppressed() && sum.has_value())
            primary_shown_.insert({"*", over_years ? -year : year, base});
    }
    record(v, use);
    return v;
}

Value Disclosure::outcome(const Outcome& o) {
    const Indicator* indicator = d_.find_indicator(o.indicator);
    Unit unit = indicator ? indicator->unit : o.unit;
    // Outcomes of an indicator kdx does not know are treated as person
    // statistics: hiding too much is the safer mistake.
    bool people = indicator ? indicator->person_statistic : true;
    Value v = people && unit == Unit::persons ? hidden_if_small(o.value, true) : o.value;
    // A share of fewer people than the threshold could identify them.
    if (people && public_ && !v.is_suppressed() && o.cohort_size.has_value() &&
        o.cohort_size.get() < threshold_)
        v = Value::suppressed();
    if (v.is_suppressed() && !o.value.is_suppressed()) ++outcomes_hidden_;
    record(v, Use::shown);
    return v;
}

void Disclosure::shown(const Value& value) { record(value, Use::shown); }

void Disclosure::record(const Value& v, Use use) {
    if (use == Use::computed) return;
    if (v.is_suppressed()) suppressed_shown_ = true;
    // ".." appears only where a figure is placed; a sentence says it in words.
    if (v.is_missing() && use == Use::shown) missing_shown_ = true;
}

// SSB's secondary suppression: wherever a total is shown, a single hidden
// cell could be worked out from the total and the visible cells, so the
// smallest other cell that contributes to it is hidden too, until no total
// has exactly one hidden cell. Totals are never hidden for this.
void Disclosure::plan_secondary(const ReportTemplate& t) {
    if (!public_) return;
    bool totals_over_years = false;
    for (const TemplateBlock& b : t.blocks) {
        for (const std::string& f : b.fields)
            if (base_of(f) != f) totals_over_years = true;
        for (const auto& [lang, text] : b.text.by_language)
            if (text.find("-total}") != std::string::npos) totals_over_years = true;
    }
    std::vector<std::vector<std::pair<const Municipality*, int>>> totals;
    if (s_.municipalities.size() > 1)
        for (int y = s_.first_year; y <= s_.year; ++y) {
            totals.emplace_back();
            for (const Municipality* m : s_.municipalities) totals.back().emplace_back(m, y);
        }
    if (totals_over_years && s_.year > s_.first_year)
        for (const Municipality* m : s_.municipalities) {
            totals.emplace_back();
            for (int y = s_.first_year; y <= s_.year; ++y) totals.back().emplace_back(m, y);
        }
    for (const char* field :
         {"requested", "decided", "settled", "unaccompanied-minors", "family-reunifications"}) {
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
                    if (needs_suppression(raw, threshold_) ||
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

std::vector<std::string> Disclosure::notes(const std::string& language) const {
    std::vector<std::string> out;
    // Exactly what was done: "2 tall under 5 er skjult, og 1 til slik at de
    // ikke kan regnes ut fra summen."
    const std::size_t n = primary_shown_.size() + outcomes_hidden_;
    if (n > 0) {
        std::string text = label(n == 1 ? "hidden-one" : "hidden-many", language);
        if (!secondary_shown_.empty())
            text += label(n == 1 ? "hidden-more-one" : "hidden-more-many", language);
        text += label("hidden-end", language);
        put(text, "{n}", std::to_string(n));
        put(text, "{more}", std::to_string(secondary_shown_.size()));
        put(text, "{threshold}", std::to_string(threshold_));
        out.push_back(text);
    } else if (suppressed_shown_) {
        out.push_back(label("source-suppressed-note", language));
    }
    if (missing_shown_) out.push_back(label("missing-note", language));
    if (partial_total_shown_) out.push_back(label("partial-total-note", language));
    return out;
}

}  // namespace kdx::report
