#include "fonts.hpp"

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H
#include <podofo/podofo.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <set>
#include <sstream>
#include <streambuf>

#include "flate.hpp"
#include "kdx/error.hpp"
#include "kdx/utf8.hpp"
#include "truetype_hinting.hpp"

namespace kdx::pdf {

namespace fs = std::filesystem;

namespace {

const char* const default_family = "DejaVu Sans";
// Where Debian's fonts-dejavu-core puts the default family: finding it there
// spares each run the ~10 ms fontconfig needs to load its configuration.
const char* const default_files[3] = {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                                      "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
                                      "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf"};
const char* const face_names[3] = {"regular", "bold", "italic"};

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string option(const Options& options, const std::string& name, const std::string& fallback) {
    auto it = options.find(name);
    return it == options.end() || it->second.empty() ? fallback : it->second;
}

// PoDoFo subsets TrueType outlines only; a CFF-flavoured OpenType file or a
// collection would fail deep inside PoDoFo, so say so up front.
void require_truetype(const std::string& file, const std::string& what) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error(what + ": cannot open font file " + file);
    char tag[4] = {};
    in.read(tag, 4);
    std::string t(tag, 4);
    if (t == std::string("\0\1\0\0", 4) || t == "true") return;
    std::string found = t == "OTTO"   ? "an OpenType font with CFF outlines"
                        : t == "ttcf" ? "a font collection"
                                      : "not a font file";
    throw Error(what + ": expected a TrueType font file (.ttf), found " + found + ": " + file);
}

struct FcDeleter {
    void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};
using Pattern = std::unique_ptr<FcPattern, FcDeleter>;

bool family_matches(FcPattern* font, const std::string& family) {
    FcChar8* name = nullptr;
    for (int i = 0; FcPatternGetString(font, FC_FAMILY, i, &name) == FcResultMatch; ++i)
        if (lower(reinterpret_cast<const char*>(name)) == lower(family)) return true;
    return false;
}

// The file fontconfig picks for a family and face, or "" when its best match
// is another family.
std::string match_file(const std::string& family, FontStyle style, std::string* offered) {
    Pattern pattern(FcPatternCreate());
    FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
    FcPatternAddInteger(pattern.get(), FC_WEIGHT,
                        style == FontStyle::bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcPatternAddInteger(pattern.get(), FC_SLANT,
                        style == FontStyle::italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
    FcPatternAddBool(pattern.get(), FC_SCALABLE, FcTrue);
    FcConfigSubstitute(nullptr, pattern.get(), FcMatchPattern);
    FcDefaultSubstitute(pattern.get());
    FcResult result = FcResultNoMatch;
    Pattern font(FcFontMatch(nullptr, pattern.get(), &result));
    if (!font) return "";
    FcChar8* name = nullptr;
    if (offered && FcPatternGetString(font.get(), FC_FAMILY, 0, &name) == FcResultMatch)
        *offered = reinterpret_cast<const char*>(name);
    if (!family_matches(font.get(), family)) return "";
    int weight = 0, slant = 0;
    FcPatternGetInteger(font.get(), FC_WEIGHT, 0, &weight);
    FcPatternGetInteger(font.get(), FC_SLANT, 0, &slant);
    if (style == FontStyle::bold && weight < FC_WEIGHT_DEMIBOLD) return "";
    if (style == FontStyle::italic && slant == FC_SLANT_ROMAN) return "";
    FcChar8* file = nullptr;
    if (FcPatternGetString(font.get(), FC_FILE, 0, &file) != FcResultMatch) return "";
    return reinterpret_cast<const char*>(file);
}

std::string family_of_file(const std::string& file) {
    int count = 0;
    Pattern font(
        FcFreeTypeQuery(reinterpret_cast<const FcChar8*>(file.c_str()), 0, nullptr, &count));
    FcChar8* name = nullptr;
    if (font && FcPatternGetString(font.get(), FC_FAMILY, 0, &name) == FcResultMatch)
        return reinterpret_cast<const char*>(name);
    return fs::path(file).stem().string();
}

}  // namespace

FontFiles find_font_files(const Options& options, Diagnostics& diagnostics) {
    FontFiles f;
    std::string font = option(options, "font", default_family);
    std::error_code ec;
    if (font == default_family && option(options, "font-bold", "").empty() &&
        option(options, "font-italic", "").empty() &&
        std::all_of(std::begin(default_files), std::end(default_files),
                    [&](const char* file) { return fs::is_regular_file(file, ec); })) {
        f.family = font;
        for (std::size_t i = 0; i < 3; ++i) f.files[i] = default_files[i];
        return f;
    }
    if (!FcInit()) throw Error("pdf: fontconfig could not be initialised");
    if (fs::is_regular_file(font, ec)) {
        require_truetype(font, "option font");
        f.files[0] = font;
        f.family = family_of_file(font);
    } else {
        std::string offered;
        f.family = font;
        f.files[0] = match_file(font, FontStyle::regular, &offered);
        if (f.files[0].empty())
            throw Error("option font: no file and no font family \"" + font +
                        "\" (fontconfig's best "
                        "match is \"" +
                        offered +
                        "\"); give a family that fc-list shows or the "
                        "path of a TrueType file");
        require_truetype(f.files[0], "font \"" + font + "\"");
    }
    for (FontStyle style : {FontStyle::bold, FontStyle::italic}) {
        std::size_t i = static_cast<std::size_t>(style);
        std::string name = std::string("font-") + face_names[i];
        std::string given = option(options, name, "");
        if (!given.empty()) {
            if (!fs::is_regular_file(given, ec))
                throw Error("option " + name + ": expected a TrueType font file, found no file \"" +
                            given + "\"");
            require_truetype(given, "option " + name);
            f.files[i] = given;
            continue;
        }
        f.files[i] = match_file(f.family, style, nullptr);
        if (f.files[i].empty() || !fs::is_regular_file(f.files[i], ec)) {
            f.files[i] = f.files[0];
            diagnostics.info(std::string("pdf: font family \"") + f.family + "\" has no " +
                             face_names[i] + " face; " + face_names[i] +
                             " text is set in the regular face (option " + name + " names one)");
        } else {
            require_truetype(f.files[i], "font \"" + f.family + "\" " + face_names[i]);
        }
    }
    return f;
}

namespace {

struct FtLibrary {
    FT_Library library = nullptr;
    FtLibrary() {
        if (FT_Init_FreeType(&library)) library = nullptr;
    }
    ~FtLibrary() {
        if (library) FT_Done_FreeType(library);
    }
};

// Reads `file` and measures what layout asks of it, once: before this, each
// document read the 0.7 MB file through FreeType twice and loaded a glyph's
// outline for each new character's width.
std::shared_ptr<const PreparedFont> prepare(const std::string& file) {
    auto font = std::make_shared<PreparedFont>();
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in) throw Error("pdf: cannot read the font file " + file);
    font->bytes = bytes.str();
    FtLibrary ft;
    FT_Face face = nullptr;
    if (!ft.library ||
        FT_New_Memory_Face(ft.library, reinterpret_cast<const FT_Byte*>(font->bytes.data()),
                           static_cast<FT_Long>(font->bytes.size()), 0, &face))
        throw Error("pdf: FreeType cannot read the font file " + file);
    // The charmap PoDoFo's metrics select (PdfFontMetricsFreetype::InitFromFace).
    FT_Select_Charmap(face, FT_ENCODING_UNICODE);
    font->glyph_of.assign(0x10000, 0);
    FT_UInt glyph = 0;
    for (FT_ULong cp = FT_Get_First_Char(face, &glyph); glyph != 0;
         cp = FT_Get_Next_Char(face, cp, &glyph))
        if (cp < 0x10000) font->glyph_of[cp] = static_cast<unsigned short>(glyph);
    // horiAdvance in font units, in thousandths of the size as PoDoFo's GetGlyphWidth.
    const auto glyphs = static_cast<FT_UInt>(face->num_glyphs);
    std::vector<FT_Fixed> advances(glyphs);
    font->width_of.assign(glyphs, 0.0);
    if (glyphs &&
        !FT_Get_Advances(face, 0, glyphs, FT_LOAD_NO_SCALE | FT_LOAD_NO_BITMAP, advances.data()))
        for (FT_UInt g = 0; g < glyphs; ++g)
            font->width_of[g] = static_cast<double>(advances[g]) * 1000.0 / face->units_per_EM;
    FT_Done_Face(face);
    return font;
}

// Members PoDoFo keeps protected, reached through classes derived from
// theirs: a font's metrics (which the font deletes with itself) and the
// subset prefix its metrics give the font's name.
struct FontMetricsOf : PoDoFo::PdfFont {
    static PoDoFo::PdfFontMetrics*& of(PoDoFo::PdfFont* font) {
        return font->*(&FontMetricsOf::m_pMetrics);
    }
};
struct SubsetPrefixOf : PoDoFo::PdfFontMetrics {
    static std::string& of(PoDoFo::PdfFontMetrics* metrics) {
        return metrics->*(&SubsetPrefixOf::m_sFontSubsetPrefix);
    }
};

// PoDoFo's metrics of each prepared font, made once per thread and lent to
// each document's font: making them parsed the face with FreeType and loaded
// 225 glyphs for PoDoFo's width cache, 1.8 million instructions a document.
// Not shared between threads: a FreeType face is not safe so, and PoDoFo's
// buffers count their references without atomics. A document is made and
// freed on one thread; its fonts hand the metrics back when it is done
// (~FontSet), and each font sets the subset prefix its name is made with.
struct ThreadFonts {
    FtLibrary ft;  // declared first: freed after the faces below
    // The font's bytes in a PoDoFo buffer, which the metrics read and never write.
    std::map<const PreparedFont*, PoDoFo::PdfRefCountedBuffer> bytes;
    std::map<const PreparedFont*, std::unique_ptr<PoDoFo::PdfFontMetricsFreetype>> metrics;
};

ThreadFonts& thread_fonts() {
    thread_local ThreadFonts fonts;
    return fonts;
}

std::unique_ptr<PoDoFo::PdfFontMetricsFreetype>& thread_metrics(const PreparedFont& font) {
    ThreadFonts& fonts = thread_fonts();
    auto& metrics = fonts.metrics[&font];
    if (!metrics) {
        if (!fonts.ft.library) throw Error("pdf: FreeType could not be initialised");
        auto it = fonts.bytes.find(&font);
        if (it == fonts.bytes.end()) {
            PoDoFo::PdfRefCountedBuffer buffer(font.bytes.size());
            std::copy(font.bytes.begin(), font.bytes.end(), buffer.GetBuffer());
            it = fonts.bytes.emplace(&font, buffer).first;
        }
        metrics = std::make_unique<PoDoFo::PdfFontMetricsFreetype>(&fonts.ft.library, it->second,
                                                                   false, "");
    }
    return metrics;
}

// Appends `value`'s low 16 bits as four upper-case hex digits, as printf's
// "%04X": glyph codes in a content stream and a ToUnicode CMap.
void append_hex4(std::string& out, unsigned value) {
    static const char digits[] = "0123456789ABCDEF";
    const char hex[4] = {digits[value >> 12 & 0xf], digits[value >> 8 & 0xf],
                         digits[value >> 4 & 0xf], digits[value & 0xf]};
    out.append(hex, 4);
}

}  // namespace

std::shared_ptr<const PreparedFont> prepared_font(const std::string& file) {
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<const PreparedFont>> fonts;
    std::lock_guard<std::mutex> lock(mutex);
    auto& font = fonts[file];
    if (!font) font = prepare(file);
    return font;
}

FontSet::FontSet(PoDoFo::PdfMemDocument& document, const FontFiles& files)
    : document_(document), family_(files.family) {
    for (std::size_t i = 0; i < faces_.size(); ++i) faces_[i].file = files.files[i];
}

// The fonts before the document (whose objects they point into): the writer
// makes the FontSet after the document.
FontSet::~FontSet() {
    for (Face& face : faces_)
        if (face.font) {
            FontMetricsOf::of(face.font) = nullptr;  // the thread's, lent
            delete face.font;
        }
}

const FontSet::Face& FontSet::face(FontStyle style) const {
    using namespace PoDoFo;
    Face& face = faces_[index(style)];
    if (face.font) return face;
    face.prepared = prepared_font(face.file);
    // What PdfFontCache::GetFontSubset does, from the bytes read once instead
    // of the file: this thread's metrics, a subset name counted as PoDoFo
    // counts them, a CID font embedded by embed().
    std::unique_ptr<PdfFontMetricsFreetype>& lent = thread_metrics(*face.prepared);
    PdfFontMetricsFreetype* metrics = lent.get();
    SubsetPrefixOf::of(metrics) = subset_prefix_;
    for (std::size_t i = 0; i < 6; ++i) {  // AAAAAA+, BAAAAA+, ..., ZAAAAA+, ABAAAA+
        if (++subset_prefix_[i] <= 'Z') break;
        subset_prefix_[i] = 'A';
    }
    // The font deletes its encoding (auto-delete); PdfFontFactory deletes
    // the metrics when it fails, so they are the thread's no longer.
    auto* encoding = new PdfIdentityEncoding(0, 0xffff, true);
    int flags = ePdfFont_Embedded | ePdfFont_Subsetting;
    if (style == FontStyle::bold) flags |= ePdfFont_Bold;
    if (style == FontStyle::italic) flags |= ePdfFont_Italic;
    try {
        face.font =
            PdfFontFactory::CreateFontObject(metrics, flags, encoding, &document_.GetObjects());
    } catch (...) {
        (void)lent.release();
        throw;
    }
    if (!face.font) {
        (void)lent.release();
        throw Error("pdf: PoDoFo could not load the font file " + face.file);
    }
    face.metrics = face.font->GetFontMetrics();
    face.replacement = has_glyph(face, 0xfffd) ? "\uFFFD" : "?";
    return face;
}

bool FontSet::has_glyph(const Face& face, char32_t cp) const {
    if (cp > 0xffff) return false;  // the Identity-H encoding covers the BMP only
    return face.prepared->glyph_of[cp] != 0;
}

void FontSet::append_glyphs(std::string& out, std::string_view text, FontStyle style) const {
    const Face& face = this->face(style);
    const PreparedFont& font = *face.prepared;
    Face& drawn = faces_[index(style)];
    if (drawn.seen.empty()) drawn.seen.assign(0x10000, false);
    for (std::size_t at = 0; at < text.size();) {
        const char32_t cp = utf8::next(text, at);
        if (cp == 0) break;  // PoDoFo's encoding stops at a NUL, as a C string
        const unsigned glyph = cp < 0x10000 ? font.glyph_of[cp] : 0;
        if (cp < 0x10000 && !drawn.seen[cp]) {
            drawn.seen[cp] = true;
            drawn.used.push_back(static_cast<char16_t>(cp));
        }
        append_hex4(out, glyph);
    }
}

double FontSet::width(std::string_view text, FontStyle style, double size) const {
    const Face& face = this->face(style);
    const PreparedFont& font = *face.prepared;
    double total = 0;
    for (std::size_t at = 0; at < text.size();) {
        char32_t cp = utf8::next(text, at);
        const unsigned glyph = cp < 0x10000 ? font.glyph_of[cp] : 0;
        if (glyph < font.width_of.size()) total += font.width_of[glyph] / 1000.0;
    }
    return total * size;
}

double FontSet::ascent(FontStyle style, double size) const {
    return face(style).metrics->GetPdfAscent() / 1000.0 * size;
}

std::string FontSet::checked(std::string_view text, FontStyle style, const std::string& where) {
    if (text.empty()) return "";
    const Face& face = this->face(style);
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        std::size_t start = at;
        char32_t cp = utf8::next(text, at);
        if (cp < 0x20 || cp == 0x7f) {
            out += ' ';  // line breaks and tabs inside a text are plain spaces here
        } else if (has_glyph(face, cp)) {
            out.append(text.substr(start, at - start));
        } else {
            Missing& m = missing_[{cp, index(style)}];
            if (m.count++ == 0) {
                m.face = face_names[index(style)];
                m.first_place = where;
                m.replacement = face.replacement;
            }
            out += face.replacement;
        }
    }
    return out;
}

