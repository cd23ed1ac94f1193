#include "profile_format.hpp"

#include <fstream>
#include <sstream>

#include "kdx/error.hpp"
#include "kdx/options.hpp"
#include "nomination_reader.hpp"
#include "paragraphs.hpp"

namespace kdx::profile {

namespace {

constexpr std::uintmax_t max_text_size = 16u << 20;  // a profile is a few pages

std::string extension_of(const std::filesystem::path& p) {
    std::string e = p.extension().string();
    for (char& c : e)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return e;
}

}  // namespace

FormatInfo ProfileFormat::info() const {
    FormatInfo i;
    i.name = "profile";
    i.long_name = "Nomination profile (plain text, Markdown, Word .docx)";
    i.extensions = {"txt", "md", "docx"};
    i.capabilities = can_read_dataset;
    i.read_options = {
        {"municipality",
         OptionInfo::Type::string,
         "",
         {},
         "The nominee, as a number or a name (default: the title line, \"Steinkjer kommune\")"},
        {"year",
         OptionInfo::Type::integer,
         "0",
         {},
         "The prize year; 0 (the default) takes it from the line \"... er nominert til <prize> "
         "<year>\""},
        {"prize",
         OptionInfo::Type::string,
         "",
         {},
         "The prize, as its name or id (default: the nomination line, else the title's prefix)"},
    };
    return i;
}

Dataset ProfileFormat::read_dataset(const std::filesystem::path& input, const Options& options,
                                    Diagnostics& diagnostics) {
    // Checked here; read_nomination takes the given values as they are.
    [[maybe_unused]] OptionReader checked(info().read_options, options);
    const std::string file = input.string();
    const std::string ext = extension_of(input);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(input, ec))
        throw Error("not a file: a profile is a text, Markdown or Word file", Location::at(file));
    ProfileText text;
    std::ifstream in(input, std::ios::binary);
    char magic[2] = {};
    in.read(magic, 2);
    if (ext == ".docx" || (ext != ".txt" && ext != ".md" && magic[0] == 'P' && magic[1] == 'K')) {
        text = read_docx_profile(input, file, DocxLimits{});
    } else {
        if (std::filesystem::file_size(input, ec) > max_text_size)
            throw Error("the file is larger than " + std::to_string(max_text_size >> 20) +
                            " MiB, far more than a profile; refused",
                        Location::at(file));
        in.seekg(0);
        std::ostringstream content;
        content << in.rdbuf();
        text = read_text_profile(content.str(), file, ext == ".md" || ext == ".markdown");
    }
    return read_nomination(text, options, diagnostics);
}

}  // namespace kdx::profile
