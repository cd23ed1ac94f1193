// A report Document written as a workbook: the front sheet, a sheet per table
// and per chart, native charts and document properties, read back with
// openpyxl and zipfile (and LibreOffice when installed).
#include <gtest/gtest.h>

#include <cstdlib>
#include <regex>
#include <string>

#include "kdx/error.hpp"
#include "write_test_support.hpp"

namespace kdx::test::xlsx_write {
namespace {

class XlsxWriteDocument : public ::testing::Test {
  protected:
    void SetUp() override { KDX_REQUIRE_OPENPYXL(); }
};

std::vector<std::string> sheet_names(const Json& wb) {
    std::vector<std::string> names;
    for (const Json& s : wb["sheets"]) names.push_back(s["name"]);
    return names;
}

// Every string cell of a sheet, in row order.
std::vector<std::string> strings_of(const Json& sheet) {
    std::vector<std::string> out;
    for (const Json& row : sheet["rows"])
        for (const Json& c : row)
            if (c[0].is_string()) out.push_back(c[0]);
    return out;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

TEST_F(XlsxWriteDocument, FrontSheetTablesAndCharts) {
    fs::path file = scratch_dir() / "dossier.xlsx";
    Document doc = sample_document();
    Diagnostics diagnostics = write(doc, file);
    EXPECT_TRUE(diagnostics.empty());
    Json wb = read_workbook(file);

    const std::string table_name = "Bosetting år i Snåsa  anmodet o";  // 31 of 40 characters
    EXPECT_EQ(sheet_names(wb),
              (std::vector<std::string>{"Forside", table_name, "Bosetting år i Snåsa  anmod (2)",
                                        "Bosatte per år", "=Andel i 'arbeid"}))
        << "no apostrophe may end a sheet name";

    const Json& front = *sheet(wb, "Forside");
    EXPECT_EQ(cell(front, 1, 1)[0], doc.info.title);
    EXPECT_EQ(cell(front, 2, 1)[0], doc.info.subtitle);
    std::vector<std::string> texts = strings_of(front);
    for (const char* s :
         {"Dato", "IMDi", "nominees-2018.xml", "Jevn bosetting",
          "Kommunen bosetter i tråd med IMDis anmodninger og fordeler bosettingen over året.",
          "=1+1 er ikke en formel her.", "Bosatt 2018", ": Tallet er skjult fordi det er under 5."})
        EXPECT_TRUE(contains(texts, s)) << s;
    // The date is a date cell that shows as Norwegians write dates.
    bool dated = false;
    for (std::size_t r = 1; r <= front["rows"].size(); ++r)
        if (cell(front, r, 1)[0] == "Dato") {
            EXPECT_EQ(cell(front, r, 2)[0], "2018-12-21T00:00:00");
            EXPECT_EQ(cell(front, r, 2)[2], "d. mmmm yyyy");
            dated = true;
        }
    EXPECT_TRUE(dated);
    // Key figures: typed value and change beside their label.
    bool found = false;
    for (std::size_t r = 1; r <= front["rows"].size(); ++r) {
        if (cell(front, r, 1)[0] == "I arbeid eller utdanning") {
            found = true;
            EXPECT_EQ(cell(front, r, 2)[0], 63.5);
            EXPECT_EQ(cell(front, r, 2)[2], "#,##0.0\" %\"");
            EXPECT_EQ(cell(front, r, 3)[0], 2.5);
            // A change in a share is in percentage points, a number with the
            // unit in its format, as the PDF writes it ("+2,5 %-poeng").
            EXPECT_EQ(cell(front, r, 3)[1], "n");
            EXPECT_EQ(cell(front, r, 3)[2],
                      "+0.0\" %-poeng\";\"−\"0.0\" %-poeng\";\"±\"0.0\" %-poeng\"");
        }
        if (cell(front, r, 1)[0] == "Enslige mindreårige") {
            EXPECT_EQ(cell(front, r, 2)[0], ":");
        }
    }
    EXPECT_TRUE(found);

    const Json& table = *sheet(wb, table_name);
    const Table& t = std::get<Table>(doc.blocks[4]);
    EXPECT_EQ(cell(table, 1, 1)[0], t.caption);
    EXPECT_EQ(cell(table, 3, 1)[0], "År");
    EXPECT_TRUE(cell(table, 3, 1)[3].get<bool>());
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            Json got = cell(table, r + 4, c + 1);
            const TableCell& want = t.rows[r][c];
            std::string at = "table " + cell_reference(unsigned(r + 4), unsigned(c + 1));
            if (t.columns[c].type == TableColumn::Type::text) {
                EXPECT_EQ(got[0], want.text.empty() ? Json() : Json(want.text)) << at;
            } else if (want.value.has_value()) {
                EXPECT_EQ(got[1], "n") << at;
                EXPECT_DOUBLE_EQ(got[0].get<double>(), want.value.get()) << at;
            } else if (want.value.is_suppressed()) {
                EXPECT_EQ(got[0], ":") << at;
            } else {
                EXPECT_TRUE(got[0].is_null()) << at;
            }
            EXPECT_EQ(got[3].get<bool>(), r + 1 == t.rows.size())
                << at << " bold only in the total";
        }
    }
    EXPECT_EQ(cell(table, 4, 1)[2], "0");
    EXPECT_EQ(cell(table, 4, 3)[2], "#,##0");
    EXPECT_EQ(cell(table, 4, 5)[2], "#,##0.0\" %\"");
    EXPECT_EQ(cell(table, 9, 1)[0], "Tall under 5 er skjult (:).");
    EXPECT_EQ(table["freeze"], "A4");
    EXPECT_EQ(table["filter"], "A3:E6") << "the total row stays out of the filter";

