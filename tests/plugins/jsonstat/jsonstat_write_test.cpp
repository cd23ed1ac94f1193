// Writing JSON-stat: the file as Python's json module reads it, with SSB's
// dimension ids, and read back by the reader to the same settlement figures
// and populations.
#include <gmock/gmock.h>

#include "jsonstat_test_support.hpp"

namespace {

using kdx::Severity;
using kdx::Value;
using namespace kdx::test;
using namespace kdx::test::jsonstat;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

kdx::SettlementFigures figures(const std::string& municipality, int year, Value requested,
                               Value decided, Value settled) {
    kdx::SettlementFigures s;
    s.municipality = municipality;
    s.year = year;
    s.requested = requested;
    s.decided = decided;
    s.settled = settled;
    return s;
}

kdx::Outcome population(const std::string& municipality, int year, Value value) {
    kdx::Outcome o;
    o.municipality = municipality;
    o.indicator = "population";
    o.year = year;
    o.value = value;
    o.unit = kdx::Unit::persons;
    o.source = "SSB";
    return o;
}

// Halden and Steinkjer: settlement figures with a suppressed and a missing
// one, populations, and the whole country's population.
kdx::Dataset sample() {
    kdx::Dataset d;
    kdx::Municipality halden;
    halden.number = "3001";
    halden.name = "Halden";
    kdx::Municipality steinkjer;
    steinkjer.number = "5006";
    steinkjer.name = "Steinkjer";
    d.municipalities = {halden, steinkjer};
    d.settlement = {figures("3001", 2021, 30, 30, 27),
                    figures("3001", 2022, 45, 40, Value::suppressed()),
                    figures("5006", 2022, 20, Value::missing(), 18)};
    d.outcomes = {population("3001", 2021, 31373), population("3001", 2022, 31444),
                  population("5006", 2022, 24420), population("0000", 2022, 5425270)};
    return d;
}

const kdx::SettlementFigures* find(const kdx::Dataset& d, const std::string& m, int year) {
    for (const auto& s : d.settlement)
        if (s.municipality == m && s.year == year) return &s;
    return nullptr;
}

// Python: {"<Region>/<Tid>/<ContentsCode>": [value, status]} and the ids.
const char* const python_cells = R"PY(
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
def cats(dim):
    idx = d["dimension"][dim]["category"]["index"]
    return sorted(idx, key=idx.get) if isinstance(idx, dict) else idx
r, t, c = cats("Region"), cats("Tid"), cats("ContentsCode")
assert d["id"] == ["Region", "Tid", "ContentsCode"] and d["size"] == [len(r), len(t), len(c)]
status = d.get("status", {})
out = {"version": d["version"], "class": d["class"], "role": d["role"]}
for i, reg in enumerate(r):
    for j, tid in enumerate(t):
        for k, con in enumerate(c):
            pos = (i * len(t) + j) * len(c) + k
            out["%s/%s/%s" % (reg, tid, con)] = [d["value"][pos], status.get(str(pos))]
print(json.dumps(out))
)PY";

TEST(JsonStatWrite, PythonReadsSsbDimensionsAndEveryFigure) {
    fs::path out = scratch_dir() / "sample.jsonstat";
    kdx::Diagnostics diagnostics;
    format()->write_dataset(sample(), out, {{"updated", "2026-01-01"}}, diagnostics);
    EXPECT_TRUE(diagnostics.empty());
    nlohmann::json cells = python_json(python_cells, out);
    EXPECT_EQ(cells["version"], "2.0");
    EXPECT_EQ(cells["class"], "dataset");
    EXPECT_EQ(cells["role"]["geo"], nlohmann::json::parse(R"(["Region"])"));
    using J = nlohmann::json;
    EXPECT_EQ(cells["3001/2021/requested"], J::parse("[30, null]"));
    EXPECT_EQ(cells["3001/2022/settled"], J::parse(R"([null, ":"])"));
    EXPECT_EQ(cells["5006/2022/decided"], J::parse("[null, null]"));
    EXPECT_EQ(cells["3001/2022/population"], J::parse("[31444, null]"));
    // The whole country under SSB's code.
    EXPECT_EQ(cells["EAK/2022/population"], J::parse("[5425270, null]"));
    EXPECT_FALSE(cells.contains("0000/2022/population"));
}