namespace {

// The characters a subset font was used for, as PoDoFo collects them while
// drawing (PdfFontCID keeps them for its subsetter; a member protected, so
// reached through a class derived from it). `font` must be a PdfFontCID,
// which the caller checks by the font's /Subtype: libpodofo exports no
// typeinfo for it, so UBSan's vptr check, which needs that typeinfo, is off
// here (with it the plugin would not load under the sanitizer).
struct UsedCharacters : PoDoFo::PdfFontCID {
#if defined(__clang__)
    __attribute__((no_sanitize("vptr")))
#endif
    static std::set<PoDoFo::pdf_utf16be>&
    of(PoDoFo::PdfFont* font) {
        return static_cast<PoDoFo::PdfFontCID*>(font)->*(&UsedCharacters::m_setUsed);
    }
};

// Reads the prepared bytes in place: PoDoFo's PdfInputDevice over a buffer
// copies it into a string stream first (0.7 MB, twice, for each face of each
// document).
class MemoryBuffer : public std::streambuf {
  public:
    explicit MemoryBuffer(const std::string& bytes) {
        char* begin = const_cast<char*>(bytes.data());  // read only: no put area
        setg(begin, begin, begin + bytes.size());
    }

  protected:
    pos_type seekoff(off_type off, std::ios_base::seekdir dir, std::ios_base::openmode) override {
        const off_type base = dir == std::ios_base::beg   ? 0
                              : dir == std::ios_base::cur ? gptr() - eback()
                                                          : egptr() - eback();
        const off_type at = base + off;
        if (at < 0 || at > egptr() - eback()) return pos_type(off_type(-1));
        setg(eback(), eback() + at, egptr());
        return pos_type(at);
    }
    pos_type seekpos(pos_type pos, std::ios_base::openmode which) override {
        return seekoff(off_type(pos), std::ios_base::beg, which);
    }
};

// The ToUnicode CMap of an Identity-H subset, as PoDoFo writes it: each used
// glyph with the highest code point drawn with it, in bfrange entries of
// consecutive glyphs (fewer than 255, within one high byte), 99 a block.
std::string to_unicode_cmap(const std::map<unsigned, unsigned>& code_of_glyph) {
    struct Range {
        unsigned first;
        std::vector<unsigned> codes;
    };
    std::vector<Range> ranges;
    for (const auto& [glyph, code] : code_of_glyph) {
        if (!ranges.empty()) {
            Range& r = ranges.back();
            const unsigned next = r.first + static_cast<unsigned>(r.codes.size());
            if (next == glyph && glyph - r.first + r.codes.size() < 255 &&
                (glyph & 0xff00) == (r.first & 0xff00)) {
                r.codes.push_back(code);
                continue;
            }
        }
        ranges.push_back({glyph, {code}});
    }
    std::string out =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n"
        "<< /Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n"
        "<0000> <FFFF>\nendcodespacerange\n";
    auto code = [&out](unsigned value) {  // "<XXXX>"
        out += '<';
        append_hex4(out, value);
        out += '>';
    };
    for (std::size_t i = 0; i < ranges.size(); i += 99) {
        const std::size_t n = std::min<std::size_t>(99, ranges.size() - i);
        out += std::to_string(n) + " beginbfrange\n";
        for (std::size_t k = i; k < i + n; ++k) {
            const Range& r = ranges[k];
            code(r.first);
            out += ' ';
            code(static_cast<unsigned>(r.first + r.codes.size() - 1));
            out += " [ ";
            for (unsigned c : r.codes) {
                code(c);
                out += ' ';
            }
            out += "]\n";
        }
        out += "endbfrange\n";
    }
    out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    return out;
}

}  // namespace

