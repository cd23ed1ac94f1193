// Fuzzes each XML part of a workbook inside a valid zip container: the first
// byte of the input picks the part (content types, relationships, workbook,
// its relationships, the sheet, shared strings, styles), the rest replaces it
// in a small real workbook (fuzz/xlsx_parts/), which the xlsx plugin then
// reads through the plugin host. fuzz_xlsx covers the container itself.
#include <zip.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_input_file.hpp"
#include "host/plugin_host.hpp"
#include "kdx/error.hpp"

namespace {

struct Part {
    const char* name;  // in the zip
    const char* file;  // in fuzz/xlsx_parts/
    std::string text;
};

std::vector<Part> parts{
    {"[Content_Types].xml", "content_types.xml", {}},
    {"_rels/.rels", "rels.xml", {}},
    {"xl/workbook.xml", "workbook.xml", {}},
    {"xl/_rels/workbook.xml.rels", "workbook_rels.xml", {}},
    {"xl/worksheets/sheet1.xml", "sheet1.xml", {}},
    {"xl/sharedStrings.xml", "shared_strings.xml", {}},
    {"xl/styles.xml", "styles.xml", {}},
};

kdx::host::PluginHost host;
std::shared_ptr<const kdx::host::LoadedFormat> format;

void write_workbook(const std::filesystem::path& file, std::size_t replaced,
                    const std::uint8_t* data, std::size_t size) {
    int error = 0;
    zip_t* zip = zip_open(file.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!zip) std::abort();
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const void* bytes = i == replaced ? static_cast<const void*>(data) : parts[i].text.data();
        std::size_t length = i == replaced ? size : parts[i].text.size();
        zip_source_t* source = zip_source_buffer(zip, bytes, length, 0);
        zip_int64_t index =
            source ? zip_file_add(zip, parts[i].name, source, ZIP_FL_OVERWRITE) : -1;
        if (index < 0) std::abort();
        zip_set_file_compression(zip, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
    }
    if (zip_close(zip) != 0) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    for (Part& p : parts) {
        std::ifstream in(std::string(KDX_FUZZ_XLSX_PARTS) + "/" + p.file, std::ios::binary);
        if (!in) {
            std::fprintf(stderr, "fuzz: cannot read %s/%s\n", KDX_FUZZ_XLSX_PARTS, p.file);
            std::abort();
        }
        p.text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    const auto& record = host.load_file(KDX_FUZZ_PLUGIN);
    format = host.find("xlsx");
    if (!format) {
        std::fprintf(stderr, "fuzz: cannot load %s: %s\n", KDX_FUZZ_PLUGIN, record.reason.c_str());
        std::abort();
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    static const auto file = kdx::fuzz::input_file("xlsx");
    write_workbook(file, data[0] % parts.size(), data + 1, size - 1);
    kdx::Diagnostics diagnostics;
    try {
        format->read_dataset(file, {}, diagnostics);
    } catch (const kdx::Error& e) {
        if (std::string(e.what()).rfind("plugin ", 0) == 0) {
            std::fprintf(stderr, "fuzz: %s\n", e.what());
            std::abort();
        }
    }
    return 0;
}
