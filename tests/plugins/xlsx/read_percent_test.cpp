// Percent-formatted numbers, names with backslashes and prefixed namespaces:
// workbooks from data/percent/make_percent.py (XlsxWriter, then saved again by
// LibreOffice) and data/make_renamed.py, read as their generators wrote them.
#include <gmock/gmock.h>

#include <cmath>

#include "read_test_support.hpp"

namespace {

using namespace kdx::test;
using namespace kdx::test::xlsx;
using kdx::xlsx::PercentFormat;

void check_percent_cells(const std::string& file) {
    SCOPED_TRACE(file);
    WorkbookCells book = read_cells(data / "percent" / file);
    nlohmann::json expected = read_json(data / "percent" / "percent.json");
    const SheetCells* sheet = book.sheet("Ark1");
    ASSERT_TRUE(sheet);
    EXPECT_TRUE(book.diagnostics.items().empty());
    int percent = 0;
    for (const auto& [ref, e] : expected.items()) {
        SCOPED_TRACE(ref);
        auto it = sheet->cells.find(ref);
        ASSERT_NE(it, sheet->cells.end());
        const kdx::Cell& cell = it->second;
        ASSERT_EQ(cell.type, kdx::Cell::Type::number);
        if (e["percent"].is_null()) {
            EXPECT_EQ(cell.number, e["stored"].get<double>());
            EXPECT_TRUE(cell.text.empty() || cell.text.back() != '%') << cell.text;
        } else {
            double want = e["percent"].get<double>();
            EXPECT_NEAR(cell.number, want, std::fabs(want) * 1e-14);
            EXPECT_EQ(cell.text, e["shown"].get<std::string>());
            ++percent;
        }
    }
    EXPECT_EQ(percent, 18);
}

TEST(XlsxPercent, XlsxWriterWithCachedFormulas) { check_percent_cells("percent-xlsxwriter.xlsx"); }
TEST(XlsxPercent, SavedByLibreOffice) { check_percent_cells("percent-libreoffice.xlsx"); }

TEST(XlsxPercent, ScaledByBareSignOnly) {
    using kdx::xlsx::percent_format;
    using Kind = PercentFormat::Kind;
    EXPECT_EQ(percent_format("0%").kind, Kind::scaled);
    EXPECT_EQ(percent_format("0.0%;[Red]-0.0%").kind, Kind::scaled);
    EXPECT_EQ(percent_format("[$-414]0.0 %").kind, Kind::scaled);
    EXPECT_EQ(percent_format("0.0\\ %").kind, Kind::scaled);
    EXPECT_EQ(percent_format("#,##0.0\" %\"").kind, Kind::literal);
    EXPECT_EQ(percent_format("0.0\\%").kind, Kind::literal);
    EXPECT_EQ(percent_format("0\" % av alle\"").kind, Kind::none);
    EXPECT_EQ(percent_format("\"%\"").kind, Kind::none);  // no digits: text only
    EXPECT_EQ(percent_format("0%%").kind, Kind::none);    // ten-thousandths
    EXPECT_EQ(percent_format("0.0").kind, Kind::none);
    EXPECT_EQ(percent_format("General").kind, Kind::none);
    EXPECT_EQ(percent_format("0.0 %").decimals, 1);
    EXPECT_TRUE(percent_format("0.0 %").space);
    EXPECT_FALSE(percent_format("0.00%").space);
    EXPECT_EQ(kdx::xlsx::builtin_percent_format(10).decimals, 2);
    EXPECT_EQ(kdx::xlsx::builtin_percent_format(11).kind, Kind::none);
    EXPECT_EQ(kdx::xlsx::percent_text(-0.04, percent_format("0.0%")), "0,0%");
    EXPECT_EQ(kdx::xlsx::percent_text(-6.9, percent_format("0.0 %")), "-6,9 %");
}

TEST(XlsxPackage, WindowsPartNamesAreRead) { check_against_generator("windows-names"); }
TEST(XlsxPackage, PrefixedNamespacesAreRead) { check_against_generator("prefixed"); }

}  // namespace
