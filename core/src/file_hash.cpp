#include "kdx/file_hash.hpp"

#include <openssl/evp.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

#include "kdx/error.hpp"

namespace kdx {

namespace {

struct DigestContext {
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx{EVP_MD_CTX_new(), &EVP_MD_CTX_free};

    DigestContext() {
        if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1)
            throw Error("SHA-256 is not available from OpenSSL");
    }
    void update(const void* data, std::size_t size) { EVP_DigestUpdate(ctx.get(), data, size); }
    std::string hex() {
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int size = 0;
        EVP_DigestFinal_ex(ctx.get(), digest, &size);
        static const char digits[] = "0123456789abcdef";
        std::string out;
        for (unsigned int i = 0; i < size; ++i) {
            out += digits[digest[i] >> 4];
            out += digits[digest[i] & 0xf];
        }
        return out;
    }
};

}  // namespace

std::string sha256_hex(std::string_view bytes) {
    DigestContext digest;
    digest.update(bytes.data(), bytes.size());
    return digest.hex();
}

std::string file_sha256(const std::filesystem::path& file) {
    std::unique_ptr<std::FILE, decltype(&std::fclose)> in(std::fopen(file.c_str(), "rb"),
                                                          &std::fclose);
    if (!in)
        throw Error(std::string("cannot read: ") + std::strerror(errno),
                    Location::at(file.string()));
    DigestContext digest;
    std::vector<char> buffer(1 << 16);
    while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), in.get()))
        digest.update(buffer.data(), n);
    if (std::ferror(in.get()))
        throw Error(std::string("cannot read: ") + std::strerror(errno),
                    Location::at(file.string()));
    return digest.hex();
}

}  // namespace kdx
