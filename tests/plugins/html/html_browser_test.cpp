// The pages in a real browser: Debian's Chromium, headless, driven by
// puppeteer-core, runs axe-core with the WCAG 2.0/2.1 A and AA rules and
// axe's best practices on every shipped template in nb, nn and en
// (tests/browser/axe_check.mjs). Skipped only when Chromium, Node or the npm
// packages (`npm ci` in tests/browser) are missing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>

#include "html_test_support.hpp"

namespace {

using ::testing::HasSubstr;
using ::testing::Not;
namespace html = kdx::test::html;
namespace fs = std::filesystem;
using kdx::test::run;
using kdx::test::sh_quote;

std::string chromium() {
    const char* given = std::getenv("KDX_CHROMIUM");
    return given && *given ? given : "/usr/bin/chromium";
}

// Why the check cannot run here, or "".
std::string missing() {
    if (::access(chromium().c_str(), X_OK) != 0)
        return chromium() + " is missing: apt-get install chromium (or set KDX_CHROMIUM)";
    if (!kdx::test::have_program("node")) return "node is missing: apt-get install nodejs npm";
    const fs::path modules = fs::path(KDX_BROWSER_DIR) / "node_modules";
    for (const char* package : {"puppeteer-core", "axe-core"})
        if (!fs::exists(modules / package / "package.json"))
            return std::string(package) + " is not installed: run npm ci in tests/browser";
    return "";
}

#define KDX_REQUIRE_BROWSER() \
    if (std::string why = missing(); !why.empty()) GTEST_SKIP() << why

kdx::test::CommandResult axe(const std::string& arguments) {
    return run("node " + sh_quote((fs::path(KDX_BROWSER_DIR) / "axe_check.mjs").string()) + " " +
               arguments);
}

TEST(HtmlInChromium, EveryTemplateInEveryLanguageHasNoAxeViolation) {
    KDX_REQUIRE_BROWSER();
    std::string files;
    const auto pages = html::write_shipped_templates(kdx::test::scratch_dir());
    ASSERT_EQ(pages.size(), 12u);
    for (const auto& w : pages) files += " " + sh_quote(w.file.string());
    auto r = axe(files);
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_THAT(r.out, HasSubstr("12 of 12 pages without violations")) << r.out << r.err;
    EXPECT_THAT(r.out, HasSubstr("wcag21aa"));
    EXPECT_THAT(r.out, Not(HasSubstr("FAIL")));
}

// The check can fail: a page with faults axe knows, and a kdx page whose
// grey text is made too light (2.5:1 where AA asks 4.5:1).
TEST(HtmlInChromium, TheCheckFindsFaults) {
    KDX_REQUIRE_BROWSER();
    auto dir = kdx::test::scratch_dir();
    kdx::test::write_file(dir / "faulty.html",
                          "<!DOCTYPE html><html><head><title>x</title></head><body><main>"
                          "<h1>Faulty</h1><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\">"
                          "<p style=\"color:#bbbbbb\">Too light</p></main></body></html>");
    const auto pages = html::write_shipped_templates(dir / "kdx");
    ASSERT_FALSE(pages.empty());
    std::string page = kdx::test::read_file(pages.back().file);
    std::size_t replaced = 0;
    for (std::size_t at = page.find("#5c616b"); at != std::string::npos;
         at = page.find("#5c616b", at + 1), ++replaced)
        page.replace(at, 7, "#a0a4ab");
    ASSERT_GT(replaced, 0u);
    kdx::test::write_file(dir / "light.html", page);
    auto r = axe(sh_quote((dir / "faulty.html").string()) + " " +
                 sh_quote((dir / "light.html").string()));
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    EXPECT_THAT(r.out, HasSubstr("FAIL " + (dir / "faulty.html").string()));
    EXPECT_THAT(r.out, HasSubstr("html-has-lang"));
    EXPECT_THAT(r.out, HasSubstr("image-alt"));
    EXPECT_THAT(r.out, HasSubstr("FAIL " + (dir / "light.html").string()));
    EXPECT_THAT(r.out.substr(r.out.find("FAIL " + (dir / "light.html").string())),
                HasSubstr("color-contrast"));
    EXPECT_THAT(r.out, HasSubstr("0 of 2 pages without violations"));
}

}  // namespace
