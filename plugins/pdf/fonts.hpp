// Fonts for the PDF: found through fontconfig or given as files, embedded as
// Identity-H subsets with a ToUnicode map, measured with their own metrics.
#pragma once

#include <array>
#include <map>
#include <string>
#include <unordered_map>

#include "kdx/diagnostics.hpp"
#include "kdx/format.hpp"
#include "text_metrics.hpp"

namespace PoDoFo {
class PdfFont;
class PdfFontMetrics;
class PdfMemDocument;
}  // namespace PoDoFo

namespace kdx::pdf {

// The TrueType files for regular, bold and italic text.
struct FontFiles {
    std::string family;                // as shown in messages
    std::array<std::string, 3> files;  // indexed by FontStyle
};

// Resolves the options "font" (a fontconfig family or a TrueType file),
// "font-bold" and "font-italic". A face the family lacks falls back to the
// regular file with a note in `diagnostics`. Throws kdx::Error for an unknown
// family, a missing file, or a file that is not TrueType.
FontFiles find_font_files(const Options& options, Diagnostics& diagnostics);

class FontSet : public TextMetrics {
  public:
    // Fonts are created in `document` when first used, so a document without
    // emphasis carries no italic font; throws kdx::Error if PoDoFo cannot load a file.
    FontSet(PoDoFo::PdfMemDocument& document, const FontFiles& files);

    PoDoFo::PdfFont* pdf_font(FontStyle style) const { return face(style).font; }

    double width(std::string_view text, FontStyle style, double size) const override;
    double ascent(FontStyle style, double size) const override;
    std::string checked(std::string_view text, FontStyle style, const std::string& where) override;

    // Embeds the subsets now, with each glyph's exact advance in /W: PoDoFo
    // rounds the widths from hinted metrics, which PDF/A validators reject.
    void embed(PoDoFo::PdfMemDocument& document) const;

    // One warning per character the fonts lack, naming it and where it was first used.
    void report(Diagnostics& diagnostics, const Location& where) const;

  private:
    struct Face {
        PoDoFo::PdfFont* font = nullptr;
        const PoDoFo::PdfFontMetrics* metrics = nullptr;
        std::string file;
        std::string replacement;                              // U+FFFD if the font has it, else "?"
        mutable std::unordered_map<char32_t, double> widths;  // per 1 pt
        mutable std::unordered_map<char32_t, bool> present;
    };
    struct Missing {
        std::string face;
        std::string first_place;
        std::size_t count = 0;
        std::string replacement;
    };

    static std::size_t index(FontStyle style) { return static_cast<std::size_t>(style); }
    const Face& face(FontStyle style) const;
    bool has_glyph(const Face& face, char32_t cp) const;

    PoDoFo::PdfMemDocument& document_;
    mutable std::array<Face, 3> faces_;
    std::string family_;
    std::map<std::pair<char32_t, std::size_t>, Missing> missing_;
};

}  // namespace kdx::pdf
