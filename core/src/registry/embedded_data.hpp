// The registry's CSV files as compiled into libkdx (see cmake/KdxEmbedRegistry.cmake).
#pragma once

#include <cstddef>
#include <string_view>

namespace kdx::registry_detail {

// The content of an embedded file by its name in data/registry; empty when absent.
std::string_view embedded_file(std::string_view name);

}  // namespace kdx::registry_detail
