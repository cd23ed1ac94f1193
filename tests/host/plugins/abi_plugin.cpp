// A plugin that claims another ABI version (TEST_ABI); its registration must
// never be called.
#include <cstdlib>

#include "kdx/kdx.hpp"

namespace {
void register_formats(kdx::Registrar&) { std::abort(); }
}  // namespace

extern "C" BOOST_SYMBOL_EXPORT const std::uint32_t kdx_plugin_abi_version = TEST_ABI;
BOOST_DLL_ALIAS(register_formats, kdx_plugin_register)