namespace {

// A face's subset as embed() writes it: the CIDSet and the font program,
// deflated, and the program's length before.
struct PackedSubset {
    std::string cid_set;  // empty for none
    std::string program;
    std::size_t length = 0;
};

// The subset of `font` for the characters `used`, made by `make` unless one
// was made before in this process: reports often draw the same characters
// with a face (a fifth of the council reports' font programs repeat one
// made before), and making one is subsetting, removing the hinting and
// deflating, 2 million instructions. Up to 256 are kept (5 MB at most), then
// all are forgotten at once.
template <typename Make>
std::shared_ptr<const PackedSubset> packed_subset(const PreparedFont& font,
                                                  const std::set<PoDoFo::pdf_utf16be>& used,
                                                  Make make) {
    using Key = std::pair<const PreparedFont*, std::vector<PoDoFo::pdf_utf16be>>;
    static std::mutex mutex;
    static std::map<Key, std::shared_ptr<const PackedSubset>> made;
    Key key(&font, std::vector<PoDoFo::pdf_utf16be>(used.begin(), used.end()));
    {
        std::lock_guard<std::mutex> lock(mutex);
        auto it = made.find(key);
        if (it != made.end()) return it->second;
    }
    auto subset = std::make_shared<const PackedSubset>(make());
    std::lock_guard<std::mutex> lock(mutex);
    if (made.size() >= 256) made.clear();
    made.emplace(std::move(key), subset);
    return subset;
}

}  // namespace

