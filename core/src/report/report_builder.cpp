// The templating and the blocks of a report; what it is about comes from
// selection.cpp, what it may show from disclosure.cpp.
#include "report/report_builder.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <tuple>

#include "kdx/number_format.hpp"
#include "kdx/registry.hpp"
#include "kdx/version.hpp"
#include "report/disclosure.hpp"
#include "report/labels.hpp"
#include "report/selection.hpp"
#include "report/source_line.hpp"

namespace kdx::report {

namespace {

using K = TemplateBlock::Kind;

Unit unit_of(const std::string& field) {
    return field == "settled-share-of-requested" ? Unit::percent : Unit::persons;
}

TableColumn::Type column_type(Unit unit) {
    switch (unit) {
        case Unit::percent:
            return TableColumn::Type::percent;
        case Unit::per_mille:
            return TableColumn::Type::per_mille;
        case Unit::persons:
            return TableColumn::Type::count;
        default:
            return TableColumn::Type::number;
    }
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

class Builder {
  public:
    Builder(const ReportTemplate& t, const Dataset& d, const ReportRequest& r, Diagnostics& diag)
        : t_(t), d_(d), r_(r), diag_(diag) {}

    Document build() {
        selection_ = select(t_, d_, r_);
        selected_ = selection_.municipalities;
        subject_ = selection_.subject;
        county_name_ = selection_.county_name;
        winners_ = selection_.winners;
        nomination_year_ = selection_.nomination_year;
        year_ = selection_.year;
        first_year_ = selection_.first_year;
        lang_ = selection_.language;
        disclosure_.emplace(t_, d_, selection_, r_.threshold);
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
            if (!line.empty() && std::find(doc_.info.sources.begin(), doc_.info.sources.end(),
                                           line) == doc_.info.sources.end())
                doc_.info.sources.push_back(std::move(line));
        }
        doc_.info.year = year_;
        for (const TemplateBlock& b : t_.blocks) add_block(b);
        for (std::string& n : disclosure_->notes(lang_)) doc_.notes.push_back(std::move(n));
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

    // A column with nothing in any row (no programme has years, no outcome a
    // national figure or target) says nothing: it is left out. A ".." is a
    // figure's absence and keeps its column.
    static Table without_empty_columns(Table t) {
        for (std::size_t c = t.columns.size(); c-- > 0;) {
            bool empty =
                std::all_of(t.rows.begin(), t.rows.end(), [&](const std::vector<TableCell>& row) {
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
        Value v = disclosure_->figure(f, selected_, year_, Use::in_words);
        if (v.has_value()) return format_value(v, unit_of(f), lang_);
        // ":" and ".." belong in tables; a sentence says it in words.
        std::string kind = unit_of(f) == Unit::percent ? "share" : "count";
        return label(kind + (v.is_suppressed() ? "-not-published" : "-not-available"), lang_);
    }

    static bool is_figure_field(const std::string& f) {
        return f == "requested" || f == "decided" || f == "settled" ||
               f == "unaccompanied-minors" || f == "family-reunifications" ||
               f == "settled-share-of-requested" || f == "requested-total" ||
               f == "decided-total" || f == "settled-total";
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
            if (s.municipality != number || s.year >= since || s.year < first_year_ ||
                s.year > year_)
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
                    if (registry.successors(f, s.year, since).size() > 1)
                        divided.push_back(m->name);
                    else if (m->name == subject_->name)
                        names.insert(names.begin(), m->name);
                    else
                        names.push_back(m->name);
                }
        }
        auto note = [&](const char* key, const std::vector<std::string>& list) {
            std::string text = label(key, lang_);
            auto put = [&text](const std::string& field, const std::string& value) {
                for (auto at = text.find(field); at != std::string::npos;
                     at = text.find(field, at + value.size()))
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
            s += (i == 0                  ? ""
                  : i + 1 == names.size() ? (lang_ == "en" ? " and " : " og ")
                                          : ", ") +
                 names[i];
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
                !std::isdigit(static_cast<unsigned char>(value[0])) &&
                text.compare(at, 9, " refugees") == 0)
                out += " of";
        }
        return out + text.substr(at);
    }

    // ---- blocks ----------------------------------------------------------
    void add_block(const TemplateBlock& b) {
        switch (b.kind) {
            case K::heading:
                doc_.blocks.push_back(Heading{b.level, fill(b.text.get(lang_))});
                break;
            case K::paragraph:
                doc_.blocks.push_back(paragraph_of(fill(b.text.get(lang_))));
                break;
            case K::nomination_summary:
            case K::nomination_sections:
                add_nomination(b);
                break;
            case K::key_figures:
                add_key_figures(b);
                break;
            case K::settlement_chart:
                add_settlement_chart(b);
                break;
            case K::settlement_table:
                add_settlement_table();
                break;
            case K::programmes_table:
                add_programmes();
                break;
            case K::outcomes_table:
                add_outcomes(b);
                break;
            case K::municipalities_table:
                add_municipalities_table(b);
                break;
            case K::municipalities_chart:
                add_municipalities_chart(b);
                break;
            case K::page_break:
                doc_.blocks.push_back(PageBreak{});
                break;
        }
    }

    const Nomination* nomination() const {
        if (!subject_) return nullptr;
        for (const Nomination& n : d_.nominations)
            if (n.municipality == subject_->number &&
                n.year == (nomination_year_ ? nomination_year_ : year_))
                return &n;
        for (const Nomination& n : d_.nominations)
            if (n.municipality == subject_->number) return &n;
        return nullptr;
    }

    void add_nomination(const TemplateBlock& b) {
        const Nomination* n = nomination();
        if (!n) {
            diag_.warning("template " + t_.id + " line " + std::to_string(b.line) +
                          ": no nomination text for " +
                          (subject_ ? subject_->name : "the selection") +
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
                if (part.find_first_not_of(" \n\t") != std::string::npos)
                    doc_.blocks.push_back(paragraph_of(part));
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
            kf.value = disclosure_->figure(f, selected_, year_, Use::shown);
            // The label carries the year: a dossier's figures may be years
            // older than the prize they are shown for.
            if (base_of(f) == f) {
                kf.label += " " + std::to_string(year_);
                // Last year's figure gives the change only; it is not shown.
                Value before = disclosure_->figure(f, selected_, year_ - 1, Use::computed);
                if (kf.value.has_value() && before.has_value())
                    kf.change = kf.value.get() - before.get();
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
        c.title =
            fill(b.text.empty() ? label("settlement-chart-caption", lang_) : b.text.get(lang_));
        c.categories = years_text();
        c.x_title = label("year", lang_);
        c.y_title = label("persons", lang_);
        for (const char* f : {"requested", "decided", "settled"}) {
            ChartSeries s{label(f, lang_), {}};
            for (int y = first_year_; y <= year_; ++y)
                s.values.push_back(disclosure_->figure(f, selected_, y, Use::shown));
            c.series.push_back(std::move(s));
        }
        doc_.blocks.push_back(std::move(c));
    }

    void add_settlement_table() {
        Table t;
        t.caption = label("settlement-caption", lang_);
        t.columns = {{label("year", lang_), TableColumn::Type::year}};
        const std::vector<std::string> fields{"requested", "decided", "settled",
                                              "settled-share-of-requested"};
        for (const auto& f : fields)
            t.columns.push_back({label(f, lang_), column_type(unit_of(f))});
        for (int y = first_year_; y <= year_; ++y) {
            std::vector<TableCell> row{{std::to_string(y), Value(y)}};
            for (const auto& f : fields)
                row.push_back(cell(disclosure_->figure(f, selected_, y, Use::shown), unit_of(f)));
            t.rows.push_back(std::move(row));
        }
        doc_.blocks.push_back(std::move(t));
    }

    void add_programmes() {
        Table t;
        t.caption = label("programmes-caption", lang_);
        t.columns = {{label("programme", lang_), TableColumn::Type::text},
                     {label("kind", lang_), TableColumn::Type::text},
                     {label("partners", lang_), TableColumn::Type::text},
                     {label("years", lang_), TableColumn::Type::text}};
        if (selected_.size() > 1)
            t.columns.insert(t.columns.begin(),
                             {label("municipality", lang_), TableColumn::Type::text});
        // Municipalities in the selection's (Norwegian) order, each one's
        // programmes in the order the data gives them.
        std::map<std::string, std::size_t> place;
        for (const Municipality* m : selected_) place.emplace(m->number, place.size());
        std::vector<std::pair<std::size_t, std::vector<TableCell>>> sorted;
        for (const Programme& p : d_.programmes) {
            if (!selection_.contains(p.municipality)) continue;
            std::string partners, years;
            for (const auto& partner : p.partners)
                partners += (partners.empty() ? "" : ", ") + partner;
            if (!p.years.empty()) {
                auto [lo, hi] = std::minmax_element(p.years.begin(), p.years.end());
                years = *lo == *hi ? std::to_string(*lo)
                                   : std::to_string(*lo) + "–" + std::to_string(*hi);
            }
            std::vector<TableCell> row{text_cell(p.name),
                                       text_cell(label(to_string(p.kind), lang_)),
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
        if (t.rows.empty())
            doc_.blocks.push_back(paragraph_of(label("no-programmes", lang_)));
        else
            doc_.blocks.push_back(without_empty_columns(std::move(t)));
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
            t.columns.insert(t.columns.begin(),
                             {label("municipality", lang_), TableColumn::Type::text});
        for (const Outcome& o : d_.outcomes) {
            if (!selection_.contains(o.municipality) || o.year < first_year_ || o.year > year_)
                continue;
            const Indicator* indicator = d_.find_indicator(o.indicator);
            Unit unit = indicator ? indicator->unit : o.unit;
            Value v = disclosure_->outcome(o);
            Value national, target;
            for (const Outcome& n : d_.outcomes)
                if (n.municipality == whole_country && n.indicator == o.indicator &&
                    n.year == o.year && n.programme.empty())
                    national = n.value;
            for (const auto& [id, value] : b.targets)
                if (id == o.indicator) target = value;
            std::vector<TableCell> row{
                text_cell(indicator ? indicator_label(*indicator, lang_) : o.indicator),
                {std::to_string(o.year), Value(o.year)},
                cell(v, unit),
                national.is_missing() ? text_cell("") : cell(national, unit),
                target.is_missing() ? text_cell("") : cell(target, unit)};
            if (selected_.size() > 1) {
                const Municipality* m = d_.find_municipality(o.municipality);
                row.insert(row.begin(), text_cell(m ? m->name : o.municipality));
            }
            auto r = rank.find(o.indicator);
            sorted.emplace_back(place[o.municipality], r == rank.end() ? rank.size() : r->second,
                                o.year, std::move(row));
        }
        std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
            return std::tie(std::get<0>(a), std::get<1>(a), std::get<2>(a)) <
                   std::tie(std::get<0>(b), std::get<1>(b), std::get<2>(b));
        });
        for (auto& entry : sorted) t.rows.push_back(std::move(std::get<3>(entry)));
        if (t.rows.empty())
            doc_.blocks.push_back(paragraph_of(label("no-outcomes", lang_)));
        else
            doc_.blocks.push_back(without_empty_columns(std::move(t)));
    }

    void add_municipalities_table(const TemplateBlock& b) {
        Table t;
        t.caption = b.text.empty()
                        ? label("municipalities-caption", lang_) + " " + std::to_string(year_)
                        : fill(b.text.get(lang_));
        t.columns = {{label("municipality", lang_), TableColumn::Type::text},
                     {label("number", lang_), TableColumn::Type::text}};
        const std::vector<std::string> fields{"requested", "decided", "settled",
                                              "settled-share-of-requested"};
        for (const auto& f : fields)
            t.columns.push_back({label(f, lang_), column_type(unit_of(f))});
        for (const Municipality* m : selected_) {
            std::vector<TableCell> row{text_cell(m->name), text_cell(m->number)};
            for (const auto& f : fields)
                row.push_back(cell(disclosure_->figure(f, {m}, year_, Use::shown), unit_of(f)));
            t.rows.push_back(std::move(row));
        }
        if (b.totals && t_.scope == ReportTemplate::Scope::nominees) {
            // A sum of nominees means nothing; the country's own figure
            // (municipality 0000) does, when the data has it.
            if (const SettlementFigures* n = d_.find_settlement(whole_country, year_)) {
                std::vector<TableCell> row{text_cell(label("national", lang_)), text_cell("")};
                for (const auto& f : fields) {
                    Value v = source_figure(n, f);
                    disclosure_->shown(v);
                    row.push_back(cell(v, unit_of(f)));
                }
                t.rows.push_back(std::move(row));
                t.last_row_is_total = true;
            }
        } else if (b.totals) {
            std::vector<TableCell> row{text_cell(label("total", lang_)), text_cell("")};
            for (const auto& f : fields)
                row.push_back(
                    cell(disclosure_->figure(f, selected_, year_, Use::shown), unit_of(f)));
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
            for (const Municipality* m : selected_)
                s.values.push_back(disclosure_->figure(b.field, {m}, y, Use::shown));
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
    Selection selection_;
    std::optional<Disclosure> disclosure_;  // made once the selection is known
};

}  // namespace

Document build_report(const ReportTemplate& report_template, const Dataset& dataset,
                      const ReportRequest& request, Diagnostics& diagnostics) {
    return Builder(report_template, dataset, request, diagnostics).build();
}

}  // namespace kdx::report
