// What the writer writes, kdx's own xlsx reader reads back: the settlement
// figures of a written Dataset come back as they were, ":" included. (The
// other sheets hold fields the partner-spreadsheet importer does not map.)
#include <gtest/gtest.h>

#include "write_test_support.hpp"

namespace kdx::test::xlsx_write {
namespace {

void expect_read_back(const Options& options) {
    fs::path file = scratch_dir() / "dataset.xlsx";
    Dataset written = sample_dataset();
    write(written, file, options);
    Diagnostics diagnostics;
    Dataset read = format()->read_dataset(file, {}, diagnostics);
    for (const Diagnostic& d : diagnostics.items())
        EXPECT_NE(d.severity, Severity::error) << d.to_string();
    ASSERT_EQ(read.settlement.size(), written.settlement.size());
    for (std::size_t i = 0; i < written.settlement.size(); ++i) {
        const SettlementFigures &w = written.settlement[i], &r = read.settlement[i];
        SCOPED_TRACE(w.municipality + " " + std::to_string(w.year));
        EXPECT_EQ(r.municipality, w.municipality);
        EXPECT_EQ(r.year, w.year);
        EXPECT_EQ(r.requested, w.requested);
        EXPECT_EQ(r.decided, w.decided);
        EXPECT_EQ(r.settled, w.settled);
    }
}

TEST(XlsxWriteReadBack, SettlementFigures) { expect_read_back({}); }

TEST(XlsxWriteReadBack, SettlementFiguresInConstantMemoryMode) {
    expect_read_back({{"constant-memory", "yes"}});
}

}  // namespace
}  // namespace kdx::test::xlsx_write
