// The binary form in which kdx hands a dataset or a document to a plugin in
// a child process (core/src/host/wire.hpp): what comes back out is what went
// in, checked by writing both with a plugin in process and comparing the
// bytes; a truncated message is an error, not a crash.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "host/runner_protocol.hpp"
#include "host/wire.hpp"
#include "kdx/error.hpp"
#include "sample_data.hpp"
#include "test_support.hpp"

namespace kdx::test {
namespace {

const fs::path example = source_dir() / "examples/data/nominees-2018.xml";

template <typename T>
T round_trip(const T& value) {
    host::wire::Writer w;
    host::wire::put_header(w);
    host::wire::put(w, value);
    host::wire::Reader r(w.bytes(), "test message");
    host::wire::get_header(r);
    T back;
    host::wire::get(r, back);
    EXPECT_TRUE(r.at_end());
    return back;
}

std::string dataset_bytes(const std::string& format, const Dataset& d, const fs::path& file) {
    Diagnostics diagnostics;
    built_format(format)->write_dataset(d, file, {}, diagnostics);
    return read_file(file);
}

TEST(WireRoundTrip, TheExampleDatasetWritesTheSameBytes) {
    auto xml = built_format("xml");
    ASSERT_TRUE(xml);
    ReadResult read = read_with(*xml, example);
    ASSERT_FALSE(read.dataset.municipalities.empty());
    const Dataset back = round_trip(read.dataset);
    const fs::path dir = scratch_dir();
    for (const std::string format : {"xml", "csv", "jsonstat"}) {
        const std::string direct = dataset_bytes(format, read.dataset, dir / ("direct." + format));
        EXPECT_EQ(dataset_bytes(format, back, dir / ("back." + format)), direct) << format;
        EXPECT_GT(direct.size(), 100u) << format;
    }
}

TEST(WireRoundTrip, AReportDocumentWritesTheSameBytes) {
    auto xml = built_format("xml");
    ASSERT_TRUE(xml);
    const Dataset data = read_with(*xml, example).dataset;
    SampleRequest request;
    request.municipality = "5004";
    request.year = 2014;
    request.nomination_year = 2018;
    request.date = "2018-12-21";
    request.data_file = example.string();
    const Document doc = shipped_document("imdi-dossier", data, request);
    const Document back = round_trip(doc);
    const fs::path dir = scratch_dir();
    Diagnostics diagnostics;
    xml->write_document(doc, dir / "direct.xml", {}, diagnostics);
    xml->write_document(back, dir / "back.xml", {}, diagnostics);
    EXPECT_EQ(read_file(dir / "back.xml"), read_file(dir / "direct.xml"));
    EXPECT_GT(read_file(dir / "direct.xml").size(), 1000u);
}

TEST(WireRoundTrip, OptionsAndDiagnosticsSurvive) {
    Options options{{"paper", "letter"}, {"header", "ja"}, {"empty", ""}};
    EXPECT_EQ(round_trip(options), options);
    Diagnostics diagnostics;
    diagnostics.warning("ø is not å", Location::at("in.csv", 3, 7));
    diagnostics.error("bad");
    const Diagnostics back = round_trip(diagnostics);
    ASSERT_EQ(back.items().size(), 2u);
    EXPECT_EQ(back.items()[0].message, "ø is not å");
    EXPECT_EQ(back.items()[0].where.to_string(), diagnostics.items()[0].where.to_string());
    EXPECT_EQ(back.items()[1].severity, Severity::error);
}

// Every prefix of a real request is refused with an error naming the
// message, never read past its end.
TEST(WireRoundTrip, ATruncatedRequestIsAnError) {
    auto xml = built_format("xml");
    ASSERT_TRUE(xml);
    const Dataset data = read_with(*xml, example).dataset;
    const std::string bytes = host::runner::encode_request(
        host::runner::Operation::write_dataset, "/p.so", "xml", "/out.xml", {}, &data, nullptr);
    EXPECT_NO_THROW(host::runner::decode_request(bytes));
    for (std::size_t n = 0; n < bytes.size(); n += 1 + n / 8) {
        try {
            host::runner::decode_request(bytes.substr(0, n));
            ADD_FAILURE() << "a request cut at " << n << " was read";
        } catch (const Error& e) {
            EXPECT_THAT(e.what(), ::testing::HasSubstr("plugin request")) << n;
        }
    }
}

}  // namespace
}  // namespace kdx::test
