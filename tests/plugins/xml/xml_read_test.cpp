// Reading exchange files: values (missing, 0 and suppressed kept apart), and
// each kind of bad input giving its error at file:line:col, both through the
// plugin and through `kdx convert`, which then writes nothing.
#include <gmock/gmock.h>

#include <algorithm>
#include <regex>

#include "xml_test_support.hpp"

namespace {

using kdx::Value;
using namespace kdx::test;
using namespace kdx::test::xml;
using ::testing::HasSubstr;

const kdx::SettlementFigures* find(const kdx::Dataset& d, const std::string& m, int year) {
    for (const auto& s : d.settlement)
        if (s.municipality == m && s.year == year) return &s;
    return nullptr;
}

TEST(XmlRead, MissingZeroAndSuppressedAreKeptApart) {
    kdx::Dataset d = read(data / "values.xml");
    const auto* y2016 = find(d, "5001", 2016);
    ASSERT_TRUE(y2016);
    EXPECT_TRUE(y2016->requested.has_value());
    EXPECT_EQ(y2016->requested.get(), 0.0);
    EXPECT_TRUE(y2016->decided.is_suppressed());
    EXPECT_TRUE(y2016->settled.is_missing());
    EXPECT_EQ(y2016->unaccompanied_minors, Value(3.5));  // spaces around a decimal are allowed
    EXPECT_TRUE(y2016->family_reunifications.is_missing());
    const auto* y2017 = find(d, "5001", 2017);
    ASSERT_TRUE(y2017);
    EXPECT_EQ(y2017->requested, Value(0));  // "-0"
    EXPECT_EQ(y2017->settled, Value(12.25));
    EXPECT_TRUE(y2017->decided.is_missing());
    EXPECT_EQ(d.location_of(y2017->origin).to_string(), (data / "values.xml").string() + ":8");
}

TEST(XmlRead, ExampleDataHasTheNomineesAndTheirFigures) {
    kdx::Dataset d = read(example);
    EXPECT_EQ(d.municipalities.size(), 7u);
    EXPECT_EQ(d.nominations_in(2018).size(), 7u);
    // Figures as in IMDi's statistics (imdikator, October 2015).
    EXPECT_EQ(find(d, "0219", 2014)->requested, Value(160));
    EXPECT_EQ(find(d, "0219", 2014)->decided, Value(140));
    EXPECT_EQ(find(d, "0219", 2014)->settled, Value(99));
    EXPECT_EQ(find(d, "5004", 2012)->settled, Value(31));  // published under 1702
    EXPECT_EQ(find(d, "0000", 2014)->settled, Value(7784));
    int winners = 0;
    for (const auto& n : d.nominations)
        if (n.status == kdx::NominationStatus::winner) {
            ++winners;
            EXPECT_EQ(n.municipality, "0219");
        }
    EXPECT_EQ(winners, 1);
}

struct BadInput {
    const char* file;
    unsigned line, column;
    const char* message;
};

std::ostream& operator<<(std::ostream& o, const BadInput& b) { return o << b.file; }

class XmlBadInput : public ::testing::TestWithParam<BadInput> {};

TEST_P(XmlBadInput, IsRefusedAtItsLineAndColumn) {
    const BadInput& b = GetParam();
    std::string file = (data / b.file).string();
    EXPECT_EQ(error_of(data / b.file), file + ":" + std::to_string(b.line) + ":" +
                                           std::to_string(b.column) + ": " + b.message);
}

TEST_P(XmlBadInput, KdxConvertExitsOneAndWritesNothing) {
    const BadInput& b = GetParam();
    fs::path dir = scratch_dir();
    fs::path out = dir / "out.xml";
    CommandResult r =
        run_kdx("convert " + sh_quote((data / b.file).string()) + " " + sh_quote(out.string()));
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_THAT(r.err, HasSubstr((data / b.file).string() + ":" + std::to_string(b.line) + ":" +
                                 std::to_string(b.column) + ": error: " + b.message));
    EXPECT_TRUE(fs::is_empty(dir)) << "left " << fs::directory_iterator(dir)->path();
}

// xmllint with the schema refuses each of them too, so reader and schema agree.
TEST_P(XmlBadInput, XmllintRefusesItToo) {
    if (!have_xmllint()) GTEST_SKIP() << "xmllint not installed (apt-get install libxml2-utils)";
    CommandResult r = xmllint_schema(data / GetParam().file);
    EXPECT_NE(r.exit_code, 0) << r.err;
}

TEST(XmlRead, XmllintAcceptsTheValuesFile) {
    if (!have_xmllint()) GTEST_SKIP() << "xmllint not installed (apt-get install libxml2-utils)";
    CommandResult r = xmllint_schema(data / "values.xml");
    EXPECT_EQ(r.exit_code, 0) << r.err;
}

INSTANTIATE_TEST_SUITE_P(
    Files, XmlBadInput,
    ::testing::Values(
        BadInput{"malformed.xml", 5, 3,
                 "start tag <figures> from line 4 is not closed; expected an attribute "
                 "name=\"value\", \">\" or \"/>\", found \"<\""},
        BadInput{"wrong-namespace.xml", 2, 1,
                 "expected <dataset> in the namespace urn:kdx:data:1, found \"urn:kdx:report:1\""},
        BadInput{"bad-value.xml", 4, 61,
                 "expected a decimal number or \":\" (suppressed) in settled, found \"12x\"; "
                 "leave the attribute out when missing"},
        BadInput{"doctype.xml", 2, 1,
                 "a DOCTYPE is not allowed: exchange files declare no entities; expected "
                 "<dataset> without one"},
        BadInput{"entity.xml", 4, 40,
                 "reference to an undeclared entity &nbsp;; expected &amp;, &lt;, &gt;, &quot;, "
                 "&apos; or a character reference (exchange files declare no entities)"},
        BadInput{"too-deep.xml", 4, 215,
                 "<title> is nested 33 elements deep; expected at most 32 (exchange files nest 4 "
                 "deep)"},
        BadInput{"newer-version.xml", 2, 1,
                 "the file is in version 2 of the exchange format, newer than this kdx reads "
                 "(version 1, namespace urn:kdx:data:1); read it with a newer kdx, or have it "
                 "written as version 1"}),
    [](const auto& info) {
        std::string name = fs::path(info.param.file).stem().string();
        name.erase(std::remove(name.begin(), name.end(), '-'), name.end());
        return name;
    });

// xmllint, reading the same malformed file, stops on the same line.
TEST(XmlRead, MalformedLineAgreesWithXmllint) {
    if (!have_xmllint()) GTEST_SKIP() << "xmllint not installed (apt-get install libxml2-utils)";
    CommandResult r = run("xmllint --noout " + sh_quote((data / "malformed.xml").string()));
    std::smatch m;
    ASSERT_TRUE(std::regex_search(r.err, m, std::regex("malformed\\.xml:([0-9]+): parser error")))
        << r.err;
    EXPECT_THAT(error_of(data / "malformed.xml"),
                HasSubstr("malformed.xml:" + m[1].str() + ":3: "));
}

TEST(XmlRead, AnExistingOutputIsLeftAsItWas) {
    fs::path dir = scratch_dir();
    fs::path out = dir / "out.xml";
    write_file(out, "earlier");
    CommandResult r = run_kdx("convert " + sh_quote((data / "bad-value.xml").string()) + " " +
                              sh_quote(out.string()));
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(read_file(out), "earlier");
    EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
}

TEST(XmlRead, OverlongTextIsRefused) {
    constexpr std::size_t text_limit = std::size_t(1) << 20;  // 1 MiB, as documented
    fs::path file = scratch_dir() / "long.xml";
    write_file(file, "<dataset xmlns=\"urn:kdx:data:1\" version=\"1\">\n<info>\n<title>" +
                         std::string(text_limit + 1, 'a') + "</title>\n</info>\n</dataset>\n");
    EXPECT_EQ(error_of(file), file.string() + ":3:8: text in <title> is " +
                                  std::to_string(text_limit + 1) +
                                  " bytes long; expected at most " + std::to_string(text_limit));
}

TEST(XmlRead, MalformedCharacterReferenceIsRefused) {
    fs::path file = scratch_dir() / "charref.xml";
    write_file(file,
               "<dataset xmlns=\"urn:kdx:data:1\" version=\"1\">\n"
               "<info><title>&#xZZ;</title></info>\n</dataset>\n");
    EXPECT_EQ(error_of(file), file.string() +
                                  ":2:14: malformed character reference; expected &#x, "
                                  "hexadecimal digits and \";\"");
}

TEST(XmlRead, FileOfOnlyTheNewerVersionAttributeIsRefused) {
    fs::path file = scratch_dir() / "v3.xml";
    write_file(file, "<dataset xmlns=\"urn:kdx:data:1\" version=\"3\"/>\n");
    EXPECT_THAT(error_of(file), HasSubstr(":1:1: the file is in version 3 of the exchange format"));
}

// The file is parsed whole, so its size is checked before it is read.
TEST(XmlRead, AFolderIsRefusedAsAFolder) {
    auto dir = kdx::test::scratch_dir() / "data.xml";
    kdx::test::fs::create_directories(dir);
    EXPECT_EQ(error_of(dir), dir.string() + ": is a folder; expected an XML file");
}

TEST(XmlRead, FileAboveMaxFileSizeIsRefusedBeforeParsing) {
    const fs::path file = example;
    const auto size = fs::file_size(file);
    kdx::Diagnostics diagnostics;
    auto read_with = [&](const std::string& limit) {
        return format()->read_dataset(file, {{"max-file-size", limit}}, diagnostics);
    };
    EXPECT_EQ(read_with(std::to_string(size)).municipalities.size(), 7u);
    try {
        read_with(std::to_string(size - 1));
        ADD_FAILURE() << "no error";
    } catch (const kdx::Error& e) {
        EXPECT_EQ(e.where().to_string(), file.string());
        EXPECT_THAT(e.message(), HasSubstr("the file is " + std::to_string(size) +
                                           " bytes, more than the limit of " +
                                           std::to_string(size - 1) + " (max-file-size)"));
    }
    EXPECT_THROW(read_with("0"), kdx::Error);
    EXPECT_THROW(read_with("lots"), kdx::Error);
}

}  // namespace
