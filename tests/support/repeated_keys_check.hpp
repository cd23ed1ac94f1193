// The check the CSV and XLSX readers share for a key given twice, run
// through the kdx command on a fixture of either format.
#pragma once

#include <gmock/gmock.h>

#include <string>

#include "test_support.hpp"

namespace kdx::test {

// A key given twice (5006 2018 with settled 10 and 12; 0301 2018 twice with
// the same figures; 5001 2018 with decided in one row and settled in another)
// is reported once per repetition, naming both places, and written once: the
// first figures win, a figure only the repetition gives is merged in. What
// convert writes validates without errors; the CSV it writes is read back
// with Python's csv module.
inline void check_repeated_keys(const fs::path& input, const std::string& first,
                                const std::string& again) {
    fs::path out = scratch_dir() / "repeated.csv";
    auto r = run_kdx("convert " + sh_quote(input.string()) + " " + sh_quote(out.string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_THAT(r.err, ::testing::HasSubstr(
                           again + ": warning: settlement 5006 2018 is given twice, at " + first +
                           " and here (settled 10 there, 12 here); the first is kept"));
    EXPECT_THAT(r.err, ::testing::HasSubstr("3 settlement records"));
    auto v = run_kdx("validate " + sh_quote(out.string()));
    EXPECT_EQ(v.exit_code, 0) << v.err;
    EXPECT_THAT(v.err + v.out, ::testing::HasSubstr("0 errors"));
    if (!fs::exists("/usr/bin/python3")) GTEST_SKIP() << "/usr/bin/python3 is not installed";
    auto py = run("/usr/bin/python3 -c " +
                  sh_quote("import csv, sys\n"
                           "with open(sys.argv[1], newline='', encoding='utf-8') as f:\n"
                           "    for r in csv.DictReader(f, strict=True):\n"
                           "        print(r['municipality'], r['year'], r['decided'] or '-', "
                           "r['settled'] or '-')\n") +
                  " " + sh_quote(out.string()));
    ASSERT_EQ(py.exit_code, 0) << py.err;
    EXPECT_EQ(py.out, "5006 2018 - 10\n0301 2018 6 5\n5001 2018 30 4\n");
}

}  // namespace kdx::test
