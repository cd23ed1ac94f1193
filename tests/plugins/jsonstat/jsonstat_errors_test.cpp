// Files kdx cannot read as JSON-stat are refused whole, with the file and the
// place: a line and column for broken JSON, the JSON path for a broken cube.
#include <gmock/gmock.h>

#include "jsonstat_test_support.hpp"

namespace {

using namespace kdx::test;
using namespace kdx::test::jsonstat;
using ::testing::HasSubstr;
using ::testing::StartsWith;

const fs::path real_answer = data / "07459-municipalities-2022.json";

// The real answer with one change made by Python's json module.
// The running test's scratch folder, emptied on its first use only.
fs::path folder() {
    static std::string test;
    static fs::path dir;
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = std::string(info->test_suite_name()) + "." + info->name();
    if (name != test) {
        test = name;
        dir = scratch_dir();
    }
    return dir;
}

fs::path edited(const std::string& name, const std::string& python_edit) {
    fs::path out = folder() / name;
    auto r =
        run("/usr/bin/python3 -c " +
            sh_quote("import json, sys\n"
                     "d = json.load(open(sys.argv[1], encoding='utf-8'))\n" +
                     python_edit + "\njson.dump(d, open(sys.argv[2], 'w', encoding='utf-8'))\n") +
            " " + sh_quote(real_answer.string()) + " " + sh_quote(out.string()));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return out;
}

// A small cube of SSB's shape with `extra` members or replacements.
fs::path small(const std::string& name, const std::string& dimensions, const std::string& rest) {
    fs::path out = folder() / name;
    write_file(out, R"({"version":"2.0","class":"dataset","dimension":{)" + dimensions + "}," +
                        rest + "}");
    return out;
}

TEST(JsonStatErrors, CutOffFileGivesLineAndColumn) {
    std::string text = read_file(real_answer);
    fs::path one_line = folder() / "cut.json";
    write_file(one_line, text.substr(0, 9000));
    // SSB answers on one line: the column is the byte after the last one.
    EXPECT_THAT(error_of(one_line),
                StartsWith(one_line.string() +
                           ":1:9001: not valid JSON: the JSON ends too early (a cut-off file?)"));

    std::string pretty = read_file(data / "made-collection.json");
    std::string cut = pretty.substr(0, 700);
    std::size_t line = 1 + static_cast<std::size_t>(std::count(cut.begin(), cut.end(), '\n'));
    std::size_t column = cut.size() - cut.rfind('\n');
    fs::path lines = folder() / "cut-pretty.json";
    write_file(lines, cut);
    EXPECT_THAT(error_of(lines), StartsWith(lines.string() + ":" + std::to_string(line) + ":" +
                                            std::to_string(column) + ": not valid JSON"));

    fs::path comma = folder() / "comma.json";
    write_file(comma, "{\"version\": \"2.0\",\n \"class\": \"dataset\",,\n}");
    EXPECT_THAT(error_of(comma),
                StartsWith(comma.string() + ":2:21: not valid JSON: syntax error"));
}

TEST(JsonStatErrors, SizeAndCategoriesDisagree) {
    fs::path f = edited("size.json", "d['size'][2] = 3");
    EXPECT_EQ(error_of(f),
              f.string() + ": dimension \"Tid\": \"size\" says 3 but it has 1 categories");
}

TEST(JsonStatErrors, ValueCountAndSizesDisagree) {
    fs::path f = edited("value.json", "d['value'] = d['value'][:-1]");
    EXPECT_EQ(error_of(f),
              f.string() + ": value: has 358 entries but the sizes give 359 × 1 × 1 = 359");
    fs::path sparse = edited("sparse.json", "d['value'] = {'0': 1, '359': 2}");
    EXPECT_EQ(error_of(sparse), sparse.string() +
                                    ": value.359: expected a position from 0 to 358 (the sizes "
                                    "give 359 × 1 × 1)");
    fs::path text = edited("text.json", "d['value'][5] = '27879'");
    EXPECT_EQ(error_of(text),
              text.string() + ": value[5]: expected a number or null, found the text \"27879\"");
}

TEST(JsonStatErrors, DimensionsAndIdDisagree) {
    fs::path missing = edited("missing.json", "d['id'][1] = 'Statistikkvariabel'");
    EXPECT_EQ(error_of(missing), missing.string() +
                                     ": dimension: dimension \"Statistikkvariabel\" is named in "
                                     "\"id\" but not described here");
    fs::path extra =
        edited("extra.json", "d['dimension']['Kjonn'] = {'category': {'index': {'0': 0}}}");
    EXPECT_EQ(error_of(extra),
              extra.string() + ": dimension.Kjonn: dimension \"Kjonn\" is not named in \"id\"");
    fs::path role = edited("role.json", "d['role']['geo'] = ['Kommune']");
    EXPECT_EQ(error_of(role),
              role.string() + ": role.geo: names \"Kommune\", which is no dimension in \"id\"");
}

TEST(JsonStatErrors, HugeCubeIsRefusedBeforeItsValues) {
    // 4,000 regions × 3,000 years: 12,000,000 cells, more than the 10,000,000 allowed.
    auto codes = [](int n) {
        std::string t;
        for (int i = 0; i < n; ++i) t += (i ? ",\"" : "\"") + std::to_string(i) + "\"";
        return "[" + t + "]";
    };
    fs::path f = small("huge.json",
                       R"("Region":{"category":{"index":)" + codes(4000) + R"(}},
 "Tid":{"category":{"index":)" +
                           codes(3000) + "}}",
                       R"("id":["Region","Tid"],"size":[4000,3000],"value":{})");
    EXPECT_EQ(error_of(f), f.string() + ": size: the cube has more than 10000000 cells");
}

TEST(JsonStatErrors, FurtherDimensionWithoutTotalIsRefused) {
    fs::path f = small("alder.json",
                       R"("Region":{"category":{"index":{"0301":0}}},
 "Alder":{"label":"alder","category":{"index":{"020":0,"021":1,"022":2,"023":3},
   "label":{"020":"20 år","021":"21 år","022":"22 år","023":"23 år"}}},
 "ContentsCode":{"category":{"index":{"Personer1":0},"label":{"Personer1":"Personer"}}},
 "Tid":{"category":{"index":{"2022":0}}})",
                       R"("id":["Region","Alder","ContentsCode","Tid"],"size":[1,4,1,1],
 "value":[9000,9100,9200,9300])");
    std::string e = error_of(f);
    EXPECT_THAT(e, StartsWith(f.string() + ": dimension \"Alder\" has 4 categories (\"020\", "
                                           "\"021\", \"022\" and 1 more) and no total"));
    EXPECT_THAT(e, HasSubstr("ask SSB for its total (leave \"Alder\" out of the query"));
}

TEST(JsonStatErrors, QuartersAndMonthsAreRefused) {
    fs::path q =
        edited("quarter.json", "d['dimension']['Tid']['category'] = {'index': {'2022K1': 0}}");
    EXPECT_EQ(error_of(q), q.string() +
                               ": dimension \"Tid\": \"2022K1\" is a quarter; kdx keeps "
                               "figures per year (\"2020\"): query a table of years");
    fs::path m =
        edited("month.json", "d['dimension']['Tid']['category'] = {'index': {'2022M01': 0}}");
    EXPECT_THAT(error_of(m), HasSubstr("\"2022M01\" is a month"));
}

TEST(JsonStatErrors, NotJsonStat) {
    fs::path plain = folder() / "plain.json";
    write_file(plain, R"({"kommune": "3001", "folketall": 31444})");
    EXPECT_EQ(error_of(plain), plain.string() + ": not JSON-stat 2.0: no \"version\" member");
    fs::path old = folder() / "bundle.json";
    write_file(old, R"({"dataset": {"dimension": {}, "value": []}})");
    EXPECT_THAT(error_of(old), HasSubstr("this is JSON-stat 1.0 (a bundle under \"dataset\"); ask "
                                         "SSB's API for \"json-stat2\""));
    fs::path version = edited("version.json", "d['version'] = '1.0'");
    EXPECT_EQ(error_of(version), version.string() + ": version: expected \"2.0\", found \"1.0\"");
    fs::path link = folder() / "link.json";
    write_file(link, R"({"version":"2.0","class":"collection","link":{"item":[
 {"class":"dataset","href":"https://data.ssb.no/api/v0/dataset/1102.json"}]}})");
    EXPECT_THAT(error_of(link), HasSubstr(": link.item[0]: expected an embedded dataset"));
    fs::path href = folder() / "href.json";
    write_file(href, R"({"version":"2.0","class":"collection","link":{"item":[
 {"href":"https://data.ssb.no/api/v0/dataset/1102.json"}]}})");
    EXPECT_EQ(error_of(href), href.string() +
                                  ": link.item[0]: expected an embedded dataset (\"class\": "
                                  "\"dataset\"), found a link to "
                                  "https://data.ssb.no/api/v0/dataset/1102.json (kdx reads files "
                                  "and fetches nothing)");
}

