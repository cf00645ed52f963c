#include "util/digest.hpp"

#include <openssl/evp.h>

#include <stdexcept>

namespace tthc {

Digest sha256(std::string_view bytes)
{
    Digest out{};
    unsigned int len = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), out.data(), &len, EVP_sha256(), nullptr) != 1 || len != out.size())
        throw std::runtime_error("SHA-256 failed");
    return out;
}

std::string hex(const Digest& digest)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(2 * digest.size());
    for (const unsigned char b : digest) {
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 0xF]);
    }
    return out;
}

std::string sha256_hex(std::string_view bytes) { return hex(sha256(bytes)); }

}  // namespace tthc
