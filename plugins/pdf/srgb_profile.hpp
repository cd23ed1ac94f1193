// The sRGB ICC profile (version 2) that PDF/A output declares as its OutputIntent.
#pragma once

#include <string_view>

namespace kdx::pdf {

// The profile's bytes, compiled into the plugin.
std::string_view srgb_profile();

}  // namespace kdx::pdf
