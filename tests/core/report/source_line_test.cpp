// The source line a report prints, against the sentences the issue gives as
// how IMDi's statistics are cited in each language.
#include "report/source_line.hpp"

#include <gtest/gtest.h>

namespace {

using kdx::report::as_of_phrase;
using kdx::report::source_line;

kdx::DataSource imdi() {
    kdx::DataSource s;
    s.publisher = "IMDi";
    s.title_nb = "bosettingsstatistikk";
    s.title_en = "settlement statistics";
    s.as_of = "2015-10";
    s.link = "https://www.imdi.no/";
    return s;
}

TEST(SourceLine, InEachLanguage) {
    EXPECT_EQ(source_line(imdi(), "nb"), "IMDi, bosettingsstatistikk, tall per oktober 2015");
    EXPECT_EQ(source_line(imdi(), "nn"), "IMDi, bosettingsstatistikk, tal per oktober 2015");
    EXPECT_EQ(source_line(imdi(), "en"), "IMDi, settlement statistics, figures as of October 2015");
}

TEST(SourceLine, DatesAsPeopleWriteThem) {
    EXPECT_EQ(as_of_phrase("2026-12-04", "nn"), "tal per 4. desember 2026");
    EXPECT_EQ(as_of_phrase("2026-12-04", "en"), "figures as of 4 December 2026");
    EXPECT_EQ(as_of_phrase("2014", "nb"), "tall for 2014");
}

TEST(SourceLine, LeavesOutWhatItCannotSay) {
    // A date that is not ISO is not printed raw; a missing title is skipped.
    kdx::DataSource s = imdi();
    s.as_of = "oktober 2015";
    EXPECT_EQ(source_line(s, "nb"), "IMDi, bosettingsstatistikk");
    s.as_of = "2015-13";
    s.title_nb.clear();
    EXPECT_EQ(source_line(s, "nb"), "IMDi");  // no English title in a Norwegian report
    EXPECT_EQ(source_line(s, "en"), "IMDi, settlement statistics");
    EXPECT_EQ(source_line(kdx::DataSource{}, "nb"), "");
}

}  // namespace

TEST(SourceLine, LicenceAndLinkWhenAskedAndPresent) {
    kdx::DataSource s = imdi();
    s.licence = "NLOD";
    s.link = "https://www.imdi.no/tall-og-statistikk/";
    EXPECT_EQ(source_line(s, "nb", true, true),
              "IMDi, bosettingsstatistikk, tall per oktober 2015, lisens NLOD, "
              "https://www.imdi.no/tall-og-statistikk/");
    EXPECT_EQ(source_line(s, "en", true, false),
              "IMDi, settlement statistics, figures as of October 2015, licence NLOD");
    EXPECT_EQ(source_line(s, "nn", false, false),
              "IMDi, bosettingsstatistikk, tal per oktober 2015");
    s.licence.clear();
    EXPECT_EQ(source_line(s, "nn", true, false),
              "IMDi, bosettingsstatistikk, tal per oktober 2015");
}
