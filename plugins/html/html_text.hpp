// Text into HTML: escaped, and valid. A Document's strings come from user
// data; whatever bytes they hold, the page must parse as the text it shows.
#pragma once

#include <string>
#include <string_view>

#include "kdx/diagnostics.hpp"

namespace kdx::html {

class HtmlText {
  public:
    // Warnings name `file` (the page being written).
    HtmlText(Diagnostics& diagnostics, std::string file)
        : diagnostics_(diagnostics), file_(std::move(file)) {}

    // `text` escaped for element content and quoted attribute values (& < > "
    // '). Bytes that are not UTF-8, and characters HTML forbids (controls
    // other than tab, LF and CR; noncharacters), become U+FFFD, with one
    // warning per string naming `where` ("table \"Bosetting\", row 2").
    std::string operator()(std::string_view text, const std::string& where);

    // `text` escaped as element content: as operator() does, with each Sámi or
    // Kven name form (kdx/text_language.hpp) in a <span lang="se"> (WCAG 2.1,
    // 3.1.2 Language of Parts). Not for attributes or SVG, where a span is
    // not allowed.
    std::string content(std::string_view text, const std::string& where);

  private:
    void warn(const std::string& first_bad, const std::string& where);

    Diagnostics& diagnostics_;
    std::string file_;
};

}  // namespace kdx::html
