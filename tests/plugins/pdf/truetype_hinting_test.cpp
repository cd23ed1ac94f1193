// Font programs without hinting (truetype_hinting.cpp), read back by
// FreeType: the hinting tables gone, no glyph with instructions, and every
// glyph's outline and advance as in the font it came from.
#include <ft2build.h>
#include <gtest/gtest.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H
#include FT_TRUETYPE_TAGS_H

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "kdx/error.hpp"
#include "truetype_hinting.hpp"

namespace {

const char* const dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

std::string read(const char* file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

struct Face {
    FT_Library library = nullptr;
    FT_Face face = nullptr;
    explicit Face(const std::string& bytes) {
        EXPECT_EQ(FT_Init_FreeType(&library), 0);
        EXPECT_EQ(FT_New_Memory_Face(library, reinterpret_cast<const FT_Byte*>(bytes.data()),
                                     static_cast<FT_Long>(bytes.size()), 0, &face),
                  0);
    }
    ~Face() {
        if (face) FT_Done_Face(face);
        FT_Done_FreeType(library);
    }
    bool has_table(FT_ULong tag) const {
        FT_ULong length = 0;
        return FT_Load_Sfnt_Table(face, tag, 0, nullptr, &length) == 0;
    }
    // The glyph's bytecode, as FreeType hands it to its interpreter.
    FT_UInt instructions(FT_UInt glyph) const {
        if (FT_Load_Glyph(face, glyph, FT_LOAD_DEFAULT)) return 0;
        return face->glyph->control_len;
    }
};

TEST(TrueTypeHinting, DejaVuSansWithoutHintingKeepsEveryOutline) {
    if (!std::filesystem::exists(dejavu)) GTEST_SKIP() << "no " << dejavu;
    const std::string original = read(dejavu);
    const std::string stripped = kdx::pdf::without_hinting(original);
    Face before(original), after(stripped);
    ASSERT_TRUE(before.face && after.face);

    for (FT_ULong tag : {TTAG_fpgm, TTAG_prep, TTAG_cvt}) {
        EXPECT_TRUE(before.has_table(tag));
        EXPECT_FALSE(after.has_table(tag));
    }
    auto* maxp = static_cast<TT_MaxProfile*>(FT_Get_Sfnt_Table(after.face, FT_SFNT_MAXP));
    ASSERT_NE(maxp, nullptr);
    EXPECT_EQ(maxp->maxSizeOfInstructions, 0);
    ASSERT_EQ(after.face->num_glyphs, before.face->num_glyphs);
    EXPECT_LT(stripped.size(), original.size() * 95 / 100)
        << original.size() << " bytes before, " << stripped.size() << " after";

    ASSERT_EQ(FT_Set_Char_Size(before.face, 0, 12 * 64, 72, 72), 0);
    ASSERT_EQ(FT_Set_Char_Size(after.face, 0, 12 * 64, 72, 72), 0);
    long hinted = 0;
    for (FT_UInt g = 0; g < static_cast<FT_UInt>(before.face->num_glyphs); ++g) {
        if (before.instructions(g) > 0) ++hinted;
        ASSERT_EQ(after.instructions(g), 0u) << "glyph " << g;
        const FT_Int32 unscaled = FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING;
        ASSERT_EQ(FT_Load_Glyph(before.face, g, unscaled), 0);
        const FT_Outline a = before.face->glyph->outline;
        const FT_Pos advance = before.face->glyph->advance.x;
        ASSERT_EQ(FT_Load_Glyph(after.face, g, unscaled), 0) << "glyph " << g;
        const FT_Outline& b = after.face->glyph->outline;
        EXPECT_EQ(after.face->glyph->advance.x, advance) << "glyph " << g;
        ASSERT_EQ(b.n_points, a.n_points) << "glyph " << g;
        ASSERT_EQ(b.n_contours, a.n_contours) << "glyph " << g;
        for (int p = 0; p < a.n_points; ++p) {
            ASSERT_EQ(b.points[p].x, a.points[p].x) << "glyph " << g << " point " << p;
            ASSERT_EQ(b.points[p].y, a.points[p].y) << "glyph " << g << " point " << p;
            ASSERT_EQ(b.tags[p] & 1, a.tags[p] & 1) << "glyph " << g << " point " << p;
        }
        for (int c = 0; c < a.n_contours; ++c) ASSERT_EQ(b.contours[c], a.contours[c]);
    }
    EXPECT_GT(hinted, 1000);  // the instructions FreeType found before are gone
}

TEST(TrueTypeHinting, EmptyGlyphsNoTextDrawsLoseTheirAdvance) {
    if (!std::filesystem::exists(dejavu)) GTEST_SKIP() << "no " << dejavu;
    const std::string original = read(dejavu);
    Face before(original);
    const FT_UInt space = FT_Get_Char_Index(before.face, U' ');
    const FT_UInt en_space = FT_Get_Char_Index(before.face, 0x2002);
    const FT_UInt a = FT_Get_Char_Index(before.face, U'a');
    ASSERT_TRUE(space && en_space && a);
    const std::set<unsigned> drawn = {space, a};
    const std::string stripped = kdx::pdf::without_hinting(original, &drawn);
    Face after(stripped);
    auto advance = [](const Face& f, FT_UInt g) {
        EXPECT_EQ(FT_Load_Glyph(f.face, g, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING), 0);
        return f.face->glyph->advance.x;
    };
    EXPECT_GT(advance(before, en_space), 0);
    EXPECT_EQ(advance(after, en_space), 0);  // empty, and not drawn
    EXPECT_EQ(advance(after, space), advance(before, space));
    EXPECT_EQ(advance(after, a), advance(before, a));
    const FT_UInt b = FT_Get_Char_Index(before.face, U'b');  // not drawn, but an outline
    EXPECT_EQ(advance(after, b), advance(before, b));
}

TEST(TrueTypeHinting, RefusesBytesThatAreNotTrueType) {
    EXPECT_THROW(kdx::pdf::without_hinting("not a font"), kdx::Error);
    EXPECT_THROW(kdx::pdf::without_hinting(std::string(64, '\0')), kdx::Error);
}

}  // namespace
