// The CSV reader's limits (read options max-field-length, max-columns,
// max-rows): a hostile file fails with the line that broke the limit.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "host/plugin_host.hpp"
#include "kdx/error.hpp"
#include "test_support.hpp"

namespace kdx::test {
namespace {

using ::testing::HasSubstr;

class CsvLimits : public ::testing::Test {
  protected:
    void SetUp() override {
        fs::path plugin = plugin_build_dir() / "kdx_csv.so";
        if (!fs::exists(plugin)) GTEST_SKIP() << "kdx_csv.so is not built";
        const auto& record = host.load_file(plugin);
        format = host.find("csv");
        ASSERT_TRUE(format) << record.describe();
        dir = scratch_dir();
    }
    // "file:line[:col]: message" of the error, or "no error".
    std::string error_of(const std::string& content, const Options& options = {}) {
        fs::path file = dir / "in.csv";
        write_file(file, content);
        Diagnostics diagnostics;
        try {
            format->read_dataset(file, options, diagnostics);
        } catch (const Error& e) {
            return e.what();
        }
        return "no error";
    }
    std::string at(const std::string& where) const {
        return (dir / "in.csv").string() + ":" + where + ": ";
    }

    host::PluginHost host;
    std::shared_ptr<const host::LoadedFormat> format;
    fs::path dir;
};

const std::string head = "Kommunenr;År;Bosatt\n0301;2018;5\n";

TEST_F(CsvLimits, OptionsAreDeclared) {
    std::vector<std::string> names;
    for (const auto& o : format->info().read_options) names.push_back(o.name);
    EXPECT_THAT(names, ::testing::IsSupersetOf({"max-field-length", "max-columns", "max-rows"}));
}

TEST_F(CsvLimits, UnclosedQuoteInALargeFileStopsAtTheFieldLimit) {
    std::string content = head + "3413;2019;\"6\n";
    for (int i = 0; i < 2000; ++i) content += "3414;2020;7\n";
    std::string e = error_of(content, {{"max-field-length", "1000"}});
    EXPECT_THAT(e, ::testing::StartsWith(at("3:3")));
    EXPECT_THAT(e, HasSubstr("a field of more than 1000 bytes starts here (a quote \" missing?"));
    // The default is 1 MiB.
    std::string big = head + "3413;2019;\"" + std::string(1100000, 'x') + "\"\n";
    EXPECT_THAT(error_of(big), HasSubstr("a field of more than 1048576 bytes"));
    EXPECT_EQ(error_of(big, {{"max-field-length", "2000000"}}), "no error");
}

TEST_F(CsvLimits, TooManyColumns) {
    std::string content = head + "0301;2019;" + std::string(20000, ';') + "\n";
    std::string e = error_of(content);
    EXPECT_THAT(e, ::testing::StartsWith(at("3")));
    EXPECT_THAT(e, HasSubstr("more than 16384 fields in one record"));
    EXPECT_THAT(error_of(head, {{"max-columns", "2"}}), HasSubstr(at("1") + "more than 2 fields"));
}

TEST_F(CsvLimits, TooManyRows) {
    std::string content = head + "3413;2019;6\n3414;2019;7\n";
    std::string e = error_of(content, {{"max-rows", "3"}});
    EXPECT_THAT(e, ::testing::StartsWith(at("4")));
    EXPECT_THAT(e, HasSubstr("more than 3 records"));
    EXPECT_EQ(error_of(content, {{"max-rows", "4"}}), "no error");
}

TEST_F(CsvLimits, BadLimitValuesAreRefused) {
    // Not a number at all: the grammar every option shares refuses it.
    for (const std::string v : {"ten", "", "99999999999999999999"})
        EXPECT_THAT(error_of(head, {{"max-rows", v}}),
                    HasSubstr("option max-rows: expected a whole number, found \"" + v + "\""))
            << v;
    // A number, but no limit: the reader's range check.
    for (const std::string v : {"0", "-1"})
        EXPECT_THAT(error_of(head, {{"max-rows", v}}),
                    HasSubstr("option max-rows: expected a whole number from 1 up"))
            << v;
}

}  // namespace
}  // namespace kdx::test
