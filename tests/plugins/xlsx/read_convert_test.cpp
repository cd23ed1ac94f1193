// End to end: `kdx convert partner.xlsx out.csv`, the CSV read back with
// Python's csv module and compared with the rows the generator wrote.
#include <gmock/gmock.h>

#include "read_test_support.hpp"

namespace {

using namespace kdx::test;
using namespace kdx::test::xlsx;
using ::testing::HasSubstr;

std::string number_text(const nlohmann::json& v) {
    if (v.is_null()) return "";
    double d = v.get<double>();
    char text[32];
    std::snprintf(text, sizeof text, "%g", d);
    return text;
}

TEST(XlsxConvert, PartnerWorkbookToCsv) {
    if (!fs::exists("/usr/bin/python3")) GTEST_SKIP() << "/usr/bin/python3 is not installed";
    for (const char* name : {"imdi-openpyxl.xlsx", "imdi-xlsxwriter.xlsx"}) {
        SCOPED_TRACE(name);
        fs::path out = scratch_dir() / "settlement.csv";
        auto r =
            run_kdx("convert " + sh_quote((data / name).string()) + " " + sh_quote(out.string()));
        ASSERT_EQ(r.exit_code, 0) << r.err;
        EXPECT_THAT(r.err, HasSubstr("4 settlement records"));
        auto py = run("/usr/bin/python3 -c " +
                      sh_quote("import csv, json, sys\n"
                               "with open(sys.argv[1], newline='', encoding='utf-8') as f:\n"
                               "    print(json.dumps(list(csv.DictReader(f, strict=True))))\n") +
                      " " + sh_quote(out.string()));
        ASSERT_EQ(py.exit_code, 0) << py.err;
        nlohmann::json records = nlohmann::json::parse(py.out);
        nlohmann::json expected = read_json(data / "imdi.json");
        ASSERT_EQ(records.size(), expected.size());
        for (std::size_t i = 0; i < records.size(); ++i) {
            const auto& got = records[i];
            const auto& want = expected[i];
            EXPECT_EQ(got["municipality"], want["municipality"]);
            EXPECT_EQ(got["municipality_name"], want["name"]);
            EXPECT_EQ(got["year"], std::to_string(want["year"].get<int>()));
            EXPECT_EQ(got["requested"], number_text(want["requested"]));
            EXPECT_EQ(got["decided"], number_text(want["decided"]));
            EXPECT_EQ(got["settled"], number_text(want["settled"]));
            EXPECT_EQ(got["unaccompanied_minors"],
                      want["minors_suppressed"].get<bool>() ? ":" : number_text(want["minors"]));
        }
    }
}

}  // namespace
