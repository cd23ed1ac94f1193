// Datasets through the store and back: the example data and the real IMDi
// file come back record by record as the XML and CSV readers read them, and
// the sqlite3 shell, which kdx did not write, finds the same figures.
#include <gmock/gmock.h>

#include "sqlite_test_support.hpp"

namespace {

using namespace kdx;
using namespace kdx::test;
using namespace kdx::test::sqlite;
using ::testing::HasSubstr;

Dataset read_with_format(const std::string& name, const fs::path& file) {
    Diagnostics diagnostics;
    return built_format(name)->read_dataset(file, {}, diagnostics);
}

TEST(SqliteRoundTrip, ExampleDataComesBackWhole) {
    Dataset xml = read_with_format("xml", example);
    ASSERT_FALSE(xml.nominations.empty());
    ASSERT_FALSE(xml.programmes.empty());
    fs::path store = scratch_dir() / "example.kdx.sqlite";
    write(xml, store);
    Dataset back = read(store);
    expect_same_dataset(xml, back);
    // The sources are the XML file itself, with its hash in imports.
    ASSERT_EQ(back.sources.size(), xml.sources.size());
    EXPECT_EQ(back.sources.at(0).file, xml.sources.at(0).file);
}

TEST(SqliteRoundTrip, RealImdiFileComesBackWithOrigins) {
    Dataset csv = read_with_format("csv", imdi_file);
    ASSERT_GT(csv.settlement.size(), 1000u);
    fs::path store = scratch_dir() / "imdi.sqlite";
    write(csv, store);
    expect_same_dataset(csv, read(store));
}

TEST(SqliteRoundTrip, ConvertThroughTheStoreEqualsConvertToXml) {
    fs::path dir = scratch_dir(), store = dir / "imdi.kdx.sqlite", xml = dir / "imdi.xml",
             again = dir / "again.xml";
    CommandResult to_store =
        run_kdx("convert " + sh_quote(imdi_file.string()) + " " + sh_quote(store.string()));
    ASSERT_EQ(to_store.exit_code, 0) << to_store.err;
    ASSERT_EQ(
        run_kdx("convert " + sh_quote(imdi_file.string()) + " " + sh_quote(xml.string())).exit_code,
        0);
    CommandResult out =
        run_kdx("convert " + sh_quote(store.string()) + " " + sh_quote(again.string()));
    ASSERT_EQ(out.exit_code, 0) << out.err;
    // Origins differ (the XML read back points into the XML file); the records must not.
    expect_same_dataset(read_with_format("xml", xml), read_with_format("xml", again), false);
    expect_same_dataset(read_with_format("xml", xml), read(store), false);
}

TEST(SqliteRoundTrip, TheSqliteShellReadsTheSameFigures) {
    if (!have_program("sqlite3")) GTEST_SKIP() << "sqlite3 is not installed (scripts/setup --test)";
    fs::path store = scratch_dir() / "example.sqlite";
    ASSERT_EQ(
        run_kdx("convert " + sh_quote(example.string()) + " " + sh_quote(store.string())).exit_code,
        0);
    // Counts and figures as the example file states them (examples/data/nominees-2018.xml).
    EXPECT_EQ(sql(store, "SELECT count(*) FROM municipalities"), "7\n");
    EXPECT_EQ(sql(store, "SELECT count(*) FROM settlement"), "24\n");
    EXPECT_EQ(sql(store, "SELECT count(*) FROM programmes"), "11\n");
    EXPECT_EQ(sql(store,
                  "SELECT requested, decided, settled FROM settlement "
                  "WHERE municipality = '0000' AND year = 2014"),
              "10973.0|8084.0|7784.0\n");
    EXPECT_EQ(sql(store,
                  "SELECT name, county_name, imdi_region, valid_from, valid_to "
                  "FROM municipalities WHERE number = '5004'"),
              "Steinkjer|Trøndelag|IMDi Midt-Norge|2018|2019\n");
    EXPECT_EQ(sql(store,
                  "SELECT count(*) FROM programme_partners p JOIN programmes g "
                  "ON g.seq = p.programme_seq WHERE g.id = 'steinkjer-introduksjonsprogram'"),
              "7\n");
    EXPECT_EQ(sql(store, "SELECT value FROM kdx_meta WHERE key = 'schema_version'"), "2\n");
    EXPECT_EQ(sql(store, "PRAGMA foreign_key_check"), "");
    EXPECT_EQ(sql(store, "PRAGMA integrity_check"), "ok\n");
    // Every record points to the example file, and the import holds its SHA-256.
    EXPECT_EQ(sql(store, "SELECT count(*) FROM settlement WHERE source_id IS NULL OR line = 0"),
              "0\n");
    std::string import = sql(store, "SELECT file, sha256, mode FROM imports");
    CommandResult sha = run("sha256sum " + sh_quote(example.string()));
    ASSERT_EQ(sha.exit_code, 0);
    EXPECT_EQ(import, example.string() + "|" + sha.out.substr(0, 64) + "|create\n");
}

TEST(SqliteRoundTrip, PythonReadsEverySettlementFigureOfTheExample) {
    if (!have_program("/usr/bin/python3")) GTEST_SKIP() << "python3 is not installed";
    fs::path store = scratch_dir() / "example.sqlite";
    ASSERT_EQ(
        run_kdx("convert " + sh_quote(example.string()) + " " + sh_quote(store.string())).exit_code,
        0);
    CommandResult r = run("/usr/bin/python3 " + sh_quote((test_dir / "check_store.py").string()) +
                          " " + sh_quote(example.string()) + " " + sh_quote(store.string()));
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_THAT(r.out, HasSubstr("checked 24 settlement records, 7 municipalities"));
}

TEST(SqliteRoundTrip, ImportedAtHonoursSourceDateEpoch) {
    if (!have_program("sqlite3")) GTEST_SKIP() << "sqlite3 is not installed";
    fs::path store = scratch_dir() / "example.sqlite";
    ASSERT_EQ(run("SOURCE_DATE_EPOCH=1700000000 " + sh_quote(kdx_exe().string()) + " convert " +
                  sh_quote(example.string()) + " " + sh_quote(store.string()))
                  .exit_code,
              0);
    EXPECT_EQ(sql(store, "SELECT DISTINCT imported_at FROM imports"), "2023-11-14T22:13:20Z\n");
}

TEST(SqliteRoundTrip, ValidateDossierAndReportReadTheStore) {
    fs::path dir = scratch_dir(), store = dir / "example.kdx.sqlite";
    ASSERT_EQ(
        run_kdx("convert " + sh_quote(example.string()) + " " + sh_quote(store.string())).exit_code,
        0);
    CommandResult v = run_kdx("validate " + sh_quote(store.string()));
    EXPECT_EQ(v.exit_code, 0) << v.err;
    EXPECT_THAT(v.out,
                HasSubstr(": valid: 7 municipalities, 24 settlement records, 11 programmes"));
    // A report from the store is the report from the file it was made of,
    // but for its provenance, which names the file read (the store).
    auto report = [&](const fs::path& data, const std::string& out) {
        CommandResult r = run_kdx("report -t council-report -d " + sh_quote(data.string()) +
                                  " --municipality 5004 --year 2014 --format xml --out " +
                                  sh_quote((dir / out).string()));
        EXPECT_EQ(r.exit_code, 0) << r.err;
        std::string text = read_file(dir / out / "council-report-2014-5004-steinkjer.xml");
        const std::size_t begin = text.find("<provenance"), end = text.find("</provenance>");
        EXPECT_THAT(text.substr(begin, end - begin),
                    HasSubstr("<input name=\"" + data.filename().string() + "\""));
        if (begin != std::string::npos && end != std::string::npos)
            text.erase(begin, end + 13 - begin);
        return text;
    };
    const std::string from_store = report(store, "from-store");
    EXPECT_THAT(from_store, HasSubstr("Steinkjer"));
    EXPECT_EQ(from_store, report(example, "from-xml"));
    if (!fs::exists(plugin_build_dir() / "kdx_pdf.so")) GTEST_SKIP() << "kdx_pdf is not built";
    fs::path out = dir / "dossiers";
    CommandResult d = run_kdx("dossier --year 2018 --format pdf -d " + sh_quote(store.string()) +
                              " --out " + sh_quote(out.string()));
    ASSERT_EQ(d.exit_code, 0) << d.err;
    EXPECT_TRUE(fs::exists(out / "imdi-dossier-2018-5004-steinkjer.pdf"));
    EXPECT_TRUE(fs::exists(out / "imdi-comparison-2018.pdf"));
}

}  // namespace
