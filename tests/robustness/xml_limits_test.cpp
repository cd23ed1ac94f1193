// Hostile report templates and mapping files: each gets a `file:line: ...`
// error saying what is wrong, never a crash or a silently odd value.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "kdx/error.hpp"
#include "report/report_template.hpp"
#include "table/mapping.hpp"
#include "test_support.hpp"

namespace kdx::test {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

enum class Reader { report_template, mapping };

const char* template_open =
    "<?xml version=\"1.0\"?>\n"
    "<report-template xmlns=\"urn:kdx:report-template:1\" version=\"1\" id=\"t\">\n";
const char* template_good_body =
    "<title><text lang=\"nb\">Bosetting</text></title><blocks><page-break/></blocks>\n";
const char* mapping_open =
    "<?xml version=\"1.0\"?>\n<mapping xmlns=\"urn:kdx:mapping:1\" version=\"1\">\n";

class XmlLimits : public ::testing::TestWithParam<Reader> {
  protected:
    void SetUp() override { dir = scratch_dir(); }

    std::string open() const {
        return GetParam() == Reader::mapping ? mapping_open : template_open;
    }
    std::string close() const {
        return GetParam() == Reader::mapping ? "</mapping>\n" : "</report-template>\n";
    }
    // An element the reader accepts, with `text` as its content.
    std::string element_with_text(const std::string& text) const {
        return GetParam() == Reader::mapping
                   ? "<source>" + text + "</source>\n"
                   : "<subject><text lang=\"nb\">" + text + "</text></subject>\n";
    }
    std::string good() const {
        return open() + (GetParam() == Reader::mapping ? "" : template_good_body) + close();
    }

    // "file:line: message", or "no error".
    std::string error_of(const std::string& content) {
        fs::path file = dir / "in.xml";
        write_file(file, content);
        try {
            if (GetParam() == Reader::mapping)
                table_detail::load_mapping(file.string());
            else
                report::read_template(file);
        } catch (const Error& e) {
            return e.what();
        }
        return "no error";
    }
    std::string at(int line) const {
        return (dir / "in.xml").string() + ":" + std::to_string(line) + ": ";
    }

    fs::path dir;
};

TEST_P(XmlLimits, GoodFileReads) { EXPECT_EQ(error_of(good()), "no error"); }

TEST_P(XmlLimits, DoctypeAndEntitiesAreRefused) {
    std::string e = error_of(
        "<?xml version=\"1.0\"?>\n<!-- a comment -->\n"
        "<!DOCTYPE x [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>\n" +
        open().substr(22) + close());
    EXPECT_THAT(e, StartsWith(at(3)));
    EXPECT_THAT(e, HasSubstr("a DOCTYPE is not allowed"));
    // An external entity is refused before anything could be read.
    e = error_of("<!DOCTYPE x [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n" +
                 open().substr(22) + element_with_text("&secret;") + close());
    EXPECT_THAT(e, StartsWith(at(1)));
    EXPECT_THAT(e, HasSubstr("a DOCTYPE is not allowed"));
}

TEST_P(XmlLimits, DeeplyNestedDoctypeDoesNotCrash) {
    std::string nested = "<!DOCTYPE x [";
    for (int i = 0; i < 200000; ++i) nested += "<![";
    EXPECT_THAT(error_of(nested), StartsWith(at(1)));
}

TEST_P(XmlLimits, DeepNestingIsRefused) {
    std::string deep;
    for (int i = 0; i < 100000; ++i) deep += "<a>";
    for (int i = 0; i < 100000; ++i) deep += "</a>";
    std::string e = error_of(open() + deep + "\n" + close());
    EXPECT_THAT(e, StartsWith(at(3)));
    EXPECT_THAT(e, HasSubstr("nested more than 32 deep"));
}

TEST_P(XmlLimits, LongTextAndAttributesAreRefused) {
    std::string e = error_of(open() + "\n" + element_with_text(std::string(70000, 'x')) + close());
    EXPECT_THAT(e, StartsWith(at(4)));
    EXPECT_THAT(e, HasSubstr("a text has 70000 bytes; at most 65536 are allowed"));

    e = error_of(open() + "<x y=\"" + std::string(70000, 'y') + "\"/>\n" + close());
    EXPECT_THAT(e, StartsWith(at(3)));
    EXPECT_THAT(e, HasSubstr("attribute y on <x> has 70000 bytes"));

    e = error_of(open() + "<" + std::string(1000, 'n') + "/>\n" + close());
    EXPECT_THAT(e, StartsWith(at(3)));
    EXPECT_THAT(e, HasSubstr("an element name has 1000 bytes; at most 256"));
}

TEST_P(XmlLimits, HugeFileIsRefusedWithoutReadingIt) {
    std::string e = error_of(open() + "<!--" + std::string(2 * 1024 * 1024, ' ') + "-->" + close());
    EXPECT_THAT(e, StartsWith(at(1)));
    EXPECT_THAT(e, HasSubstr("larger than 1048576 bytes"));
}

TEST_P(XmlLimits, InvalidUtf8IsRefusedWithItsLine) {
    for (const std::string bad : {"\xff", "\xc3", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80"}) {
        std::string e =
            error_of(open() + "\n" + element_with_text("Tr" + bad + "ndelag") + close());
        EXPECT_THAT(e, StartsWith(at(4))) << "bytes " << ::testing::PrintToString(bad);
        EXPECT_THAT(e, HasSubstr("invalid UTF-8")) << ::testing::PrintToString(bad);
    }
    // Latin-1 instead of UTF-8, as a spreadsheet export might save it.
    EXPECT_THAT(error_of(open() + element_with_text("Troms\xf8") + close()),
                HasSubstr("invalid UTF-8 (byte 0xF8); expected a UTF-8 file"));
}

TEST_P(XmlLimits, ControlCharactersAreRefused) {
    std::string e = error_of(open() + "\n\n" + element_with_text("bell\x07") + close());
    EXPECT_THAT(e, StartsWith(at(5)));
    EXPECT_THAT(e, HasSubstr("control character U+0007"));
    // Written as a reference: pugixml turns it into the character itself.
    e = error_of(open() + element_with_text("bell&#7;") + close());
    EXPECT_THAT(e, StartsWith(at(3)));
    EXPECT_THAT(e, HasSubstr("control character U+0007"));
    e = error_of(open() + element_with_text("half&#xD800;") + close());
    EXPECT_THAT(e, HasSubstr("invalid UTF-8"));
    EXPECT_THAT(error_of(open() + element_with_text(std::string("nul\0", 4)) + close()),
                HasSubstr("control character U+0000"));
}

TEST_P(XmlLimits, ByteOrderMarkAndNorwegianLettersAreFine) {
    std::string body = GetParam() == Reader::mapping
                           ? "<source>Tromsø, Øvre Eiker, Ålesund, Sørfold</source>\n"
                           : template_good_body;
    EXPECT_EQ(error_of("\xEF\xBB\xBF" + open() + body + close()), "no error");
}

INSTANTIATE_TEST_SUITE_P(Readers, XmlLimits,
                         ::testing::Values(Reader::report_template, Reader::mapping),
                         [](const auto& info) {
                             return info.param == Reader::mapping ? "Mapping" : "ReportTemplate";
                         });

}  // namespace
}  // namespace kdx::test
