// XML-DSig on the package manifest: an enveloped signature (RSA-SHA256 over
// the exclusive canonical form of the whole manifest, the signer's X.509
// certificate in KeyInfo), made and checked with libxmlsec1 so that the
// xmlsec1 command-line tool verifies it too.
#pragma once

#include <string>
#include <string_view>

namespace tthc {

// Adds the signature to an unsigned manifest and returns the signed bytes.
// Signing is deterministic (RSA PKCS#1 v1.5): same manifest and key, same bytes.
// Throws Error when the key or certificate cannot be read or do not belong together.
std::string sign_manifest(std::string_view manifest, const std::string& key_pem_path, const std::string& cert_pem_path);

struct SignatureCheck {
    enum class Status { absent, valid, invalid };
    Status status = Status::absent;
    std::string detail;  // why it is invalid
};

// Checks the manifest's signature. With `cert_pem_path`, the signature must be
// made by that certificate's key; without, it is checked against the
// certificate it carries (integrity only: anyone can make such a signature).
// Throws Error when `cert_pem_path` cannot be read.
SignatureCheck check_manifest_signature(std::string_view manifest, const std::string& cert_pem_path);

}  // namespace tthc
