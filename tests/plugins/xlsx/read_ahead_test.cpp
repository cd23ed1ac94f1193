// Big parts are inflated on a second thread (Package::stream, read_ahead_from).
// The fixtures are small, so these tests set the threshold to 0 and check
// that the threaded path gives the same bytes and cells, stops early without
// hanging, and reports a damaged part as the plain path does.
#include <gmock/gmock.h>

#include <fstream>
#include <stdexcept>

#include "read_test_support.hpp"

namespace {

using namespace kdx::test;
using namespace kdx::test::xlsx;
using ::testing::HasSubstr;

kdx::xlsx::ReadLimits always_ahead() {
    kdx::xlsx::ReadLimits limits;
    limits.read_ahead_from = 0;
    return limits;
}

std::vector<fs::path> fixtures() {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(data))
        if (e.path().extension() == ".xlsx") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

std::string whole_part(const fs::path& file, const std::string& part,
                       const kdx::xlsx::ReadLimits& limits) {
    kdx::xlsx::Package package(file, file.string(), limits);
    std::string text;
    package.stream(part, [&](const char* p, std::size_t n) {
        text.append(p, n);
        return true;
    });
    return text;
}

TEST(XlsxReadAhead, GivesTheSameBytesAndCellsAsReadingInline) {
    int compared = 0;
    for (const fs::path& file : fixtures()) {
        SCOPED_TRACE(file.filename().string());
        if (file.filename() == "big-entities.xlsx") continue;  // refused by design
        for (const char* part : {"xl/workbook.xml", "xl/worksheets/sheet1.xml"}) {
            std::string plain;
            try {
                plain = whole_part(file, part, {});
            } catch (const kdx::Error&) {
                continue;  // the fixture has no such part
            }
            EXPECT_EQ(whole_part(file, part, always_ahead()), plain) << part;
            ++compared;
        }
        WorkbookCells plain = read_cells(file);
        WorkbookCells ahead = read_cells(file, always_ahead());
        ASSERT_EQ(ahead.sheets.size(), plain.sheets.size());
        for (std::size_t i = 0; i < plain.sheets.size(); ++i) {
            EXPECT_EQ(ahead.sheets[i].row_numbers, plain.sheets[i].row_numbers);
            ASSERT_EQ(ahead.sheets[i].cells.size(), plain.sheets[i].cells.size());
            for (const auto& [ref, cell] : plain.sheets[i].cells) {
                const kdx::Cell& other = ahead.sheets[i].cells.at(ref);
                EXPECT_EQ(other.type, cell.type) << ref;
                EXPECT_EQ(other.text, cell.text) << ref;
                EXPECT_EQ(other.number, cell.number) << ref;
            }
        }
    }
    EXPECT_GT(compared, 5);
}

TEST(XlsxReadAhead, StopsWhenTheReaderStopsAndWhenItThrows) {
    const fs::path file = data / "imdi-xlsxwriter.xlsx";
    kdx::xlsx::Package package(file, file.string(), always_ahead());
    int calls = 0;
    package.stream("xl/worksheets/sheet1.xml", [&](const char*, std::size_t) {
        ++calls;
        return false;
    });
    EXPECT_EQ(calls, 1);
    EXPECT_THROW(
        package.stream("xl/worksheets/sheet1.xml",
                       [&](const char*, std::size_t) -> bool { throw std::runtime_error("stop"); }),
        std::runtime_error);
    // The package is still usable afterwards, on both paths.
    EXPECT_FALSE(package.read("xl/worksheets/sheet1.xml").empty());
}

// Flips a byte in the middle of a part's compressed data.
fs::path damaged_copy(const fs::path& file, const std::string& part, const fs::path& out) {
    std::ifstream in(file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto u16 = [&](std::size_t at) {
        return static_cast<std::size_t>(static_cast<unsigned char>(bytes[at])) |
               static_cast<std::size_t>(static_cast<unsigned char>(bytes[at + 1])) << 8;
    };
    auto u32 = [&](std::size_t at) { return u16(at) | u16(at + 2) << 16; };
    // The local file header: signature, ..., compressed size at 18, name
    // length at 26, extra length at 28, then the name, the extra field, the data.
    for (std::size_t at = bytes.find("PK\x03\x04"); at != std::string::npos;
         at = bytes.find("PK\x03\x04", at + 4)) {
        if (bytes.compare(at + 30, u16(at + 26), part) != 0) continue;
        std::size_t start = at + 30 + u16(at + 26) + u16(at + 28);
        std::size_t size = u32(at + 18);
        EXPECT_GT(size, 16u);
        for (std::size_t k = start + size / 2; k < start + size / 2 + 8; ++k) bytes[k] ^= 0x5a;
        std::ofstream(out, std::ios::binary) << bytes;
        return out;
    }
    ADD_FAILURE() << part << " not found in " << file;
    return out;
}

TEST(XlsxReadAhead, ADamagedPartIsTheSameClearError) {
    const fs::path dir = scratch_dir();
    const fs::path bad =
        damaged_copy(data / "imdi-openpyxl.xlsx", "xl/worksheets/sheet1.xml", dir / "damaged.xlsx");
    std::string plain, ahead;
    try {
        whole_part(bad, "xl/worksheets/sheet1.xml", {});
    } catch (const kdx::Error& e) {
        plain = e.what();
    }
    try {
        whole_part(bad, "xl/worksheets/sheet1.xml", always_ahead());
    } catch (const kdx::Error& e) {
        ahead = e.what();
    }
    EXPECT_THAT(plain, HasSubstr("part xl/worksheets/sheet1.xml is damaged"));
    EXPECT_EQ(ahead, plain);
}

}  // namespace
