#include "flate.hpp"

#include <podofo/podofo.h>
#include <zlib.h>

#include <array>
#include <vector>

#include "kdx/error.hpp"

namespace kdx::pdf {

namespace {

struct Deflater {
    z_stream stream{};
    bool ready = false;
    ~Deflater() {
        if (ready) deflateEnd(&stream);
    }
};

}  // namespace

std::string_view deflated(std::string_view bytes, int level) {
    thread_local std::array<Deflater, 10> deflaters;
    thread_local std::vector<Bytef> out;
    if (level < 0 || level > 9) level = default_level;
    Deflater& d = deflaters[static_cast<std::size_t>(level)];
    if (!d.ready) {
        if (deflateInit(&d.stream, level) != Z_OK)
            throw Error("pdf: zlib could not be initialised");
        d.ready = true;
    } else if (deflateReset(&d.stream) != Z_OK) {
        throw Error("pdf: zlib could not be reset");
    }
    out.resize(deflateBound(&d.stream, static_cast<uLong>(bytes.size())));
    d.stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    d.stream.avail_in = static_cast<uInt>(bytes.size());
    d.stream.next_out = out.data();
    d.stream.avail_out = static_cast<uInt>(out.size());
    if (deflate(&d.stream, Z_FINISH) != Z_STREAM_END) throw Error("pdf: zlib could not compress");
    return {reinterpret_cast<const char*>(out.data()),
            static_cast<std::size_t>(d.stream.total_out)};
}

void set_deflated_stream(PoDoFo::PdfObject& object, std::string_view packed) {
    using namespace PoDoFo;
    PdfMemoryInputStream raw(packed.data(), static_cast<pdf_long>(packed.size()));
    object.GetStream()->SetRawData(&raw, static_cast<pdf_long>(packed.size()));
    object.GetDictionary().AddKey(PdfName::KeyFilter, PdfName("FlateDecode"));
}

}  // namespace kdx::pdf
