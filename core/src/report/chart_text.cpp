#include "kdx/chart_text.hpp"

#include <vector>

#include "kdx/number_format.hpp"

namespace kdx {

namespace {

// "a, b og c": the conjunction of the language.
std::string joined(const std::vector<std::string>& parts, const std::string& language) {
    const std::string conjunction = language == "en" ? " and " : " og ";
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i)
        out += (i == 0 ? "" : i + 1 == parts.size() ? conjunction : ", ") + parts[i];
    return out;
}

}  // namespace

std::string chart_alt_text(const Chart& chart, const std::string& language) {
    const bool en = language == "en", nn = language == "nn";
    std::string text = chart.kind == Chart::Kind::bar ? (en ? "Bar chart" : "Stolpediagram")
                                                      : (en ? "Line chart" : "Linjediagram");
    text += ": ";
    std::vector<std::string> names;
    for (const ChartSeries& s : chart.series) names.push_back(s.name);
    // The series in the order their values follow; the title, when there is
    // one, already says what and when.
    if (!chart.title.empty()) {
        text += chart.title + (names.empty() ? "" : " (" + joined(names, language) + ")");
    } else {
        text += joined(names, language);
        if (!chart.categories.empty()) {
            text += " " + chart.categories.front();
            if (chart.categories.size() > 1) text += "\u2013" + chart.categories.back();
        }
    }
    text += ".";
    for (std::size_t c = 0; c < chart.categories.size(); ++c) {
        std::vector<std::string> values;
        for (const ChartSeries& s : chart.series) {
            Value v = c < s.values.size() ? s.values[c] : Value();
            if (v.has_value())
                values.push_back(format_value(v, chart.unit, language));
            else if (v.is_suppressed())
                values.push_back(en ? "suppressed" : "skjult");
            else
                values.push_back(en ? "missing" : nn ? "manglar" : "mangler");
        }
        text += " " + chart.categories[c] + ": " + joined(values, language) + ".";
    }
    return text;
}

}  // namespace kdx
