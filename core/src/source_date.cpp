#include "kdx/source_date.hpp"

#include <cerrno>
#include <cstdlib>

namespace kdx {

std::optional<std::time_t> source_date_epoch(std::string& bad) {
    bad.clear();
    const char* text = std::getenv("SOURCE_DATE_EPOCH");
    if (!text || !*text) return std::nullopt;
    bool digits = true;
    for (const char* c = text; *c; ++c)
        if (*c < '0' || *c > '9') digits = false;
    errno = 0;
    const unsigned long long seconds = digits ? std::strtoull(text, nullptr, 10) : 0;
    const auto when = static_cast<std::time_t>(seconds);
    if (!digits || errno != 0 || when < 0 || static_cast<unsigned long long>(when) != seconds) {
        bad = text;
        return std::nullopt;
    }
    return when;
}

std::time_t output_time(Diagnostics& diagnostics, const std::string& who,
                        const std::string& fallback) {
    std::string bad;
    if (auto when = source_date_epoch(bad)) return *when;
    if (!bad.empty())
        diagnostics.warning(who + ": SOURCE_DATE_EPOCH is \"" + bad +
                            "\", not a number of seconds; " + fallback);
    return std::time(nullptr);
}

}  // namespace kdx
