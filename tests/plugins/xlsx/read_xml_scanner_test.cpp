// The worksheet scanner reads text as an XML parser must: line ends
// normalised (XML 1.0, section 2.11), a leading byte order mark skipped,
// also where the part's chunks split a CR LF pair or the mark.
#include <gmock/gmock.h>
#include <zip.h>

#include "read_test_support.hpp"
#include "xlsx_read_xml.hpp"

namespace {

using namespace kdx::test;
using namespace kdx::test::xlsx;

// A zip holding one part, "p.xml".
fs::path zip_with_part(const fs::path& dir, const std::string& xml) {
    fs::path file = dir / "part.zip";
    int code = 0;
    zip_t* z = zip_open(file.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
    EXPECT_TRUE(z);
    zip_source_t* source = zip_source_buffer(z, xml.data(), xml.size(), 0);
    EXPECT_GE(zip_file_add(z, "p.xml", source, ZIP_FL_OVERWRITE), 0);
    EXPECT_EQ(zip_close(z), 0);
    return file;
}

// The text of the root element as the handler receives it.
class TextOf : public kdx::xlsx::XmlHandler {
  public:
    void start(const char*, const char**) override {}
    void end(const char*) override {}
    void text(const char* data, int size) override { text_.append(data, size); }
    std::string text_;
};

std::string scanned_text(const std::string& xml) {
    const fs::path file = zip_with_part(scratch_dir(), xml);
    kdx::xlsx::ReadLimits limits;
    kdx::xlsx::Package package(file, file.string(), limits);
    TextOf handler;
    kdx::xlsx::stream_part(package, "p.xml", handler);
    return handler.text_;
}

TEST(XlsxScanner, LineEndsAreNormalisedButACharacterReferenceIsKept) {
    EXPECT_EQ(scanned_text("<r>a\r\nb\rc\nd&#13;e&amp;\r\nf<![CDATA[g\r\nh\ri]]></r>"),
              "a\nb\nc\nd\re&\nfg\nh\ni");
}

TEST(XlsxScanner, ACrLfPairSplitBetweenChunksIsOneLineEnd) {
    // Package::stream hands the part over in chunks of 256 KiB.
    const std::size_t chunk = 1 << 18;
    const std::string head = "<r>";
    const std::string before(chunk - head.size() - 1, 'x');
    const std::string xml = head + before + "\r\n" + "y</r>";
    ASSERT_EQ(xml[chunk - 1], '\r');
    EXPECT_EQ(scanned_text(xml), before + "\ny");
}

TEST(XlsxScanner, AByteOrderMarkIsNotText) {
    EXPECT_EQ(scanned_text("\xEF\xBB\xBF<?xml version=\"1.0\"?><r>a</r>"), "a");
    EXPECT_EQ(scanned_text("\xEF\xBB\xBF<r>b</r>"), "b");
    // A mark anywhere else is text, and outside the root element an error.
    EXPECT_EQ(scanned_text("<r>\xEF\xBB\xBF</r>"), "\xEF\xBB\xBF");
    EXPECT_THROW(scanned_text("<r/>\xEF\xBB\xBF"), kdx::Error);
}

}  // namespace
