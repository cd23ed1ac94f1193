// A report on a merged municipality after --harmonise-to: Voss (4621) is
// 1235 Voss and 1234 Granvin before 2020. The report names them, its counts
// are the sums of the two, and its shares are recomputed from those sums.
// Expected figures come from IMDi's file read with Python's csv module;
// the report is read back with Python's ElementTree and pdftotext.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "pdf_test_support.hpp"

namespace {

namespace fs = std::filesystem;
using kdx::test::run;
using kdx::test::sh_quote;
using ::testing::HasSubstr;

// Sums requested, decided and settled of 1234 and 1235 per year from the CSV
// ("." is no figure: a sum with a missing part is missing), and compares
// them, and settled/requested in per cent, with the rows of the XML report's
// settlement table. Prints one line per difference.
constexpr const char* compare = R"py(
import csv, sys
import xml.etree.ElementTree as ET
sums = {}
with open(sys.argv[1], encoding='utf-8', newline='') as f:
    for r in csv.DictReader(f):
        if r['kommune_id'] not in ('1234', '1235'): continue
        k = ('anmodning', 'vedtak', 'bosatt')
        if r['bosetting'] not in k: continue
        year = sums.setdefault(r['aar'], {i: [] for i in k})
        year[r['bosetting']].append(None if r['tabellvariabel'] == '.' else float(r['tabellvariabel']))
def total(parts):
    return None if len(parts) != 2 or None in parts else sum(parts)
rows = {}
local = lambda e: e.tag.rsplit('}', 1)[-1]
for row in (e for e in ET.parse(sys.argv[2]).getroot().iter() if local(e) == 'row'):
    cells = [c.get('value') for c in row if local(c) == 'cell']
    if len(cells) == 5 and cells[0] in sums: rows[cells[0]] = cells
if sorted(rows) != ['2012', '2013', '2014']: print('rows', sorted(rows))
for year, s in sums.items():
    want = [total(s['anmodning']), total(s['vedtak']), total(s['bosatt'])]
    want.append(None if None in (want[0], want[2]) or want[0] == 0 else 100 * want[2] / want[0])
    got = [None if v is None else float(v) for v in rows.get(year, [None] * 5)[1:]]
    for name, w, g in zip(('requested', 'decided', 'settled', 'share'), want, got):
        if (w is None) != (g is None) or (w is not None and abs(w - g) > 1e-6):
            print(year, name, 'expected', w, 'found', g)
# The outcomes table: IMDi's settled-share outcomes, recomputed for the
# merged municipality from the summed counts, not summed and not dropped.
shares = {}
for row in (e for e in ET.parse(sys.argv[2]).getroot().iter() if local(e) == 'row'):
    cells = [c for c in row if local(c) == 'cell']
    if len(cells) != 3 or 'prosent av' not in (cells[0].text or ''): continue
    kind = 'requested' if 'oppmoding' in cells[0].text else 'decided'
    shares[(kind, cells[1].get('value'))] = cells[2].get('value')
for year, s in sums.items():
    settled = total(s['bosatt'])
    for kind, whole in (('requested', total(s['anmodning'])), ('decided', total(s['vedtak']))):
        want = None if None in (settled, whole) or whole == 0 else 100 * settled / whole
        got = shares.get((kind, year))
        got = None if got is None else float(got)
        if (want is None) != (got is None) or (want is not None and abs(want - got) > 1e-6):
            print(year, 'settled-share-of-' + kind, 'expected', want, 'found', got)
)py";

