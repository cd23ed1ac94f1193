// When an import happened, as the store's imports table records it.
#pragma once

#include <string>

namespace kdx::store {

// "2026-12-07T01:02:03Z": now, or SOURCE_DATE_EPOCH when set (reproducible tests).
std::string utc_timestamp();

}  // namespace kdx::store
