// A profile as a list of paragraphs, the same whatever file it came from, so
// that one reader (nomination_reader.cpp) interprets text, Markdown and Word.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace kdx::profile {

struct Paragraph {
    enum class Kind { text, heading, list_item };
    Kind kind = Kind::text;
    int level = 0;        // heading level; 1 is the title
    std::string text;     // one line, spaces collapsed; "*...*" marks emphasis
    unsigned line = 0;    // 1-based line (text, Markdown) or paragraph (Word)
    bool marked = false;  // the file says it is a heading (style, '#', bold only)
};

struct ProfileText {
    std::string file;                    // as named in diagnostics
    bool numbered_by_paragraph = false;  // Word: Paragraph::line counts paragraphs
    std::vector<Paragraph> paragraphs;
    std::map<std::string, std::string> front_matter;  // lower-case key -> value
    std::map<std::string, unsigned> front_matter_lines;
};

// Plain text or Markdown (`markdown`: '#' headings, '-', '*' and '1.' lists,
// bold-only lines as headings). Both take a front matter block between two
// "---" lines at the top. Throws kdx::Error for text that is not UTF-8.
ProfileText read_text_profile(const std::string& content, std::string file, bool markdown);

// The paragraphs of a Word document (.docx). Throws kdx::Error for a file that
// is not one, or that breaks the size limits.
struct DocxLimits {
    std::uint64_t max_part_size = 64ull << 20;  // bytes, uncompressed
    std::uint64_t max_compression_ratio = 200;  // for parts above 1 MiB
};
ProfileText read_docx_profile(const std::filesystem::path& path, std::string file,
                              const DocxLimits& limits);

}  // namespace kdx::profile