TEST(JsonStatWrite, RoundTripKeepsSettlementFiguresAndPopulations) {
    fs::path dir = scratch_dir();
    fs::path out = dir / "round.json";
    kdx::Diagnostics diagnostics;
    const kdx::Dataset original = sample();
    format()->write_dataset(original, out, {}, diagnostics);
    ReadResult r = read(out);
    EXPECT_THAT(r.messages(Severity::error), IsEmpty());
    EXPECT_THAT(r.messages(Severity::warning), IsEmpty());
    for (const kdx::SettlementFigures& s : original.settlement) {
        const kdx::SettlementFigures* back = find(r.dataset, s.municipality, s.year);
        ASSERT_TRUE(back) << s.municipality << " " << s.year;
        EXPECT_EQ(back->requested, s.requested);
        EXPECT_EQ(back->decided, s.decided);
        EXPECT_EQ(back->settled, s.settled);
    }
    // The cube has Steinkjer 2021 and the country's settlement as null cells: no records.
    EXPECT_EQ(r.dataset.settlement.size(), original.settlement.size());
    for (const kdx::Outcome& o : original.outcomes) {
        const kdx::Outcome* back = find_outcome(r.dataset, o.municipality, "population", o.year);
        ASSERT_TRUE(back) << o.municipality << " " << o.year;
        EXPECT_EQ(back->value, o.value);
    }
    EXPECT_EQ(r.dataset.outcomes.size(), original.outcomes.size());
    EXPECT_EQ(r.dataset.find_municipality("3001")->population, 31444);
    EXPECT_EQ(r.dataset.find_municipality("3001")->name, "Halden");

    // And once more: the second file says the same as the first.
    fs::path again = dir / "again.json";
    format()->write_dataset(r.dataset, again, {{"updated", "2026-01-01"}}, diagnostics);
    fs::path first = dir / "first.json";
    format()->write_dataset(original, first, {{"updated", "2026-01-01"}}, diagnostics);
    EXPECT_EQ(python_json(python_cells, again), python_json(python_cells, first));
}

TEST(JsonStatWrite, ProgrammeOutcomesAndSourcesKeptBesideTheCube) {
    kdx::Dataset d = sample();
    kdx::Outcome share;
    share.municipality = "3001";
    share.indicator = "settled-per-1000";
    share.year = 2022;
    share.value = 1.4;
    share.unit = kdx::Unit::per_mille;
    share.source = "IMDi";
    kdx::Outcome intro = share;
    intro.programme = "halden-intro";
    intro.indicator = "work-or-education-1y";
    intro.value = Value::suppressed();
    intro.unit = kdx::Unit::percent;
    d.outcomes.push_back(share);
    d.outcomes.push_back(intro);
    fs::path out = scratch_dir() / "programmes.json";
    kdx::Diagnostics diagnostics;
    format()->write_dataset(d, out, {}, diagnostics);
    EXPECT_TRUE(diagnostics.empty());

    // Python: the cube has the share, not the programme's outcome; the
    // extension has both facts.
    auto py = run("/usr/bin/python3 -c " + sh_quote(R"PY(
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
c = d["dimension"]["ContentsCode"]["category"]["index"]
own = d["extension"]["kdx"]
print(json.dumps([sorted(c), own["programme-outcomes"], sorted(own["source"].values())]))
)PY") + " " + sh_quote(out.string()));
    ASSERT_EQ(py.exit_code, 0) << py.err;
    auto facts = nlohmann::json::parse(py.out);
    EXPECT_EQ(facts[0],
              nlohmann::json::parse(
                  R"(["decided", "population", "requested", "settled", "settled-per-1000"])"));
    EXPECT_EQ(facts[1],
              nlohmann::json::parse(R"([{"municipality": "3001", "programme": "halden-intro",
        "indicator": "work-or-education-1y", "year": 2022, "value": null, "unit": "percent",
        "source": "IMDi", "status": ":"}])"));
    // The populations are SSB's (no entry); the share IMDi's.
    EXPECT_EQ(facts[2], nlohmann::json::parse(R"(["IMDi"])"));

    ReadResult r = read(out);
    EXPECT_THAT(r.messages(Severity::warning), IsEmpty());
    const kdx::Outcome* back = find_outcome(r.dataset, "3001", "settled-per-1000", 2022);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->value, Value(1.4));
    EXPECT_EQ(back->source, "IMDi");
    const kdx::Outcome* programme = find_outcome(r.dataset, "3001", "work-or-education-1y", 2022);
    ASSERT_TRUE(programme);
    EXPECT_EQ(programme->programme, "halden-intro");
    EXPECT_TRUE(programme->value.is_suppressed());
    EXPECT_EQ(programme->unit, kdx::Unit::percent);
}

TEST(JsonStatWrite, SsbAnswerConvertedAndReadBack) {
    // The real answer through kdx convert to JSON-stat and back: the same populations.
    fs::path out = scratch_dir() / "07459.jsonstat";
    fs::path in = data / "07459-municipalities-2022.json";
    auto c = run(sh_quote(kdx_exe().string()) + " convert " + sh_quote(in.string()) + " " +
                 sh_quote(out.string()));
    ASSERT_EQ(c.exit_code, 0) << c.err;
    ReadResult first = read(in);
    ReadResult back = read(out);
    EXPECT_THAT(back.messages(Severity::warning), IsEmpty());
    ASSERT_EQ(back.dataset.outcomes.size(), first.dataset.outcomes.size());
    for (const kdx::Outcome& o : first.dataset.outcomes) {
        const kdx::Outcome* b = find_outcome(back.dataset, o.municipality, o.indicator, o.year);
        ASSERT_TRUE(b) << o.municipality;
        EXPECT_EQ(b->value, o.value);
    }
}

}  // namespace
