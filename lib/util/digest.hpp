// SHA-256, the one digest of the toolkit: a package's checksums and the lint
// cache's content keys (a collision cannot be crafted, so a changed file is
// never mistaken for a checked one).
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace tthc {

using Digest = std::array<unsigned char, 32>;

Digest sha256(std::string_view bytes);

// The lower-case hex form of a digest, and of the SHA-256 of some bytes.
std::string hex(const Digest& digest);
std::string sha256_hex(std::string_view bytes);

}  // namespace tthc