// What PdfFontCID::EmbedSubsetFont does for an Identity-H font, the same
// objects in the same order with the same bytes, but from the prepared
// table: the widths are exact (PoDoFo rounds the widths from hinted metrics,
// which PDF/A validators reject) and the subsetter reads the prepared bytes
// in place.
void FontSet::embed(PoDoFo::PdfMemDocument& document) const {
    using namespace PoDoFo;
    // In the order PoDoFo's font cache embeds them (regular, italic, bold),
    // so that the objects are numbered as they were.
    for (FontStyle style : {FontStyle::regular, FontStyle::italic, FontStyle::bold}) {
        const Face& face = faces_[index(style)];
        if (!face.font) continue;
        PdfObject* type0 = face.font->GetObject();
        // PdfFontFactory makes a PdfFontCID for a TrueType file with a
        // two-byte encoding (Type0); libpodofo exports no typeinfo to check it by.
        const PdfObject* subtype = type0->GetDictionary().GetKey(PdfName::KeySubtype);
        const bool cid = subtype && subtype->IsName() && subtype->GetName() == PdfName("Type0");
        PdfObject* fonts = type0->GetIndirectKey("DescendantFonts");
        PdfObject* cid_font =
            fonts && fonts->IsArray() && !fonts->GetArray().empty()
                ? document.GetObjects().GetObject(fonts->GetArray()[0].GetReference())
                : nullptr;
        PdfObject* descriptor = cid_font ? cid_font->GetIndirectKey("FontDescriptor") : nullptr;
        if (!cid || !descriptor) throw Error("pdf: PoDoFo made no CID font for " + face.file);
        std::set<pdf_utf16be>& used = UsedCharacters::of(face.font);
        used.insert(face.used.begin(), face.used.end());
        if (used.empty()) used.insert(0x20);  // as PoDoFo: a subset holds one glyph at least
        const PreparedFont& prepared = *face.prepared;
        auto glyph_of = [&](unsigned code) -> unsigned {
            return code < prepared.glyph_of.size() ? prepared.glyph_of[code] : 0;
        };

        // /W: each used glyph's advance, in runs of consecutive glyphs
        // (Identity CIDToGIDMap: the CID is the glyph index).
        std::set<unsigned> glyphs;
        std::map<unsigned, unsigned> code_of_glyph;
        for (pdf_utf16be code : used)
            if (unsigned glyph = glyph_of(code)) {
                if (glyph < 0xffff) glyphs.insert(glyph);
                code_of_glyph[glyph] = code;
            }
        PdfArray widths;
        for (auto it = glyphs.begin(); it != glyphs.end();) {
            const unsigned first = *it;
            PdfArray run;
            for (unsigned next = first; it != glyphs.end() && *it == next; ++it, ++next)
                run.push_back(
                    PdfVariant(*it < prepared.width_of.size() ? prepared.width_of[*it] : 0.0));
            widths.push_back(PdfVariant(static_cast<pdf_int64>(first)));
            widths.push_back(run);
        }
        if (!glyphs.empty()) cid_font->GetDictionary().AddKey("W", widths);

        PdfObject* unicode = document.GetObjects().CreateObject();
        set_deflated_stream(*unicode, deflated(to_unicode_cmap(code_of_glyph), default_level));
        type0->GetDictionary().AddKey("ToUnicode", unicode->Reference());

        const std::shared_ptr<const PackedSubset> packed = packed_subset(prepared, used, [&] {
            MemoryBuffer bytes(prepared.bytes);
            std::istream stream(&bytes);
            PdfInputDevice input(&stream);
            PdfRefCountedBuffer subset_bytes;
            std::vector<unsigned char> cid_set;
            {
                PdfFontTTFSubset subset(&input, face.font->GetFontMetrics2(),
                                        PdfFontTTFSubset::eFontFileType_TTF);
                subset.BuildFont(subset_bytes, used, cid_set);
            }
            PackedSubset made;
            if (!cid_set.empty())
                made.cid_set = deflated(
                    std::string_view(reinterpret_cast<const char*>(cid_set.data()), cid_set.size()),
                    default_level);
            const std::string program = without_hinting(
                std::string_view(subset_bytes.GetBuffer(), subset_bytes.GetSize()), &glyphs);
            made.length = program.size();
            // Deflated at zlib's fastest level rather than at PoDoFo's
            // default (6): the font program is most of what a report
            // compresses, and level 1 spends 1.7 M instructions less on
            // each council report for 0.4 KB more (bench/pdf_reports.sh).
            made.program = deflated(program, 1);
            return made;
        });
        if (!packed->cid_set.empty()) {
            PdfObject* set = document.GetObjects().CreateObject();
            set_deflated_stream(*set, packed->cid_set);
            descriptor->GetDictionary().AddKey("CIDSet", set->Reference());
        }
        PdfObject* file = document.GetObjects().CreateObject();
        descriptor->GetDictionary().AddKey("FontFile2", file->Reference());
        file->GetDictionary().AddKey("Length1", PdfVariant(static_cast<pdf_int64>(packed->length)));
        set_deflated_stream(*file, packed->program);
    }
}

void FontSet::report(Diagnostics& diagnostics, const Location& where) const {
    for (const auto& [key, m] : missing_) {
        char code[16];
        std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(key.first));
        std::string message = "pdf: character " + std::string(code) + " \"" +
                              utf8::encode(key.first) + "\" is not in the " + m.face +
                              " face of font \"" + family_ + "\" (" + faces_[key.second].file +
                              "); in " + m.first_place;
        if (m.count > 1) message += " and " + std::to_string(m.count - 1) + " more place(s)";
        message += "; drawn as \"" + m.replacement + "\"";
        diagnostics.warning(message, where);
    }
}

}  // namespace kdx::pdf
