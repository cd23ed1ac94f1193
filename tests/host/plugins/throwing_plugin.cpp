// Throws from its registration function.
#include <stdexcept>

#include "kdx/kdx.hpp"

namespace {
void register_formats(kdx::Registrar&) { throw std::logic_error("cannot start: no licence"); }
}  // namespace

KDX_PLUGIN(register_formats)
