// The GNU build ID of a shared library, read from its ELF notes without
// loading it. The linker computes it from the library's contents, and it
// survives what installing does to a library (a new RUNPATH, stripping), so
// it tells whether a plugin manifest was written for this very library.
#pragma once

#include <filesystem>
#include <string>

namespace kdx::host {

// The build ID in lower-case hex; empty when the file is no ELF file of this
// machine's class and byte order or carries no build ID (linked without
// --build-id). Never throws for a bad file; an unreadable one is empty too.
std::string elf_build_id(const std::filesystem::path& file);

}  // namespace kdx::host
