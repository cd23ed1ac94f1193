#include "kdx/version.hpp"

namespace kdx {

const char* version() noexcept { return KDX_VERSION; }

}  // namespace kdx