TEST(JsonStatErrors, NoRegionDimension) {
    fs::path f = small("no-region.json",
                       R"("PetroleumProd":{"category":{"index":{"035":0}}},
 "ContentsCode":{"category":{"index":{"Priser":0}}},
 "Tid":{"category":{"index":{"2022":0}}})",
                       R"("id":["PetroleumProd","ContentsCode","Tid"],"size":[1,1,1],
 "role":{"time":["Tid"],"metric":["ContentsCode"]},"value":[19.5])");
    EXPECT_EQ(error_of(f), f.string() +
                               ": no region dimension: kdx needs one with role \"geo\" "
                               "or the id \"Region\" (dimensions: \"PetroleumProd\", "
                               "\"ContentsCode\", \"Tid\")");
}

TEST(JsonStatErrors, ConvertExitsOneAndWritesNothing) {
    fs::path f = edited("size.json", "d['size'][0] = 358");
    fs::path out = f.parent_path() / "out.xml";
    auto r = run(sh_quote(kdx_exe().string()) + " convert " + sh_quote(f.string()) + " " +
                 sh_quote(out.string()));
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_THAT(r.err, HasSubstr(f.string() + ": error: dimension \"Region\": \"size\" says 358 "
                                              "but it has 359 categories"));
    EXPECT_FALSE(fs::exists(out));
}

}  // namespace
