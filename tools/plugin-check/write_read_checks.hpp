// Checks that call a format's writers and readers with good data: writing the
// reference data, the round trip, and every declared option at its default.
#pragma once

#include <filesystem>

#include "check_runner.hpp"
#include "host/plugin_host.hpp"
#include "kdx/document.hpp"

namespace kdx::check {

// What the checks write.
struct ReferenceData {
    Dataset dataset;
    Document document;
};

// Writes the reference dataset: succeeds, leaves exactly one non-empty file.
Outcome check_write_dataset(const host::LoadedFormat& format, const ReferenceData& data,
                            const std::filesystem::path& scratch);

// Writes the reference document: succeeds, leaves exactly one non-empty file.
Outcome check_write_document(const host::LoadedFormat& format, const ReferenceData& data,
                             const std::filesystem::path& scratch);

// Writes the reference dataset, reads it back and compares the models.
Outcome check_round_trip(const host::LoadedFormat& format, const ReferenceData& data,
                         const std::filesystem::path& scratch);

// Every declared option given alone with its default value, then all together.
Outcome check_default_options(const host::LoadedFormat& format, const ReferenceData& data,
                              const std::filesystem::path& scratch);

// Writing into a folder that does not exist fails with kdx::Error and
// creates nothing.
Outcome check_write_to_missing_folder(const host::LoadedFormat& format, const ReferenceData& data,
                                      const std::filesystem::path& scratch);

}  // namespace kdx::check
