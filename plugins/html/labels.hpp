// The few words the HTML page adds itself, in bokmål, nynorsk and English
// (the PDF's words where it has them).
#pragma once

#include <string>

namespace kdx::html {

struct Labels {
    const char* notes;        // heading over the document's notes and sources
    const char* sources;      // "Kilder: a; b."
    const char* change;       // under a key figure's change
    const char* points;       // unit of a change in a percentage
    const char* chart_table;  // the disclosure that holds a chart's figures
    const char* category;     // header of the chart table's first column
    const char* fallback_title;
};

inline const Labels& labels_for(const std::string& language) {
    static const Labels nb{"Merknader og kilder",  "Kilder",   "fra året før", "%-poeng",
                           "Tallene i diagrammet", "Kategori", "Rapport"};
    static const Labels nn{"Merknader og kjelder", "Kjelder",  "frå året før", "%-poeng",
                           "Tala i diagrammet",    "Kategori", "Rapport"};
    static const Labels en{"Notes and sources",
                           "Sources",
                           "from the year before",
                           "percentage points",
                           "Figures in the chart",
                           "Category",
                           "Report"};
    return language == "en" ? en : language == "nn" ? nn : nb;
}

}  // namespace kdx::html
