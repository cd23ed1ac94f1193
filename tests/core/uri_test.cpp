// Names that are URIs, and passwords masked in any text that may hold one.
#include "kdx/uri.hpp"

#include <gtest/gtest.h>

namespace {

TEST(Uri, SchemeOfAUriAndNoneForAFile) {
    EXPECT_EQ(kdx::uri_scheme("postgresql://kdx@db/kdx"), "postgresql");
    EXPECT_EQ(kdx::uri_scheme("PostgreSQL:///kdx?host=/tmp"), "postgresql");
    EXPECT_EQ(kdx::uri_scheme("store.kdx.sqlite"), "");
    EXPECT_EQ(kdx::uri_scheme("/data/imdi.csv"), "");
    EXPECT_EQ(kdx::uri_scheme("C://data/imdi.csv"), "");    // a drive, not a scheme
    EXPECT_EQ(kdx::uri_scheme("my file://x"), "");          // a space: a file name
    EXPECT_EQ(kdx::uri_scheme("data/postgresql://x"), "");  // not at the start
}

TEST(Uri, PasswordsAreMaskedWhereverTheyAre) {
    EXPECT_EQ(kdx::mask_passwords("postgresql://kdx:s3cret@db.example.no:5432/kdx"),
              "postgresql://kdx:***@db.example.no:5432/kdx");
    // '@' and ':' inside the password (percent-encoding is optional for libpq).
    EXPECT_EQ(kdx::mask_passwords("postgresql://kdx:p@ss:w@db/kdx"), "postgresql://kdx:***@db/kdx");
    EXPECT_EQ(kdx::mask_passwords("postgresql://kdx@/kdx?host=/tmp&password=s3cret&sslmode=off"),
              "postgresql://kdx@/kdx?host=/tmp&password=***&sslmode=off");
    EXPECT_EQ(kdx::mask_passwords("host=db password=s3cret dbname=kdx"),
              "host=db password=*** dbname=kdx");
    EXPECT_EQ(kdx::mask_passwords("host=db password='two words' dbname=kdx"),
              "host=db password=*** dbname=kdx");
    // In a message, twice; text without a password is left alone.
    EXPECT_EQ(kdx::mask_passwords("cannot read postgresql://a:x@h/d: see postgresql://b:y@h/d"),
              "cannot read postgresql://a:***@h/d: see postgresql://b:***@h/d");
    EXPECT_EQ(kdx::mask_passwords("postgresql://kdx@db/kdx and user@example.no: 12:30"),
              "postgresql://kdx@db/kdx and user@example.no: 12:30");
    EXPECT_EQ(kdx::mask_passwords("store.kdx.sqlite:3: error"), "store.kdx.sqlite:3: error");
}

}  // namespace
