// Exports the ABI version but no registration function.
#include "kdx/kdx.hpp"

extern "C" BOOST_SYMBOL_EXPORT const std::uint32_t kdx_plugin_abi_version = kdx::abi_version;
