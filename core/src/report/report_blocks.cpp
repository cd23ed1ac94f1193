#include "report/report_blocks.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <tuple>

#include "kdx/number_format.hpp"
#include "report/labels.hpp"

namespace kdx::report {

namespace {

using K = TemplateBlock::Kind;

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

// A column with nothing in any row (no programme has years, no outcome a
// national figure or target) says nothing: it is left out. A ".." is a
// figure's absence and keeps its column.
Table without_empty_columns(Table t) {
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

TableCell text_cell(std::string s) { return {std::move(s), Value::missing()}; }

// The blocks of one template block, appended to the document's.
class Blocks {
  public:
    Blocks(const BlockSource& source, std::vector<Block>& out)
        : t_(source.report_template),
          d_(source.dataset),
          selection_(source.selection),
          disclosure_(source.disclosure),
          text_(source.text),
          diag_(source.diagnostics),
          out_(out),
          lang_(selection_.language),
          selected_(selection_.municipalities),
          subject_(selection_.subject),
          year_(selection_.year),
          first_year_(selection_.first_year),
          nomination_year_(selection_.nomination_year) {}

    void add(const TemplateBlock& b) {
        switch (b.kind) {
            case K::heading:
                out_.push_back(Heading{b.level, fill(b.text.get(lang_))});
                break;
            case K::paragraph:
                out_.push_back(paragraph_of(fill(b.text.get(lang_))));
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
                out_.push_back(PageBreak{});
                break;
        }
    }

  private:
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
            if (!n->summary.empty()) out_.push_back(paragraph_of(n->summary));
            return;
        }
        for (const Section& s : n->sections) {
            // A profile's text before its first heading is a section without one.
            if (!s.heading.empty()) out_.push_back(Heading{2, s.heading});
            std::size_t at = 0;
            while (at < s.text.size()) {
                std::size_t end = s.text.find("\n\n", at);
                if (end == std::string::npos) end = s.text.size();
                std::string part = s.text.substr(at, end - at);
                if (part.find_first_not_of(" \n\t") != std::string::npos)
                    out_.push_back(paragraph_of(part));
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
            kf.value = disclosure_.figure(f, selected_, year_, Use::shown);
            // The label carries the year: a dossier's figures may be years
            // older than the prize they are shown for.
            if (base_of(f) == f) {
                kf.label += " " + std::to_string(year_);
                // Last year's figure gives the change only; it is not shown.
                Value before = disclosure_.figure(f, selected_, year_ - 1, Use::computed);
                if (kf.value.has_value() && before.has_value())
                    kf.change = kf.value.get() - before.get();
            } else {
                kf.label += " " + std::to_string(first_year_) + "–" + std::to_string(year_);
            }
            kf.text = format_value(kf.value, kf.unit, lang_);
            k.figures.push_back(std::move(kf));
        }
        out_.push_back(std::move(k));
    }

    void add_settlement_chart(const TemplateBlock& b) {
        Chart c;
        c.kind = b.chart;
        // Not the table's caption: a chart and the table beside it are two things.
        c.title =
            fill(b.text.empty() ? label("settlement-chart-caption", lang_) : b.text.get(lang_));
        c.categories = years_text(first_year_, year_);
        c.x_title = label("year", lang_);
        c.y_title = label("persons", lang_);
        for (const char* f : {"requested", "decided", "settled"}) {
            ChartSeries s{label(f, lang_), {}};
            for (int y = first_year_; y <= year_; ++y)
                s.values.push_back(disclosure_.figure(f, selected_, y, Use::shown));
            c.series.push_back(std::move(s));
        }
        out_.push_back(std::move(c));
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
                row.push_back(cell(disclosure_.figure(f, selected_, y, Use::shown), unit_of(f)));
            t.rows.push_back(std::move(row));
        }
        out_.push_back(std::move(t));
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
            out_.push_back(paragraph_of(label("no-programmes", lang_)));
        else
            out_.push_back(without_empty_columns(std::move(t)));
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
            Value v = disclosure_.outcome(o);
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
            out_.push_back(paragraph_of(label("no-outcomes", lang_)));
        else
            out_.push_back(without_empty_columns(std::move(t)));
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
                row.push_back(cell(disclosure_.figure(f, {m}, year_, Use::shown), unit_of(f)));
            t.rows.push_back(std::move(row));
        }
        if (b.totals && t_.scope == ReportTemplate::Scope::nominees) {
            // A sum of nominees means nothing; the country's own figure
            // (municipality 0000) does, when the data has it.
            if (const SettlementFigures* n = d_.find_settlement(whole_country, year_)) {
                std::vector<TableCell> row{text_cell(label("national", lang_)), text_cell("")};
                for (const auto& f : fields) {
                    Value v = source_figure(n, f);
                    disclosure_.shown(v);
                    row.push_back(cell(v, unit_of(f)));
                }
                t.rows.push_back(std::move(row));
                t.last_row_is_total = true;
            }
        } else if (b.totals) {
            std::vector<TableCell> row{text_cell(label("total", lang_)), text_cell("")};
            for (const auto& f : fields)
                row.push_back(
                    cell(disclosure_.figure(f, selected_, year_, Use::shown), unit_of(f)));
            t.rows.push_back(std::move(row));
            t.last_row_is_total = true;
        }
        out_.push_back(std::move(t));
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
                s.values.push_back(disclosure_.figure(b.field, {m}, y, Use::shown));
            c.series.push_back(std::move(s));
        }
        out_.push_back(std::move(c));
    }

    TableCell cell(const Value& v, Unit unit) { return {format_value(v, unit, lang_), v}; }
    std::string fill(const std::string& text) { return text_.fill(text); }

    const ReportTemplate& t_;
    const Dataset& d_;
    const Selection& selection_;
    Disclosure& disclosure_;
    TemplateText& text_;
    Diagnostics& diag_;
    std::vector<Block>& out_;
    const std::string& lang_;
    const std::vector<const Municipality*>& selected_;
    const Municipality* subject_;
    int year_;
    int first_year_;
    int nomination_year_;
};

}  // namespace

void add_block(const TemplateBlock& block, const BlockSource& source, std::vector<Block>& blocks) {
    Blocks(source, blocks).add(block);
}

}  // namespace kdx::report
