// Writing exchange files: the canonical form reproduces itself byte for
// byte, xmllint validates it against schemas/kdx-data-1.xsd, and Python's
// xml.etree sees missing, 0 and suppressed written apart.
#include <gmock/gmock.h>

#include <limits>

#include "xml_test_support.hpp"

namespace {

using kdx::Value;
using namespace kdx::test;
using namespace kdx::test::xml;
using ::testing::HasSubstr;

// A dataset that uses every element and attribute of the format, with text
// that needs escaping.
kdx::Dataset full_dataset() {
    kdx::Dataset d;
    d.info.title = "Bosetting & integrering <2018>";
    d.info.description = "  Leading spaces, \"quotes\" and 'apostrophes'\nover two lines";
    d.info.language = "nn";
    d.info.provenance = {"IMDi", "SSB"};
    d.info.publisher = "Troms & Finnmark fylkeskommune";
    d.info.data_sources.push_back({"IMDi", "bosettingsstatistikk", "busetjingsstatistikk",
                                   "settlement statistics", "2020-10-31", "NLOD 2.0",
                                   "https://www.imdi.no/tall-og-statistikk/?a=1&b=2"});
    d.info.data_sources.push_back({"SSB", "", "", "population", "2020", "", ""});
    kdx::Indicator i;
    i.id = "norwegian-test-b1";
    i.unit = kdx::Unit::percent;
    i.label_nb = "Bestått norskprøve B1";
    i.label_en = "Passed B1";
    d.indicators.push_back(i);
    kdx::Municipality m;
    m.number = "5437";
    m.name = "Karasjok";
    m.county_number = "54";
    m.county_name = "Troms og Finnmark";
    m.imdi_region = "IMDi Nord";
    m.language = kdx::LanguageForm::neutral;
    m.population = 2600;
    m.other_names = {"Kárášjohka"};
    m.valid_from = 2020;
    d.municipalities.push_back(m);
    kdx::SettlementFigures s;
    s.municipality = "5437";
    s.year = 2020;
    s.requested = Value(0);
    s.decided = Value::suppressed();
    s.settled = Value::missing();
    s.unaccompanied_minors = Value(0.5);
    s.family_reunifications = Value(1e21);
    d.settlement.push_back(s);
    kdx::Programme p;
    p.id = "karasjok-intro";
    p.municipality = "5437";
    p.kind = kdx::ProgrammeKind::introduction_programme;
    p.name = "Intro\tprogram";
    p.description = "Line one\nline two";
    p.partners = {"NAV", "Sámi allaskuvla"};
    p.years = {2019, 2020};
    d.programmes.push_back(p);
    kdx::Outcome o;
    o.municipality = "5437";
    o.programme = "karasjok-intro";
    o.indicator = "norwegian-test-b1";
    o.year = 2020;
    o.value = Value(62.5);
    o.unit = kdx::Unit::percent;
    o.cohort_size = Value::suppressed();
    o.source = "SSB";
    d.outcomes.push_back(o);
    kdx::Nomination n;
    n.prize = "bosettings-og-inkluderingsprisen";
    n.year = 2020;
    n.municipality = "5437";
    n.status = kdx::NominationStatus::finalist;
    n.last_updated = "2020-12-01";
    n.votes = Value(0);
    n.summary = "Kort";
    n.sections = {{"Med overskrift", "Tekst"}, {"", "Uten overskrift\nmen med \"linjeskift\""}};
    d.nominations.push_back(n);
    return d;
}

// Reads and writes a file twice; returns both outputs.
std::pair<std::string, std::string> round_trip(const fs::path& input, const fs::path& dir) {
    write(read(input), dir / "first.xml");
    write(read(dir / "first.xml"), dir / "second.xml");
    return {read_file(dir / "first.xml"), read_file(dir / "second.xml")};
}

TEST(XmlWrite, ExampleDataRoundTripsByteForByte) {
    fs::path dir = scratch_dir();
    auto [first, second] = round_trip(example, dir);
    EXPECT_EQ(first, second);
    // The example is kept in canonical form, so it is reproduced too.
    EXPECT_EQ(first, read_file(example));
}

TEST(XmlWrite, EveryFieldRoundTripsByteForByte) {
    fs::path dir = scratch_dir();
    write(full_dataset(), dir / "full.xml");
    auto [first, second] = round_trip(dir / "full.xml", dir);
    EXPECT_EQ(first, read_file(dir / "full.xml"));
    EXPECT_EQ(first, second);
    kdx::Dataset back = read(dir / "full.xml");
    kdx::Dataset want = full_dataset();
    EXPECT_EQ(back.info.title, want.info.title);
    EXPECT_EQ(back.info.description, want.info.description);
    EXPECT_EQ(back.info.publisher, want.info.publisher);
    ASSERT_EQ(back.info.data_sources.size(), 2u);
    const kdx::DataSource& s = back.info.data_sources.at(0);
    EXPECT_EQ(s.publisher, "IMDi");
    EXPECT_EQ(s.title_nn, "busetjingsstatistikk");
    EXPECT_EQ(s.title_en, "settlement statistics");
    EXPECT_EQ(s.as_of, "2020-10-31");
    EXPECT_EQ(s.licence, "NLOD 2.0");
    EXPECT_EQ(s.link, "https://www.imdi.no/tall-og-statistikk/?a=1&b=2");
    EXPECT_EQ(back.info.data_sources.at(1).title("en"), "population");
    EXPECT_EQ(back.info.data_sources.at(1).title("nb"), "");  // never English in Norwegian
    EXPECT_EQ(back.programmes.at(0).name, "Intro\tprogram");  // a tab in an attribute
    EXPECT_EQ(back.programmes.at(0).years, want.programmes.at(0).years);
    EXPECT_EQ(back.nominations.at(0).sections.at(1).text,
              want.nominations.at(0).sections.at(1).text);
    EXPECT_EQ(back.nominations.at(0).sections.at(1).heading, "");
    EXPECT_EQ(back.settlement.at(0).family_reunifications, Value(1e21));
    EXPECT_EQ(back.municipalities.at(0).other_names, want.municipalities.at(0).other_names);
    EXPECT_EQ(back.municipalities.at(0).population, want.municipalities.at(0).population);
}

TEST(XmlWrite, OutputIsValidAgainstTheSchema) {
    if (!have_xmllint()) GTEST_SKIP() << "xmllint not installed (apt-get install libxml2-utils)";
    fs::path dir = scratch_dir();
    write(full_dataset(), dir / "full.xml");
    write(read(example), dir / "example.xml");
    for (const char* name : {"full.xml", "example.xml"}) {
        CommandResult r = xmllint_schema(dir / name);
        EXPECT_EQ(r.exit_code, 0) << name << ": " << r.err;
        EXPECT_THAT(r.err, HasSubstr(" validates")) << name;
    }
}

// The schema rejects what the reader rejects: xmllint is no weaker judge here.
TEST(XmlWrite, SchemaRejectsTheBadValueToo) {
    if (!have_xmllint()) GTEST_SKIP() << "xmllint not installed (apt-get install libxml2-utils)";
    CommandResult r = xmllint_schema(data / "bad-value.xml");
    EXPECT_NE(r.exit_code, 0);
    EXPECT_THAT(r.err, HasSubstr("'12x'"));
}

TEST(XmlWrite, MissingZeroAndSuppressedAreWrittenApart) {
    if (!have_python()) GTEST_SKIP() << "/usr/bin/python3 not installed";
    fs::path file = scratch_dir() / "full.xml";
    write(full_dataset(), file);
    // Each attribute of <figures> as Python's ElementTree reads it; an absent
    // attribute prints as None.
    CommandResult r = run(
        "/usr/bin/python3 -c " +
        sh_quote(
            "import sys, xml.etree.ElementTree as ET\n"
            "f = ET.parse(sys.argv[1]).find('{urn:kdx:data:1}settlement/{urn:kdx:data:1}figures')\n"
            "for a in ('requested', 'decided', 'settled', 'unaccompanied-minors',\n"
            "          'family-reunifications'):\n"
            "    print(a, repr(f.get(a)))\n") +
        " " + sh_quote(file.string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out,
              "requested '0'\n"
              "decided ':'\n"
              "settled None\n"
              "unaccompanied-minors '0.5'\n"
              "family-reunifications '1000000000000000000000'\n");
}

TEST(XmlWrite, CarriageReturnsBecomeLineFeedsWithANote) {
    kdx::Dataset d;
    d.info.description = "one\r\ntwo\rthree";
    fs::path file = scratch_dir() / "cr.xml";
    kdx::Diagnostics diagnostics;
    format()->write_dataset(d, file, {}, diagnostics);
    EXPECT_EQ(read(file).info.description, "one\ntwo\nthree");
    ASSERT_EQ(diagnostics.items().size(), 1u);
    EXPECT_EQ(diagnostics.items()[0].severity, kdx::Severity::info);
}

TEST(XmlWrite, WhatTheFormatCannotHoldLeavesNoFile) {
    fs::path dir = scratch_dir();
    kdx::Dataset d;
    d.settlement.push_back({});
    d.settlement[0].municipality = "301";
    d.settlement[0].year = 2020;
    try {
        write(d, dir / "out.xml");
        ADD_FAILURE() << "no error";
    } catch (const kdx::Error& e) {
        EXPECT_EQ(e.message(),
                  "cannot write settlement figures 301 2020 as XML: expected a four-digit "
                  "municipality number, found \"301\"");
    }
    d.settlement[0].municipality = "0301";
    d.settlement[0].settled = Value(std::numeric_limits<double>::infinity());
    EXPECT_THROW(write(d, dir / "out.xml"), kdx::Error);
    d.settlement[0].settled = Value(1);
    d.info.title = std::string("bell\x07");
    EXPECT_THROW(write(d, dir / "out.xml"), kdx::Error);
    EXPECT_TRUE(fs::is_empty(dir));
}

// The population per year (the "population" outcome) and the municipality's
// latest figure come back as they were written, and the file is valid.
TEST(XmlWrite, PopulationPerYearRoundTrips) {
    kdx::Dataset d;
    kdx::Municipality halden;
    halden.number = "3001";
    halden.name = "Halden";
    halden.population = 31373;
    d.municipalities.push_back(halden);
    for (auto [year, value] : {std::pair{2020, 31444.0}, std::pair{2021, 31373.0}}) {
        kdx::Outcome o;
        o.municipality = "3001";
        o.indicator = "population";
        o.year = year;
        o.value = Value(value);
        o.unit = kdx::Unit::persons;
        o.source = "SSB";
        d.outcomes.push_back(o);
    }
    fs::path dir = scratch_dir();
    write(d, dir / "population.xml");
    kdx::Dataset back = read(dir / "population.xml");
    ASSERT_EQ(back.outcomes.size(), 2u);
    EXPECT_EQ(back.outcomes[0].indicator, "population");
    EXPECT_EQ(back.outcomes[0].year, 2020);
    EXPECT_EQ(back.outcomes[0].value, Value(31444));
    EXPECT_EQ(back.outcomes[1].value, Value(31373));
    ASSERT_EQ(back.municipalities.size(), 1u);
    EXPECT_EQ(back.municipalities[0].population, std::optional<std::int64_t>(31373));
    if (have_xmllint()) {
        CommandResult r = xmllint_schema(dir / "population.xml");
        EXPECT_EQ(r.exit_code, 0) << r.err;
    }
}

}  // namespace
