#include "report/template_text.hpp"

#include <algorithm>
#include <cctype>

#include "kdx/number_format.hpp"
#include "kdx/registry.hpp"
#include "report/labels.hpp"

namespace kdx::report {

namespace {

bool is_figure_field(const std::string& f) {
    return f == "requested" || f == "decided" || f == "settled" || f == "unaccompanied-minors" ||
           f == "family-reunifications" || f == "settled-share-of-requested" ||
           f == "requested-total" || f == "decided-total" || f == "settled-total";
}

}  // namespace

Unit unit_of(const std::string& field) {
    return field == "settled-share-of-requested" ? Unit::percent : Unit::persons;
}

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

std::string join(const std::vector<std::string>& names, const std::string& language) {
    std::string s;
    for (std::size_t i = 0; i < names.size(); ++i)
        s += (i == 0                  ? ""
              : i + 1 == names.size() ? (language == "en" ? " and " : " og ")
                                      : ", ") +
             names[i];
    return s;
}

std::vector<std::string> years_text(int first_year, int year) {
    std::vector<std::string> years;
    for (int y = first_year; y <= year; ++y) years.push_back(std::to_string(y));
    return years;
}

TemplateText::TemplateText(const Selection& selection, const ReportRequest& request,
                           Disclosure& disclosure)
    : s_(selection), r_(request), disclosure_(disclosure) {}

std::string TemplateText::field(const std::string& f) {
    const Municipality* subject = s_.subject;
    const std::string& lang = s_.language;
    if (f == "municipality") return subject ? subject->name : s_.county_name;
    if (f == "municipality-number") return subject ? subject->number : "";
    if (f == "county") return subject ? subject->county_name : s_.county_name;
    if (f == "county-number") return subject ? subject->county_number : r_.county;
    if (f == "year") return std::to_string(s_.year);
    if (f == "first-year") return std::to_string(s_.first_year);
    if (f == "prize-year") return std::to_string(s_.nomination_year ? s_.nomination_year : s_.year);
    if (f == "threshold") return std::to_string(r_.threshold);
    if (f == "winner") return join(s_.winners, lang);
    if (f == "nominees") {
        std::vector<std::string> names;
        for (const Municipality* m : s_.municipalities) names.push_back(m->name);
        return join(names, lang);
    }
    Value v = disclosure_.figure(f, s_.municipalities, s_.year, Use::in_words);
    if (v.has_value()) return format_value(v, unit_of(f), lang);
    // ":" and ".." belong in tables; a sentence says it in words.
    std::string kind = unit_of(f) == Unit::percent ? "share" : "count";
    return label(kind + (v.is_suppressed() ? "-not-published" : "-not-available"), lang);
}

std::string TemplateText::fill(const std::string& text) {
    std::string out;
    std::size_t at = 0;
    for (std::size_t open; (open = text.find('{', at)) != std::string::npos;) {
        std::size_t close = text.find('}', open);
        std::string name = text.substr(open + 1, close - open - 1);
        std::string value = field(name);
        out += text.substr(at, open - at) + value;
        at = close + 1;
        // "settle an unreported number refugees" needs its "of".
        if (language() == "en" && is_figure_field(name) && !value.empty() &&
            !std::isdigit(static_cast<unsigned char>(value[0])) &&
            text.compare(at, 9, " refugees") == 0)
            out += " of";
    }
    return out + text.substr(at);
}

std::string publisher(const ReportTemplate& report_template, const Dataset& dataset,
                      const ReportRequest& request, TemplateText& text) {
    if (!request.publisher.empty()) return request.publisher;
    if (!report_template.author.empty()) return text.fill(report_template.author);
    if (!dataset.info.publisher.empty()) return dataset.info.publisher;
    for (const DataSource& s : dataset.info.data_sources)
        if (!s.publisher.empty()) return s.publisher;
    return {};
}

std::vector<std::string> merged_figures_notes(const Selection& selection, const Dataset& dataset) {
    std::vector<std::string> notes;
    const Municipality* subject = selection.subject;
    if (!subject) return notes;
    const MunicipalityRegistry& registry = MunicipalityRegistry::builtin();
    const std::string& number = subject->number;
    int since = 0;
    for (int y = registry.first_year(); y <= std::max(selection.year, registry.last_reform_year());
         ++y)
        if (registry.find(number, y)) {
            // The first year of the number over its present area.
            auto m = registry.find(number, y);
            since = m->valid_from ? m->valid_from : registry.first_year();
            break;
        }
    if (since == 0) return notes;
    std::vector<std::string> names, divided;
    for (const SettlementFigures& s : dataset.settlement) {
        if (s.municipality != number || s.year >= since || s.year < selection.first_year ||
            s.year > selection.year)
            continue;
        // A year with no figures at all combines nothing.
        if (s.requested.is_missing() && s.decided.is_missing() && s.settled.is_missing()) continue;
        std::vector<std::string> former = registry.successors(number, since, s.year);
        if (former.size() < 2 || !names.empty() || !divided.empty()) continue;
        // The municipality that gave its name first: "Voss og Granvin".
        // Part of a divided municipality is not in the figures (they
        // cannot be divided): it is named apart.
        for (const std::string& f : former)
            if (auto m = registry.find(f, s.year)) {
                if (registry.successors(f, s.year, since).size() > 1)
                    divided.push_back(m->name);
                else if (m->name == subject->name)
                    names.insert(names.begin(), m->name);
                else
                    names.push_back(m->name);
            }
    }
    const std::string& lang = selection.language;
    auto note = [&](const char* key, const std::vector<std::string>& list) {
        std::string text = label(key, lang);
        auto put = [&text](const std::string& field, const std::string& value) {
            for (auto at = text.find(field); at != std::string::npos;
                 at = text.find(field, at + value.size()))
                text.replace(at, field.size(), value);
        };
        put("{year}", std::to_string(since));
        put("{names}", join(list, lang));
        put("{municipality}", subject->name);
        notes.push_back(text);
    };
    if (names.size() >= 2) note("merged-note", names);
    if (!divided.empty()) note("divided-part-note", divided);
    return notes;
}

}  // namespace kdx::report
