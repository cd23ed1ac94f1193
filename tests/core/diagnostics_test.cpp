#include "kdx/diagnostics.hpp"

#include <gtest/gtest.h>

#include "kdx/error.hpp"
#include "kdx/model.hpp"

namespace {

using kdx::Location;

TEST(Location, FormatsLineColumnAndCell) {
    EXPECT_EQ(Location::at("a.xml", 3, 14).to_string(), "a.xml:3:14");
    EXPECT_EQ(Location::at("a.csv", 7).to_string(), "a.csv:7");
    EXPECT_EQ(Location::at("a.xml").to_string(), "a.xml");
    EXPECT_EQ(Location::at_cell("partner.xlsx", "Bosetting", "C12").to_string(),
              "partner.xlsx:Bosetting!C12");
    EXPECT_EQ(Location().to_string(), "");
}

TEST(Diagnostic, ReadsLikeACompilerMessage) {
    kdx::Diagnostic d{kdx::Severity::error, "expected a whole number, found \"tolv\"",
                      Location::at_cell("partner.xlsx", "Bosetting", "C12")};
    EXPECT_EQ(d.to_string(),
              "partner.xlsx:Bosetting!C12: error: expected a whole number, found \"tolv\"");
    EXPECT_EQ((kdx::Diagnostic{kdx::Severity::warning, "odd", {}}).to_string(), "warning: odd");
}

TEST(Diagnostics, CountsBySeverity) {
    kdx::Diagnostics d;
    EXPECT_TRUE(d.empty());
    d.error("e");
    d.warning("w");
    d.warning("w2");
    d.info("i");
    EXPECT_TRUE(d.has_errors());
    EXPECT_EQ(d.count(kdx::Severity::warning), 2u);
    EXPECT_EQ(d.items().size(), 4u);
}

TEST(CellReference, ColumnLetters) {
    EXPECT_EQ(kdx::column_letters(1), "A");
    EXPECT_EQ(kdx::column_letters(26), "Z");
    EXPECT_EQ(kdx::column_letters(27), "AA");
    EXPECT_EQ(kdx::column_letters(16384), "XFD");
    EXPECT_EQ(kdx::cell_reference(12, 3), "C12");
}

TEST(Error, CarriesItsLocation) {
    kdx::Error e("expected '>'", Location::at("a.xml", 2, 5));
    EXPECT_STREQ(e.what(), "a.xml:2:5: expected '>'");
    EXPECT_EQ(e.message(), "expected '>'");
    EXPECT_EQ(e.diagnostic().to_string(), "a.xml:2:5: error: expected '>'");
}

TEST(Dataset, LocationOfAnOrigin) {
    kdx::Dataset d;
    auto csv = d.add_source("a.csv");
    auto sheet = d.add_source("b.xlsx", "Ark1");
    EXPECT_EQ(d.add_source("a.csv"), csv);
    EXPECT_EQ(d.location_of({csv, 4, 2}).to_string(), "a.csv:4:2");
    EXPECT_EQ(d.location_of({sheet, 12, 3}).to_string(), "b.xlsx:Ark1!C12");
    EXPECT_EQ(d.location_of({sheet, 12, 0}).to_string(), "b.xlsx:Ark1!12:12");
    EXPECT_EQ(d.location_of({}).to_string(), "");
}

}  // namespace
