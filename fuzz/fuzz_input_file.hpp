// kdx readers take files, so each fuzz input is written to a file in memory
// (/dev/shm when there is one) before it is read.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>

namespace kdx::fuzz {

inline std::filesystem::path input_file(const std::string& extension) {
    std::filesystem::path dir = std::filesystem::exists("/dev/shm") ? "/dev/shm" : "/tmp";
    return dir / ("kdx-fuzz-" + std::to_string(::getpid()) + "." + extension);
}

inline void write_input(const std::filesystem::path& file, const std::uint8_t* data,
                        std::size_t size) {
    std::FILE* f = std::fopen(file.c_str(), "wb");
    if (!f) std::abort();
    if (size > 0 && std::fwrite(data, 1, size, f) != size) std::abort();
    std::fclose(f);
}

}  // namespace kdx::fuzz
