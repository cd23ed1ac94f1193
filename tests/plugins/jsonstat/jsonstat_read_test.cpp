// SSB's JSON-stat 2.0 answers read into the model: every figure compared with
// what Python's json module takes from the same file, by the dimensions'
// indexes and sizes (not by kdx's reading of them).
#include <gmock/gmock.h>

#include "jsonstat_test_support.hpp"

namespace {

using kdx::Severity;
using kdx::Value;
using namespace kdx::test;
using namespace kdx::test::jsonstat;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::StartsWith;

// Python: {"<dataset>/<Region code>/<content code>/<Tid code>": [value, status]} for
// every cell of every dataset of the file, the flat index computed from `id`
// and `size` as JSON-stat defines it (the last dimension varies fastest);
// further dimensions are taken at their category "0" (the total) or their only one.
const char* const python_cells = R"PY(
import json, sys
top = json.load(open(sys.argv[1], encoding="utf-8"))
sets = top["link"]["item"] if top["class"] == "collection" else [top]
out = {}
for n, d in enumerate(sets):
    ids, size = d["id"], d["size"]
    def cats(dim):
        idx = d["dimension"][dim]["category"]["index"]
        return sorted(idx, key=idx.get) if isinstance(idx, dict) else idx
    stride = [1] * len(ids)
    for i in range(len(ids) - 2, -1, -1):
        stride[i] = stride[i + 1] * size[i + 1]
    values, status = d["value"], d.get("status", {})
    def at(pos):
        v = values[pos] if isinstance(values, list) else values.get(str(pos))
        s = status.get(str(pos)) if isinstance(status, dict) else None
        return [v, s]
    fixed = 0
    for i, dim in enumerate(ids):
        if dim not in ("Region", "Tid", "ContentsCode"):
            c = cats(dim)
            fixed += (c.index("0") if "0" in c else 0) * stride[i]
    for r, reg in enumerate(cats("Region")):
        for c, con in enumerate(cats("ContentsCode")):
            for t, tid in enumerate(cats("Tid")):
                pos = fixed + r * stride[ids.index("Region")] + \
                      c * stride[ids.index("ContentsCode")] + t * stride[ids.index("Tid")]
                out["%d/%s/%s/%s" % (n, reg, con, tid)] = at(pos)
print(json.dumps(out))
)PY";

TEST(JsonStatRead, SsbAnswerForTable07459MatchesPython) {
    fs::path file = data / "07459-municipalities-2022.json";
    nlohmann::json cells = python_json(python_cells, file);
    ASSERT_EQ(cells.size(), 359u);
    ReadResult r = read(file);
    EXPECT_THAT(r.messages(Severity::error), IsEmpty());
    EXPECT_THAT(r.messages(Severity::warning), IsEmpty());
    EXPECT_THAT(
        r.messages(Severity::info),
        ElementsAre(file.string() + ": 3 categories of \"Region\" skipped: neither a "
                                    "municipality, a county nor the whole country (\"K-21-22\", "
                                    "\"K-23\", \"K-Rest\")"));
    std::size_t checked = 0;
    for (const auto& cell : cells.items()) {
        // "0/K-3001/Personer1/2022"
        std::string code = cell.key().substr(2, cell.key().find('/', 2) - 2);
        // The municipalities: "K-" and four digits (not "K-21-22", "K-23", "K-Rest").
        if (code.size() != 6 || code.rfind("K-", 0) != 0 ||
            code.find_first_not_of("0123456789", 2) != std::string::npos)
            continue;
        std::string number = code.substr(2);
        const kdx::Outcome* o = find_outcome(r.dataset, number, "population", 2022);
        ASSERT_TRUE(o) << number;
        EXPECT_EQ(o->value, Value(cell.value()[0].get<double>())) << number;
        EXPECT_EQ(o->unit, kdx::Unit::persons);
        EXPECT_EQ(o->source, "SSB");
        const kdx::Municipality* m = r.dataset.find_municipality(number);
        ASSERT_TRUE(m) << number;
        EXPECT_EQ(m->population, cell.value()[0].get<std::int64_t>()) << number;
        ++checked;
    }
    EXPECT_EQ(checked, 356u);
    EXPECT_EQ(r.dataset.outcomes.size(), 356u);
    EXPECT_EQ(r.dataset.find_municipality("0301")->name, "Oslo");
    EXPECT_EQ(r.dataset.find_municipality("3001")->name, "Halden");
    // A record points at the file: the figure's place is its coordinates, not a line.
    EXPECT_EQ(r.dataset.location_of(r.dataset.outcomes.front().origin).to_string(), file.string());
}

