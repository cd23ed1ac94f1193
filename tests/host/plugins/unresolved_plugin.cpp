// Calls a function no library defines, so loading must fail.
#include "kdx/kdx.hpp"

int kdx_test_function_nobody_defines(int);

namespace {
void register_formats(kdx::Registrar&) { kdx_test_function_nobody_defines(1); }
}  // namespace

KDX_PLUGIN(register_formats)
