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

  private:
    Diagnostics& diagnostics_;
    std::string file_;
};

}  // namespace kdx::html