TEST(JsonStatRead, CollectionWithStatusesCountiesAndTotals) {
    fs::path file = data / "made-collection.json";
    nlohmann::json cells = python_json(python_cells, file);
    ReadResult r = read(file);
    const std::string f = file.string();
    EXPECT_THAT(r.messages(Severity::error), IsEmpty());
    EXPECT_THAT(
        r.messages(Severity::warning),
        ElementsAre(f + ":link.item[0]: statistics variable \"Levendefødte\" is not one kdx "
                        "knows; its 2 figures were skipped (map it with <indicator> in a "
                        "mapping file); its code in \"ContentsCode\" is \"Levendefodte\""));
    EXPECT_THAT(r.messages(Severity::info),
                ElementsAre(f + ":link.item[1]: dimension \"Kjonn\": its total \"0 Begge kjønn\" "
                                "read, its 2 other categories skipped",
                            // Viken 2022; its other cells are null: no figures.
                            f + ":link.item[0]: 1 county row skipped: the model keeps "
                                "municipalities; 1 county figures equal the sum of their "
                                "municipalities in the file"));

    // Python's reading: Halden 2021 null with ":", Moss 2021 null with "..".
    ASSERT_EQ(cells["0/3001/Personer1/2021"], nlohmann::json::parse(R"([null, ":"])"));
    ASSERT_EQ(cells["0/K-3002/Personer1/2021"], nlohmann::json::parse(R"([null, ".."])"));
    const kdx::Outcome* halden_2021 = find_outcome(r.dataset, "3001", "population", 2021);
    ASSERT_TRUE(halden_2021);
    EXPECT_TRUE(halden_2021->value.is_suppressed());
    // A figure SSB does not have is no record (as for "..": in SSB's CSV export).
    EXPECT_FALSE(find_outcome(r.dataset, "3002", "population", 2021));

    auto number = [&](const std::string& key) { return Value(cells[key][0].get<double>()); };
    EXPECT_EQ(find_outcome(r.dataset, "3001", "population", 2022)->value,
              number("0/3001/Personer1/2022"));
    EXPECT_EQ(find_outcome(r.dataset, "3002", "population", 2022)->value,
              number("0/K-3002/Personer1/2022"));
    EXPECT_EQ(find_outcome(r.dataset, "0000", "population", 2022)->value,
              number("0/EAK/Personer1/2022"));
    // Kjonn's total, "0", is Oslo's figure; the sexes are not added.
    EXPECT_EQ(find_outcome(r.dataset, "0301", "population", 2022)->value,
              number("1/0301/Personer1/2022"));
    // The county is an aggregate: not a record.
    for (const kdx::Outcome& o : r.dataset.outcomes) EXPECT_NE(o.municipality, "0030");
    EXPECT_EQ(r.dataset.outcomes.size(), 5u);
    // The latest year with a figure.
    EXPECT_EQ(r.dataset.find_municipality("3001")->population,
              cells["0/3001/Personer1/2022"][0].get<std::int64_t>());
}

TEST(JsonStatRead, MappingFileMapsAContentByItsCode) {
    fs::path dir = scratch_dir();
    fs::path mapping = dir / "mapping.xml";
    write_file(mapping, R"(<?xml version="1.0" encoding="UTF-8"?>
<mapping xmlns="urn:kdx:mapping:1" version="1">
  <indicators>
    <indicator code="Levendefodte" field="outcome" indicator="live-births" unit="persons"/>
  </indicators>
</mapping>
)");
    fs::path file = data / "made-collection.json";
    nlohmann::json cells = python_json(python_cells, file);
    ReadResult r = read(file, {{"mapping", mapping.string()}});
    EXPECT_THAT(r.messages(Severity::error), IsEmpty());
    EXPECT_THAT(r.messages(Severity::warning), IsEmpty());
    const kdx::Outcome* births = find_outcome(r.dataset, "3002", "live-births", 2022);
    ASSERT_TRUE(births);
    EXPECT_EQ(births->value, Value(cells["0/K-3002/Levendefodte/2022"][0].get<double>()));
    EXPECT_TRUE(r.dataset.find_indicator("live-births"));
}

