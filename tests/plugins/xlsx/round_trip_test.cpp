// The whole model through kdx's own dataset workbook and back: the bundled
// 2018 example (exchange format) to XLSX and back to XML, compared with the
// original element by element by Python's xml.etree, so that programmes,
// nominations with their sections, municipalities' language forms and the
// dataset's description and data sources all survive.
#include <gmock/gmock.h>

#include "test_support.hpp"

namespace {

using namespace kdx::test;

TEST(XlsxRoundTrip, TheExampleDatasetComesBackWhole) {
    if (!have_program("/usr/bin/python3")) GTEST_SKIP() << "/usr/bin/python3 is not installed";
    fs::path dir = scratch_dir();
    fs::path example = source_dir() / "examples" / "data" / "nominees-2018.xml";
    CommandResult out = run_kdx("convert " + sh_quote(example.string()) + " " +
                                sh_quote((dir / "d.xlsx").string()));
    ASSERT_EQ(out.exit_code, 0) << out.err;
    CommandResult back = run_kdx("convert " + sh_quote((dir / "d.xlsx").string()) + " " +
                                 sh_quote((dir / "d.xml").string()));
    ASSERT_EQ(back.exit_code, 0) << back.err;
    fs::path script = dir / "compare.py";
    // Every element with its attributes and text, as a multiset per tag; the
    // provenance notes are compared apart (reading adds one for the workbook).
    write_file(script, R"(import sys, collections, xml.etree.ElementTree as ET
def load(path):
    out = collections.defaultdict(collections.Counter)
    for e in ET.parse(path).getroot().iter():
        tag = e.tag.split('}')[1]
        out[tag][(tuple(sorted(e.attrib.items())), (e.text or '').strip())] += 1
    return out
a, b = load(sys.argv[1]), load(sys.argv[2])
for tag in sorted(set(a) | set(b)):
    if tag == 'provenance':
        missing = a[tag] - b[tag]
    else:
        missing, extra = a[tag] - b[tag], b[tag] - a[tag]
        for item in extra: print('extra', tag, item)
    for item in missing: print('lost', tag, item)
print('compared', sum(sum(c.values()) for c in a.values()))
)");
    CommandResult cmp = run("/usr/bin/python3 " + sh_quote(script.string()) + " " +
                            sh_quote(example.string()) + " " + sh_quote((dir / "d.xml").string()));
    ASSERT_EQ(cmp.exit_code, 0) << cmp.err;
    EXPECT_EQ(cmp.out.rfind("compared ", 0), 0u) << "differences from the example:\n" << cmp.out;
    EXPECT_GE(std::stoi(cmp.out.substr(cmp.out.rfind("compared ") + 9)), 90) << cmp.out;
}

}  // namespace
