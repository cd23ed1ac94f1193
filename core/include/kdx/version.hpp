// Version of kdx and of the plugin ABI.
#pragma once

#include <cstdint>

namespace kdx {

// Release version of kdx itself, e.g. "1.0.0".
const char* version() noexcept;

// Plugin ABI. A plugin exports the ABI it was built for; the host loads it only
// when the major versions are equal and the plugin's minor is not newer.
inline constexpr std::uint32_t abi_major = 2;
inline constexpr std::uint32_t abi_minor = 1;  // 1: Format::read_batches, open_batches
inline constexpr std::uint32_t abi_version = (abi_major << 16) | abi_minor;

}  // namespace kdx
