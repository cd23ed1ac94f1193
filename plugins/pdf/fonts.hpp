// Fonts for the PDF: found through fontconfig or given as files, embedded as
// Identity-H subsets with a ToUnicode map, measured with their own metrics.
#pragma once

#include <array>
#include <map>
#include <memory>
#include <string>
#include <vector>

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

// A TrueType file as read once per process: its bytes, and each BMP
// character's glyph and advance, as PoDoFo's metrics give them (the cmap
// PoDoFo selects, hmtx in font units). Shared, read-only, by every document
// and thread.
struct PreparedFont {
    std::string bytes;
    std::vector<unsigned short> glyph_of;  // by code point below 0x10000; 0: none
    std::vector<double> width_of;          // by glyph, in 1/1000 of the size
};

// The prepared font of `file`, read and measured on first use; throws
// kdx::Error if FreeType cannot read it.
std::shared_ptr<const PreparedFont> prepared_font(const std::string& file);

class FontSet : public TextMetrics {
  public:
    // Fonts are created in `document` when first used, so a document without
    // emphasis carries no italic font; throws kdx::Error if PoDoFo cannot load a file.
    FontSet(PoDoFo::PdfMemDocument& document, const FontFiles& files);
    ~FontSet() override;
    FontSet(const FontSet&) = delete;
    FontSet& operator=(const FontSet&) = delete;

    PoDoFo::PdfFont* pdf_font(FontStyle style) const { return face(style).font; }

    // Appends `text` (checked) as the hex digits of its glyphs in the face of
    // `style`, two bytes each (Identity-H: the code is the glyph), as PoDoFo's
    // PdfFont::WriteStringToStream writes them, and marks its characters as
    // used for the subset.
    void append_glyphs(std::string& out, std::string_view text, FontStyle style) const;

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
        PoDoFo::PdfFont* font = nullptr;  // owned; created in the document on first use
        const PoDoFo::PdfFontMetrics* metrics = nullptr;
        std::shared_ptr<const PreparedFont> prepared;
        std::string file;
        std::string replacement;     // U+FFFD if the font has it, else "?"
        std::vector<bool> seen;      // by code point: drawn with this face
        std::vector<char16_t> used;  // those code points, for the subset
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
    mutable std::string subset_prefix_ = "AAAAAA+";  // the next, as PoDoFo's font cache counts them
    std::string family_;
    std::map<std::pair<char32_t, std::size_t>, Missing> missing_;
};

}  // namespace kdx::pdf
