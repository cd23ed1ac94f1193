#include "import_time.hpp"

#include <ctime>

#include "kdx/source_date.hpp"

namespace kdx::store {

std::string utc_timestamp() {
    // A bad SOURCE_DATE_EPOCH is warned about by the writers of reports;
    // an import is then stamped with the current time.
    std::string bad;
    const std::time_t t = source_date_epoch(bad).value_or(std::time(nullptr));
    std::tm tm{};
    gmtime_r(&t, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return text;
}

}  // namespace kdx::store
