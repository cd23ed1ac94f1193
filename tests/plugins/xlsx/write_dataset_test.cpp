// A Dataset written as a workbook and read back with openpyxl and zipfile.
#include <gtest/gtest.h>

#include <cstdlib>
#include <limits>
#include <string>

#include "kdx/error.hpp"
#include "write_test_support.hpp"

namespace kdx::test::xlsx_write {
namespace {

// The expected cell for a Value: a number, ":" as text, or nothing.
void expect_value(const Json& c, const Value& v, const std::string& format,
                  const std::string& where) {
    SCOPED_TRACE(where);
    if (v.has_value()) {
        EXPECT_EQ(c[1], "n");
        EXPECT_DOUBLE_EQ(c[0].get<double>(), v.get());
        EXPECT_EQ(c[2], format);
    } else if (v.is_suppressed()) {
        EXPECT_EQ(c[1], "s");
        EXPECT_EQ(c[0], ":");
    } else {
        EXPECT_TRUE(c[0].is_null()) << c.dump();
    }
}

void expect_text(const Json& c, const std::string& text, const std::string& where) {
    if (text.empty()) {
        EXPECT_TRUE(c[0].is_null()) << where << ": " << c.dump();
        return;
    }
    EXPECT_EQ(c[1], "s") << where;
    EXPECT_EQ(c[0], text) << where;
}

class XlsxWriteDataset : public ::testing::Test {
  protected:
    void SetUp() override { KDX_REQUIRE_OPENPYXL(); }
};

TEST_F(XlsxWriteDataset, SheetsHoldEveryRecordAsTypedCells) {
    fs::path file = scratch_dir() / "sample.xlsx";
    Dataset d = sample_dataset();
    Diagnostics diagnostics = write(d, file);
    EXPECT_TRUE(diagnostics.empty());
    Json wb = read_workbook(file);

    std::vector<std::string> names;
    for (const Json& s : wb["sheets"]) names.push_back(s["name"]);
    EXPECT_EQ(names,
              (std::vector<std::string>{"Municipalities", "Settlement", "Programmes", "Outcomes",
                                        "Nominations", "Nomination sections", "Indicators",
                                        "Dataset", "Data sources", "Sources"}));

    const Json& settlement = *sheet(wb, "Settlement");
    EXPECT_EQ(settlement["rows"].size(), d.settlement.size() + 1);
    EXPECT_EQ(cell(settlement, 1, 1)[0], "municipality");
    EXPECT_TRUE(cell(settlement, 1, 1)[3].get<bool>()) << "header bold";
    for (std::size_t i = 0; i < d.settlement.size(); ++i) {
        const SettlementFigures& s = d.settlement[i];
        std::size_t r = i + 2;
        std::string at = "Settlement row " + std::to_string(r);
        expect_text(cell(settlement, r, 1), s.municipality, at);
        expect_text(cell(settlement, r, 2), d.find_municipality(s.municipality)->name, at);
        EXPECT_EQ(cell(settlement, r, 3)[0], s.year) << at;
        EXPECT_EQ(cell(settlement, r, 3)[2], "0") << at;
        expect_value(cell(settlement, r, 4), s.requested, "#,##0", at + " requested");
        expect_value(cell(settlement, r, 5), s.decided, "#,##0", at + " decided");
        expect_value(cell(settlement, r, 6), s.settled, "#,##0", at + " settled");
        expect_value(cell(settlement, r, 7), s.unaccompanied_minors, "#,##0", at + " minors");
        expect_value(cell(settlement, r, 8), s.family_reunifications, "#,##0", at + " reunif.");
    }
    EXPECT_EQ(settlement["freeze"], "A2");
    EXPECT_EQ(settlement["filter"], "A1:H6");

    const Json& outcomes = *sheet(wb, "Outcomes");
    const char* formats[] = {"#,##0.0\" %\"", "#,##0.0\" %\"", "#,##0.0\" %\"", "#,##0.0\" ‰\"",
                             "#,##0\" kr\""};
    for (std::size_t i = 0; i < d.outcomes.size(); ++i) {
        const Outcome& o = d.outcomes[i];
        std::string at = "Outcomes row " + std::to_string(i + 2);
        expect_text(cell(outcomes, i + 2, 1), o.municipality, at);
        expect_text(cell(outcomes, i + 2, 3), o.indicator, at);
        expect_value(cell(outcomes, i + 2, 5), o.value, formats[i], at + " value");
        expect_text(cell(outcomes, i + 2, 6), to_string(o.unit), at);
        expect_value(cell(outcomes, i + 2, 7), o.cohort_size, "#,##0", at + " cohort");
    }

    const Json& municipalities = *sheet(wb, "Municipalities");
    for (std::size_t i = 0; i < d.municipalities.size(); ++i) {
        const Municipality& m = d.municipalities[i];
        std::string at = "Municipalities row " + std::to_string(i + 2);
        expect_text(cell(municipalities, i + 2, 1), m.number, at);  // "5006" stays text
        expect_text(cell(municipalities, i + 2, 2), m.name, at);
        expect_text(cell(municipalities, i + 2, 6), to_string(m.language), at);
        expect_value(cell(municipalities, i + 2, 7), static_cast<double>(*m.population), "#,##0",
                     at);
    }
    expect_text(cell(municipalities, 3, 8), "Snåase; Snåsa", "other names");
    EXPECT_EQ(cell(municipalities, 2, 9)[0], 2020);
    EXPECT_TRUE(cell(municipalities, 2, 10)[0].is_null());

    const Json& sections = *sheet(wb, "Nomination sections");
    EXPECT_EQ(sections["rows"].size(), 4u);
    expect_text(cell(sections, 3, 4), "Samarbeid", "section heading");
    const Json& nominations = *sheet(wb, "Nominations");
    expect_value(cell(nominations, 2, 7), 7, "#,##0", "votes");
    expect_text(cell(nominations, 2, 6), "2018-12-21", "last updated");
    const Json& sources = *sheet(wb, "Sources");
    expect_text(cell(sources, 2, 2), "partner.xlsx", "source file");

    EXPECT_EQ(wb["properties"]["title"], d.info.title);
    EXPECT_EQ(wb["properties"]["description"], d.info.description);
}

TEST_F(XlsxWriteDataset, ColumnWidthsCountCharactersAndFormattedNumbers) {
    fs::path file = scratch_dir() / "widths.xlsx";
    Dataset d = sample_dataset();
    // 24 characters, 48 bytes in UTF-8.
    d.municipalities[2].name = "Åååååååååøøøøøøøøøææææææ";
    Json wb = read_workbook((write(d, file), file));
    const Json& widths = (*sheet(wb, "Municipalities"))["widths"];
    double name = widths["B"].get<double>();
    EXPECT_GE(name, 24);
    EXPECT_LT(name, 30) << "width counted bytes, not characters";
    // 1234567 shown as "1,234,567" is 9 characters wide.
    double settled = (*sheet(wb, "Settlement"))["widths"]["F"].get<double>();
    EXPECT_GE(settled, 9);
    EXPECT_LT(settled, 14);
}

TEST_F(XlsxWriteDataset, TextThatLooksLikeAFormulaStaysText) {
    fs::path file = scratch_dir() / "formula.xlsx";
    Dataset d = sample_dataset();
    const std::vector<std::string> names{"=1+1", "+SUM(A1:A3)", "@HYPERLINK(\"x\")", "-2"};
    d.municipalities.clear();
    for (const std::string& n : names) {
        Municipality m;
        m.number = "9" + std::to_string(d.municipalities.size());
        m.name = n;
        d.municipalities.push_back(m);
    }
    write(d, file);
    Json wb = read_workbook(file);
    const Json& s = *sheet(wb, "Municipalities");
    for (std::size_t i = 0; i < names.size(); ++i)
        expect_text(cell(s, i + 2, 2), names[i], names[i]);
    Json parts = read_parts(file);
    for (auto& [name, text] : parts["parts"].items())
        EXPECT_EQ(text.get<std::string>().find("<f>"), std::string::npos)
            << name << " has a formula";
}

TEST_F(XlsxWriteDataset, InvalidTextIsReplacedAndNamed) {
    fs::path file = scratch_dir() / "invalid.xlsx";
    Dataset d = sample_dataset();
    d.municipalities[1].name = std::string("Sn\xE5sa") + "\x01" + "x";  // Latin-1 å, then SOH
    d.programmes[0].description =
        "line\x0B"
        "tab\tnew\r\nline";
    Diagnostics diagnostics = write(d, file);
    // The name is also in the Settlement sheet, beside 5041's figures.
    ASSERT_EQ(diagnostics.count(Severity::warning), 3u);
    const Diagnostic& first = diagnostics.items()[0];
    EXPECT_NE(first.message.find("municipality 5041"), std::string::npos) << first.message;
    EXPECT_NE(first.message.find("partner.xlsx"), std::string::npos) << first.message;
    EXPECT_EQ(first.where.sheet, "Municipalities");
    EXPECT_EQ(first.where.cell, "B3");
    EXPECT_EQ(diagnostics.items()[1].where.sheet, "Settlement");
    EXPECT_NE(diagnostics.items()[2].message.find("programme steinkjer-intro"), std::string::npos);

    Json wb = read_workbook(file);
    expect_text(cell(*sheet(wb, "Municipalities"), 3, 2), "Sn\uFFFDsa\uFFFDx", "cleaned name");
    expect_text(cell(*sheet(wb, "Programmes"), 2, 5), "line\uFFFDtab\tnew\nline", "cleaned text");
}

TEST_F(XlsxWriteDataset, InvalidTextCanBeRefusedLeavingNoFile) {
    fs::path file = scratch_dir() / "refused.xlsx";
    write_file(file, "earlier");
    Dataset d = sample_dataset();
    d.settlement[2].municipality = "50\xFF";
    try {
        write(d, file, {{"invalid-text", "error"}});
        FAIL() << "expected kdx::Error";
    } catch (const Error& e) {
        EXPECT_NE(e.message().find("settlement figures of 50"), std::string::npos) << e.what();
        EXPECT_NE(e.message().find("not valid UTF-8"), std::string::npos) << e.what();
        EXPECT_EQ(e.where().sheet, "Settlement");
        EXPECT_EQ(e.where().cell, "A4");
    }
    EXPECT_EQ(read_file(file), "earlier");
    // Constant-memory mode has temporary files of its own beside the output.
    EXPECT_THROW(write(d, file, {{"invalid-text", "error"}, {"constant-memory", "yes"}}), Error);
    EXPECT_EQ(read_file(file), "earlier");
    for (const auto& entry : fs::directory_iterator(file.parent_path()))
        EXPECT_EQ(entry.path().filename(), "refused.xlsx") << "left behind";
}

TEST_F(XlsxWriteDataset, NumbersThatAreNotFiniteAreRefused) {
    fs::path file = scratch_dir() / "nan.xlsx";
    Dataset d = sample_dataset();
    d.outcomes[1].value = std::numeric_limits<double>::quiet_NaN();
    try {
        write(d, file);
        FAIL() << "expected kdx::Error";
    } catch (const Error& e) {
        EXPECT_NE(e.message().find("outcome work-or-education-1y of 0000 for 2017"),
                  std::string::npos)
            << e.what();
        EXPECT_EQ(e.where().cell, "E3");
    }
    EXPECT_FALSE(fs::exists(file));
}

TEST_F(XlsxWriteDataset, TextLongerThanACellHoldsIsRefused) {
    fs::path file = scratch_dir() / "long.xlsx";
    Dataset d = sample_dataset();
    d.programmes[0].description = std::string(32767, 'x');
    write(d, file);  // exactly the limit
    d.programmes[0].description += "\u00e5";
    try {
        write(d, file);
        FAIL() << "expected kdx::Error";
    } catch (const Error& e) {
        EXPECT_NE(e.message().find("programme steinkjer-intro has a text of 32768 characters"),
                  std::string::npos)
            << e.what();
        EXPECT_EQ(e.where().sheet, "Programmes");
        EXPECT_EQ(e.where().cell, "E2");
    }
}

TEST_F(XlsxWriteDataset, OptionsAreChecked) {
    fs::path file = scratch_dir() / "options.xlsx";
    Dataset d = sample_dataset();
    EXPECT_THROW(write(d, file, {{"constant-memory", "maybe"}}), Error);
    EXPECT_THROW(write(d, file, {{"colour", "red"}}), Error);
    EXPECT_FALSE(fs::exists(file));
    EXPECT_THROW(write(d, scratch_dir() / "missing" / "out.xlsx"), Error);
}

TEST_F(XlsxWriteDataset, SameInputSameBytesWithSourceDateEpoch) {
    fs::path dir = scratch_dir();
    ::setenv("SOURCE_DATE_EPOCH", "1545350400", 1);  // 2018-12-21T00:00:00Z
    write(sample_dataset(), dir / "a.xlsx");
    write(sample_dataset(), dir / "b.xlsx", {{"constant-memory", "no"}});
    write(sample_dataset(), dir / "c.xlsx", {{"constant-memory", "yes"}});
    write(sample_dataset(), dir / "d.xlsx", {{"constant-memory", "yes"}});
    ::unsetenv("SOURCE_DATE_EPOCH");
    EXPECT_EQ(read_file(dir / "a.xlsx"), read_file(dir / "b.xlsx"));
    EXPECT_EQ(read_file(dir / "c.xlsx"), read_file(dir / "d.xlsx"));
    EXPECT_EQ(read_workbook(dir / "a.xlsx")["properties"]["created"], "2018-12-21T00:00:00");
}

TEST_F(XlsxWriteDataset, ConstantMemoryGivesTheSameCells) {
    fs::path dir = scratch_dir();
    Dataset d = sample_dataset();
    write(d, dir / "normal.xlsx");
    write(d, dir / "constant.xlsx", {{"constant-memory", "yes"}});
    Json normal = read_workbook(dir / "normal.xlsx"),
         constant = read_workbook(dir / "constant.xlsx");
    ASSERT_EQ(normal["sheets"].size(), constant["sheets"].size());
    for (std::size_t i = 0; i < normal["sheets"].size(); ++i) {
        EXPECT_EQ(normal["sheets"][i]["rows"], constant["sheets"][i]["rows"]) << i;
        EXPECT_EQ(normal["sheets"][i]["freeze"], constant["sheets"][i]["freeze"]) << i;
        EXPECT_EQ(normal["sheets"][i]["filter"], constant["sheets"][i]["filter"]) << i;
    }
    Json parts = read_parts(dir / "constant.xlsx");
    EXPECT_NE(parts["parts"]["xl/worksheets/sheet2.xml"].get<std::string>().find("inlineStr"),
              std::string::npos);
}

TEST_F(XlsxWriteDataset, LargeDatasetsSwitchToConstantMemory) {
    fs::path file = scratch_dir() / "large.xlsx";
    Dataset d;
    d.municipalities.push_back(sample_dataset().municipalities[0]);
    const std::size_t rows = 100001;
    d.settlement.reserve(rows);
    for (std::size_t i = 0; i < rows; ++i) {
        SettlementFigures s;
        s.municipality = "5006";
        s.year = 1900 + static_cast<int>(i % 200);
        s.settled = static_cast<double>(i);
        d.settlement.push_back(s);
    }
    write(d, file);
    static const char* program = R"py(
import json, sys, zipfile, re
with zipfile.ZipFile(sys.argv[1]) as z:
    xml = z.read("xl/worksheets/sheet2.xml").decode()
    last = re.findall(r'<c r="F(\d+)"[^>]*><v>([^<]*)</v>', xml[-2000:])
    print(json.dumps({"inline": xml.count("inlineStr"), "last": last[-1],
                      "shared": "xl/sharedStrings.xml" in z.namelist() and
                                z.read("xl/sharedStrings.xml").decode().count("<si>")}))
)py";
    for (const auto& entry : fs::directory_iterator(file.parent_path()))
        EXPECT_EQ(entry.path().filename(), "large.xlsx") << "left behind";
    Json j = python_json(program, file);
    EXPECT_GE(j["inline"].get<long>(), static_cast<long>(2 * rows)) << "strings not inline";
    EXPECT_EQ(j["last"][0], std::to_string(rows + 1));
    EXPECT_EQ(j["last"][1], std::to_string(rows - 1));
}

}  // namespace
}  // namespace kdx::test::xlsx_write