    const Json& chart_sheet = *sheet(wb, "Bosatte per år");
    EXPECT_EQ(cell(chart_sheet, 4, 2)[0], "Anmodning");
    EXPECT_EQ(cell(chart_sheet, 6, 1)[0], 2017) << "a year under a chart is a number";
    EXPECT_EQ(cell(chart_sheet, 6, 2)[0], 60);
    EXPECT_TRUE(cell(chart_sheet, 6, 3)[0].is_null()) << "a suppressed value is a gap";

    Json parts = read_parts(file);
    EXPECT_TRUE(parts["bad"].is_null());
    std::string bar = parts["parts"]["xl/charts/chart1.xml"];
    std::string line = parts["parts"]["xl/charts/chart2.xml"];
    EXPECT_NE(bar.find("<c:barChart>"), std::string::npos);
    EXPECT_NE(bar.find("<c:barDir val=\"col\"/>"), std::string::npos);
    EXPECT_NE(line.find("<c:lineChart>"), std::string::npos);
    // Two series each, categories and values from the chart's sheet, names and
    // axis titles from its cells (cached for readers that do not calculate).
    std::regex ser("<c:ser>");
    EXPECT_EQ(
        std::distance(std::sregex_iterator(bar.begin(), bar.end(), ser), std::sregex_iterator()),
        2);
    EXPECT_NE(bar.find("'Bosatte per år'!$A$5:$A$7"), std::string::npos) << bar;
    EXPECT_NE(bar.find("'Bosatte per år'!$C$5:$C$7"), std::string::npos);
    for (const char* s :
         {"<c:v>Bosatt</c:v>", "<c:v>Personer</c:v>", "<c:v>År</c:v>", "<c:v>Bosatte per år</c:v>"})
        EXPECT_NE(bar.find(s), std::string::npos) << s;
    EXPECT_NE(line.find("<c:v>=Andel i 'arbeid'</c:v>"), std::string::npos) << "title kept as text";
    EXPECT_NE(line.find("<c:f>'=Andel i ''arbeid'!$B$5:$B$7</c:f>"), std::string::npos) << line;