TEST(MergedMunicipality, VossHarmonisedTo2024SumsVossAndGranvinAndSaysSo) {
    if (!kdx::test::pdf::have_poppler() || !fs::exists("/usr/bin/python3"))
        GTEST_SKIP() << "pdftotext or /usr/bin/python3 is not installed";
    fs::path dir = kdx::test::scratch_dir();
    fs::path data = kdx::test::data_dir() / "imdi" / "imdi-settlement-2012-2014.csv";
    auto r = kdx::test::run_kdx("report -t council-report -d " + sh_quote(data.string()) +
                                " --harmonise-to 2024 --municipality 4621 --year 2014"
                                " --format pdf,xml --out " +
                                sh_quote(dir.string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    fs::path xml, pdf;
    for (const auto& e : fs::directory_iterator(dir)) {
        if (e.path().extension() == ".xml") xml = e.path();
        if (e.path().extension() == ".pdf") pdf = e.path();
    }
    ASSERT_FALSE(xml.empty());
    ASSERT_FALSE(pdf.empty());

    auto check = run("/usr/bin/python3 -c " + sh_quote(compare) + " " + sh_quote(data.string()) +
                     " " + sh_quote(xml.string()));
    EXPECT_EQ(check.exit_code, 0) << check.err;
    EXPECT_EQ(check.out, "");

    std::string text = kdx::test::pdf::squeeze(kdx::test::pdf::pdf_text(pdf));
    EXPECT_THAT(text, HasSubstr("Tala før 2020 er summen av Voss og Granvin"));
    EXPECT_THAT(text, HasSubstr("Busette i prosent av oppmoding"));
}

// Shares IMDi publishes per municipality are recomputed for every merger from
// the summed counts and said once, not warned about per row; a rate the data
// cannot give (per 1000 without populations) keeps today's warning.
TEST(MergedMunicipality, DerivableSharesAreRecomputedAndSaidOnce) {
    fs::path data = kdx::test::data_dir() / "imdi" / "imdi-settlement-2012-2014.csv";
    auto r = kdx::test::run_kdx("--diagnostics all validate " + sh_quote(data.string()) +
                                " --harmonise-to 2024");
    // Voss and Granvin have requested and settled counts in every year.
    EXPECT_THAT(r.err, ::testing::Not(HasSubstr("settled-share-of-requested 2012: 1234 Granvin")));
    // Neither had a decision registered in 2012: no share of decided to give.
    EXPECT_THAT(r.err,
                HasSubstr("outcome settled-share-of-decided 2012: 1234 Granvin and 1235 Voss "
                          "became 4621 Voss by 2024; a share or rate is not summed and the "
                          "data cannot give it"));
    // Tjeldsund's decision of 2014 is missing: no share of decided to give.
    EXPECT_THAT(r.err, HasSubstr("outcome settled-share-of-decided 2014: 1852 Tjeldsund and 1913 "
                                 "Skånland became 5512 Dielddanuorri - Tjeldsund by 2024; a share "
                                 "or rate is not summed and the data cannot give it"));
    EXPECT_THAT(r.err, HasSubstr("outcome settled-per-1000 "));
    EXPECT_THAT(r.err, ::testing::MatchesRegex(
                           "(.|\n)*info: [0-9]+ shares and rates of merged municipalities "
                           "recomputed from their summed counts, not summed "
                           "\\(settled-share-of-decided [0-9]+, settled-share-of-requested "
                           "[0-9]+\\)(.|\n)*"));
}

TEST(MergedMunicipality, AnUnmergedMunicipalityHasNoSuchNote) {
    if (!kdx::test::pdf::have_poppler()) GTEST_SKIP() << "pdftotext is not installed";
    fs::path dir = kdx::test::scratch_dir();
    fs::path data = kdx::test::data_dir() / "imdi" / "imdi-settlement-2012-2014.csv";
    // Kvam (1238 -> 4622) only got a new number.
    auto r = kdx::test::run_kdx("report -t council-report -d " + sh_quote(data.string()) +
                                " --harmonise-to 2024 --municipality 4622 --year 2014"
                                " --format pdf --out " +
                                sh_quote(dir.string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const auto& e : fs::directory_iterator(dir))
        EXPECT_THAT(kdx::test::pdf::squeeze(kdx::test::pdf::pdf_text(e.path())),
                    ::testing::Not(HasSubstr("summen av")));
}

}  // namespace