TEST(JsonStatRead, ValueAndStatusAsArraysAndStatusAsOneText) {
    fs::path file = scratch_dir() / "arrays.json";
    write_file(file, R"({"version":"2.0","class":"dataset","label":"07459: Befolkning",
 "id":["Region","ContentsCode","Tid"],"size":[2,1,2],
 "dimension":{"Region":{"category":{"index":["0301","3001"],"label":{"0301":"Oslo","3001":"Halden"}}},
  "ContentsCode":{"category":{"label":{"Personer1":"Personer"}}},
  "Tid":{"category":{"index":{"2021":0,"2022":1}}}},
 "value":[697010,null,null,31444],"status":[null,":","..",null]})");
    ReadResult r = read(file);
    EXPECT_THAT(r.messages(Severity::error), IsEmpty());
    EXPECT_EQ(find_outcome(r.dataset, "0301", "population", 2021)->value, Value(697010));
    EXPECT_TRUE(find_outcome(r.dataset, "0301", "population", 2022)->value.is_suppressed());
    EXPECT_FALSE(find_outcome(r.dataset, "3001", "population", 2021));
    EXPECT_EQ(find_outcome(r.dataset, "3001", "population", 2022)->value, Value(31444));

    // One status for every figure: all suppressed.
    fs::path all = scratch_dir() / "all-suppressed.jsonstat";
    write_file(all, R"({"version":"2.0","class":"dataset",
 "id":["Region","ContentsCode","Tid"],"size":[1,1,1],
 "dimension":{"Region":{"category":{"index":{"K-3001":0}}},
  "ContentsCode":{"category":{"index":{"Folkemengde":0},"label":{"Folkemengde":"Folkemengde"}}},
  "Tid":{"category":{"index":{"2022":0}}}},
 "value":[null],"status":":"})");
    ReadResult s = read(all);
    ASSERT_EQ(s.dataset.outcomes.size(), 1u);
    EXPECT_TRUE(s.dataset.outcomes[0].value.is_suppressed());
}

TEST(JsonStatRead, BareRegionCodesAndNoContentDimension) {
    // SSB's older tables: "0" the country, "30" a county, "301" a municipality
    // without its leading zero; the variable from the dataset's label.
    fs::path file = scratch_dir() / "bare.json";
    write_file(file, R"({"version":"2.0","class":"dataset",
 "label":"06913: Folkemengde, etter region og år",
 "id":["Region","Tid"],"size":[5,1],
 "dimension":{"Region":{"category":{"index":["0","30","301","3001","3001A"],
   "label":{"0":"Hele landet","30":"Viken","301":"Oslo","3001":"Halden","3001A":"?"}}},
  "Tid":{"category":{"index":{"2022":0}}}},
 "value":[5425270,1252384,699827,31444,1],"role":{"time":["Tid"],"geo":["Region"]}})");
    ReadResult r = read(file);
    EXPECT_THAT(r.messages(Severity::error), IsEmpty());
    EXPECT_EQ(find_outcome(r.dataset, "0000", "population", 2022)->value, Value(5425270));
    EXPECT_EQ(find_outcome(r.dataset, "0301", "population", 2022)->value, Value(699827));
    EXPECT_EQ(find_outcome(r.dataset, "3001", "population", 2022)->value, Value(31444));
    EXPECT_EQ(r.dataset.outcomes.size(), 3u);
    EXPECT_THAT(
        r.messages(Severity::info),
        ElementsAre(
            file.string() + ": 1 category of \"Region\" skipped: neither a municipality, a "
                            "county nor the whole country (\"3001A\")",
            // Viken's figure is not the sum of Halden alone.
            StartsWith(file.string() + ":value[1]: county 30 Viken, population 2022: 1252384 in "
                                       "the file, its 1 municipalities here sum to 31444"),
            HasSubstr("1 county row skipped")));
}

TEST(JsonStatRead, AFigureKdxCannotUseIsLocatedByItsPlaceInValue) {
    // A population that is not a whole number: the cell's flat index and categories.
    fs::path file = scratch_dir() / "fraction.json";
    write_file(file, R"({"version":"2.0","class":"dataset",
 "id":["Region","ContentsCode","Tid"],"size":[1,1,2],
 "dimension":{"Region":{"category":{"index":{"3001":0}}},
  "ContentsCode":{"category":{"index":{"Personer1":0},"label":{"Personer1":"Personer"}}},
  "Tid":{"category":{"index":{"2021":0,"2022":1}}}},
 "value":[31373,31444.5]})");
    ReadResult r = read(file);
    EXPECT_THAT(
        r.messages(Severity::error),
        ElementsAre(file.string() + ":value[1]: expected a whole number, found \"31444.5\" (Region "
                                    "\"3001\", ContentsCode \"Personer1\", Tid \"2022\")"));
}

}  // namespace