    const Json& p = wb["properties"];
    EXPECT_EQ(p["title"], doc.info.title);
    EXPECT_EQ(p["subject"], "Bosetting");
    EXPECT_EQ(p["creator"], "IMDi");
    EXPECT_EQ(p["keywords"], "bosetting, integrering, Steinkjer");
    EXPECT_NE(p["description"].get<std::string>().find(doc.info.subtitle), std::string::npos);
    if (!std::getenv("SOURCE_DATE_EPOCH")) {
        EXPECT_EQ(p["created"], "2018-12-21T00:00:00");
    }
}

TEST_F(XlsxWriteDocument, SameDocumentSameBytes) {
    fs::path dir = scratch_dir();
    write(sample_document(), dir / "a.xlsx");
    write(sample_document(), dir / "b.xlsx");
    EXPECT_EQ(read_file(dir / "a.xlsx"), read_file(dir / "b.xlsx"));
}

TEST_F(XlsxWriteDocument, ShippedTemplatesFromTheReportEngine) {
    for (const char* id :
         {"imdi-dossier", "council-report", "county-overview", "imdi-comparison"}) {
        SCOPED_TRACE(id);
        Document doc = shipped_document(id);
        fs::path file = scratch_dir() / (std::string(id) + ".xlsx");
        Diagnostics diagnostics = write(doc, file);
        EXPECT_FALSE(diagnostics.has_errors());
        Json wb = read_workbook(file);
        Json parts = read_parts(file);
        const Json& sheets = wb["sheets"];
        std::size_t next = 1, charts = 0;
        for (const Block& block : doc.blocks) {
            if (std::holds_alternative<Chart>(block)) ++charts;
            const Table* t = std::get_if<Table>(&block);
            if (!t) {
                if (std::holds_alternative<Chart>(block)) ++next;
                continue;
            }
            ASSERT_LT(next, sheets.size());
            const Json& s = sheets[next++];
            EXPECT_EQ(cell(s, 1, 1)[0], t->caption);
            for (std::size_t r = 0; r < t->rows.size(); ++r)
                for (std::size_t c = 0; c < t->columns.size(); ++c) {
                    const TableCell& want = t->rows[r][c];
                    Json got = cell(s, r + 4, c + 1);
                    std::string at = s["name"].get<std::string>() + "!" +
                                     cell_reference(unsigned(r + 4), unsigned(c + 1));
                    if (t->columns[c].type == TableColumn::Type::text)
                        EXPECT_EQ(got[0], want.text.empty() ? Json() : Json(want.text)) << at;
                    else if (want.value.has_value())
                        EXPECT_DOUBLE_EQ(got[0].get<double>(), want.value.get()) << at;
                    else if (want.value.is_suppressed())
                        EXPECT_EQ(got[0], ":") << at;
                    else
                        EXPECT_TRUE(got[0].is_null()) << at;
                }
        }
        EXPECT_EQ(next, sheets.size());
        for (std::size_t i = 1; i <= charts; ++i)
            EXPECT_TRUE(parts["parts"].contains("xl/charts/chart" + std::to_string(i) + ".xml"))
                << i;
        EXPECT_FALSE(
            parts["parts"].contains("xl/charts/chart" + std::to_string(charts + 1) + ".xml"));
        EXPECT_EQ(wb["properties"]["title"], doc.info.title);
    }
}

TEST_F(XlsxWriteDocument, LibreOfficeOpensIt) {
    if (!have_program("libreoffice"))
        GTEST_SKIP() << "LibreOffice (libreoffice-calc-nogui) is not installed";
    fs::path dir = scratch_dir();
    fs::path file = dir / "dossier.xlsx";
    write(sample_document(), file);
    auto r = run("cd " + sh_quote(dir.string()) + " && libreoffice -env:UserInstallation=file://" +
                 (dir / "profile").string() +
                 " --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' "
                 "dossier.xlsx");
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_EQ(r.err.find("rror"), std::string::npos) << r.err;
    std::string csv = read_file(dir / "dossier.csv");
    EXPECT_NE(csv.find("Steinkjer – bosetting og integrering"), std::string::npos) << csv;
    EXPECT_NE(csv.find("=1+1 er ikke en formel her."), std::string::npos) << csv;
}

}  // namespace
}  // namespace kdx::test::xlsx_write
