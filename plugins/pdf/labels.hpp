// The few words the PDF adds itself, in bokmål, nynorsk and English.
#pragma once

#include <string>

namespace kdx::pdf {

struct Labels {
    const char* of;         // "3 av 7"
    const char* continued;  // after a repeated table caption
    const char* sources;
    const char* change;  // under a key figure's change
    const char* points;  // unit of a change in a percentage
};

inline const Labels& labels_for(const std::string& language) {
    static const Labels nb{"av", "(forts.)", "Kilder", "fra året før", "%-poeng"};
    static const Labels nn{"av", "(framh.)", "Kjelder", "frå året før", "%-poeng"};
    static const Labels en{"of", "(cont.)", "Sources", "from the year before", "percentage points"};
    return language == "en" ? en : language == "nn" ? nn : nb;
}

// "n av m" or "n of m".
inline std::string page_of(std::size_t n, std::size_t m, const std::string& language) {
    return std::to_string(n) + " " + labels_for(language).of + " " + std::to_string(m);
}

}  // namespace kdx::pdf
