#include "host/elf_build_id.hpp"

#include <elf.h>
#include <link.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <vector>

namespace kdx::host {

namespace {

// ElfW(...) is this machine's class: a plugin of the other class could not
// be loaded anyway.
using Header = ElfW(Ehdr);
using Segment = ElfW(Phdr);
using Note = ElfW(Nhdr);

bool read_at(std::ifstream& in, std::uint64_t offset, void* out, std::size_t size) {
    in.seekg(static_cast<std::streamoff>(offset));
    in.read(static_cast<char*>(out), static_cast<std::streamsize>(size));
    return in.gcount() == static_cast<std::streamsize>(size);
}

std::size_t aligned4(std::size_t n) { return (n + 3) & ~std::size_t{3}; }

}  // namespace

std::string elf_build_id(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    Header header{};
    if (!in || !read_at(in, 0, &header, sizeof header)) return {};
    const bool little = __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__;
    if (std::memcmp(header.e_ident, ELFMAG, SELFMAG) != 0 ||
        header.e_ident[EI_CLASS] != (sizeof(void*) == 8 ? ELFCLASS64 : ELFCLASS32) ||
        header.e_ident[EI_DATA] != (little ? ELFDATA2LSB : ELFDATA2MSB) ||
        header.e_phentsize != sizeof(Segment) || header.e_phnum > 4096)
        return {};
    // The notes are found through the program headers, which stripping keeps.
    for (unsigned i = 0; i < header.e_phnum; ++i) {
        Segment segment{};
        if (!read_at(in, header.e_phoff + std::uint64_t{i} * sizeof segment, &segment,
                     sizeof segment))
            return {};
        if (segment.p_type != PT_NOTE || segment.p_filesz > (1u << 20)) continue;
        std::vector<unsigned char> notes(segment.p_filesz);
        if (!read_at(in, segment.p_offset, notes.data(), notes.size())) return {};
        std::size_t at = 0;
        while (at + sizeof(Note) <= notes.size()) {
            Note note{};
            std::memcpy(&note, notes.data() + at, sizeof note);
            const std::size_t name_at = at + sizeof note;
            const std::size_t desc_at = name_at + aligned4(note.n_namesz);
            if (desc_at + note.n_descsz > notes.size()) break;
            if (note.n_type == NT_GNU_BUILD_ID && note.n_namesz == 4 &&
                std::memcmp(notes.data() + name_at, "GNU", 4) == 0 && note.n_descsz > 0) {
                std::string hex;
                char byte[3];
                for (std::size_t j = 0; j < note.n_descsz; ++j) {
                    std::snprintf(byte, sizeof byte, "%02x", notes[desc_at + j]);
                    hex += byte;
                }
                return hex;
            }
            at = desc_at + aligned4(note.n_descsz);
        }
    }
    return {};
}

}  // namespace kdx::host
