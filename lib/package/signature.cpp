// libxmlsec1 (OpenSSL back end) for the manifest signature. xmlsec works on a
// DOM, so the manifest is parsed whole here, with the same hostile-input rules
// as everywhere (no network, no DTD, no entities, no DOCTYPE). xmlsec's errors
// are collected instead of printed, and the last one explains a failure.
#include "package/signature.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <xmlsec/crypto.h>
#include <xmlsec/errors.h>
#include <xmlsec/templates.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/strings.h>
#include <xmlsec/xmlsec.h>
#include <xmlsec/xmltree.h>

#include <memory>
#include <mutex>

#include "core/diagnostic.hpp"
#include "package/xml_schema.hpp"
#include "util/i18n.hpp"

namespace tthc {

namespace {

std::mutex xmlsec_mutex;  // xmlsec's error callback and its key loading are process-wide
std::string last_xmlsec_error;

void collect_error(const char*, int, const char*, const char* object, const char* subject, int reason, const char* msg)
{
    std::string m = xmlSecErrorsGetMsg(static_cast<xmlSecSize>(reason)) ? xmlSecErrorsGetMsg(static_cast<xmlSecSize>(reason)) : "";
    if (msg && *msg) m += (m.empty() ? "" : ": ") + std::string(msg);
    (void)object;
    (void)subject;
    if (!m.empty()) last_xmlsec_error = m;
}

void init_xmlsec()
{
    static std::once_flag once;
    static bool ok = false;
    std::call_once(once, [] {
        init_xml();
        ok = xmlSecInit() >= 0 && xmlSecCheckVersion() == 1 && xmlSecCryptoAppInit(nullptr) >= 0 && xmlSecCryptoInit() >= 0;
        // After initialisation, which installs the default callback (printing to stderr).
        xmlSecErrorsSetCallback(collect_error);
    });
    // TRANSLATORS: {0} is libxmlsec1's own message, in English.
    if (!ok) throw Error(tr("cannot initialise libxmlsec1 (OpenSSL back end): {0}", last_xmlsec_error));
}

struct DocDeleter {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using Doc = std::unique_ptr<xmlDoc, DocDeleter>;
struct CtxDeleter {
    void operator()(xmlSecDSigCtx* c) const { xmlSecDSigCtxDestroy(c); }
};
using DSigCtx = std::unique_ptr<xmlSecDSigCtx, CtxDeleter>;
struct MngrDeleter {
    void operator()(xmlSecKeysMngr* m) const { xmlSecKeysMngrDestroy(m); }
};

Doc parse(std::string_view xml)
{
    if (auto doctype = find_doctype(xml)) throw Error(tr("manifest: {0}", doctype->message));
    Doc doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), nullptr, nullptr,
                          XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
    if (!doc || !xmlDocGetRootElement(doc.get())) throw Error(tr("manifest: not well-formed XML"));
    if (doc->intSubset) throw Error(tr("manifest: a DOCTYPE is not allowed"));
    return doc;
}

const xmlChar* x(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

// The signature must cover the whole manifest: one Reference, URI="", with the
// enveloped-signature transform. A signature over something else proves nothing.
std::string check_shape(xmlNode* root, xmlNode* signature)
{
    if (signature->parent != root) return tr("the signature is not a child of the manifest's root element");
    xmlNode* signed_info = xmlSecFindChild(signature, xmlSecNodeSignedInfo, xmlSecDSigNs);
    if (!signed_info) return tr("the signature has no SignedInfo");
    int references = 0;
    for (xmlNode* n = signed_info->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || !xmlSecCheckNodeName(n, xmlSecNodeReference, xmlSecDSigNs)) continue;
        ++references;
        xmlChar* uri = xmlGetProp(n, x("URI"));
        const bool whole = uri && *uri == '\0';
        xmlFree(uri);
        if (!whole) return tr("the signature's Reference does not cover the whole manifest (URI=\"\")");
        bool enveloped = false;
        if (xmlNode* transforms = xmlSecFindChild(n, xmlSecNodeTransforms, xmlSecDSigNs))
            for (xmlNode* t = transforms->children; t; t = t->next) {
                xmlChar* alg = xmlGetProp(t, x("Algorithm"));
                if (alg && xmlStrEqual(alg, xmlSecHrefEnveloped)) enveloped = true;
                xmlFree(alg);
            }
        if (!enveloped) return tr("the signature's Reference has no enveloped-signature transform");
    }
    if (references != 1) return tr("the signature must have exactly one Reference, to the whole manifest");
    return {};
}

SignatureCheck check_locked(std::string_view manifest, const std::string& cert_pem_path)
{
    Doc doc = parse(manifest);
    xmlNode* root = xmlDocGetRootElement(doc.get());
    xmlNode* signature = xmlSecFindNode(root, xmlSecNodeSignature, xmlSecDSigNs);
    if (!signature) return {SignatureCheck::Status::absent, {}};
    if (std::string why = check_shape(root, signature); !why.empty()) return {SignatureCheck::Status::invalid, why};

    std::unique_ptr<xmlSecKeysMngr, MngrDeleter> manager;
    DSigCtx ctx;
    last_xmlsec_error.clear();
    if (!cert_pem_path.empty()) {
        // Only the given certificate's key: whatever KeyInfo says is not used.
        ctx.reset(xmlSecDSigCtxCreate(nullptr));
        if (!ctx) throw std::bad_alloc();
        ctx->signKey =
            xmlSecCryptoAppKeyLoad(cert_pem_path.c_str(), xmlSecKeyDataFormatCertPem, nullptr, nullptr, nullptr);
        if (!ctx->signKey)
            throw Error(tr("cannot read the certificate '{0}' (a PEM X.509 certificate is expected)", cert_pem_path));
    } else {
        manager.reset(xmlSecKeysMngrCreate());
        if (!manager || xmlSecCryptoAppDefaultKeysMngrInit(manager.get()) < 0) throw std::bad_alloc();
        ctx.reset(xmlSecDSigCtxCreate(manager.get()));
        if (!ctx) throw std::bad_alloc();
        ctx->keyInfoReadCtx.flags |= XMLSEC_KEYINFO_FLAGS_X509DATA_DONT_VERIFY_CERTS;
    }
    if (xmlSecDSigCtxVerify(ctx.get(), signature) < 0)
        return {SignatureCheck::Status::invalid,
                last_xmlsec_error.empty() ? std::string(tr("the signature cannot be checked"))
                                          // TRANSLATORS: {0} is libxmlsec1's own message, in English.
                                          : tr("the signature cannot be checked: {0}", last_xmlsec_error)};
    if (ctx->status != xmlSecDSigStatusSucceeded)
        return {SignatureCheck::Status::invalid,
                cert_pem_path.empty()
                    ? std::string(tr("the signature does not match the manifest"))
                    : tr("the signature does not match the manifest and the certificate '{0}'", cert_pem_path)};
    return {SignatureCheck::Status::valid, {}};
}

}  // namespace

std::string sign_manifest(std::string_view manifest, const std::string& key_pem_path, const std::string& cert_pem_path)
{
    std::lock_guard lock(xmlsec_mutex);
    init_xmlsec();
    Doc doc = parse(manifest);
    xmlNode* root = xmlDocGetRootElement(doc.get());
    xmlNode* signature =
        xmlSecTmplSignatureCreate(doc.get(), xmlSecTransformExclC14NId, xmlSecTransformRsaSha256Id, nullptr);
    // TRANSLATORS: {0} is libxmlsec1's own message, in English.
    if (!signature) throw Error(tr("cannot create the signature template: {0}", last_xmlsec_error));
    xmlAddChild(root, signature);
    xmlAddNextSibling(signature, xmlNewText(x("\n")));
    xmlNode* ref = xmlSecTmplSignatureAddReference(signature, xmlSecTransformSha256Id, nullptr, x(""), nullptr);
    if (!ref || !xmlSecTmplReferenceAddTransform(ref, xmlSecTransformEnvelopedId) ||
        !xmlSecTmplReferenceAddTransform(ref, xmlSecTransformExclC14NId))
        throw Error(tr("cannot create the signature template: {0}", last_xmlsec_error));
    xmlNode* key_info = xmlSecTmplSignatureEnsureKeyInfo(signature, nullptr);
    xmlNode* x509 = key_info ? xmlSecTmplKeyInfoAddX509Data(key_info) : nullptr;
    if (!x509 || !xmlSecTmplX509DataAddCertificate(x509))
        throw Error(tr("cannot create the signature template: {0}", last_xmlsec_error));

    DSigCtx ctx(xmlSecDSigCtxCreate(nullptr));
    if (!ctx) throw std::bad_alloc();
    last_xmlsec_error.clear();
    ctx->signKey = xmlSecCryptoAppKeyLoad(key_pem_path.c_str(), xmlSecKeyDataFormatPem, nullptr, nullptr, nullptr);
    if (!ctx->signKey)
        throw Error(last_xmlsec_error.empty()
                        ? tr("cannot read the private key '{0}' (an unencrypted PEM RSA key is expected)", key_pem_path)
                        // TRANSLATORS: {1} is libxmlsec1's own message, in English.
                        : tr("cannot read the private key '{0}' (an unencrypted PEM RSA key is expected): {1}",
                             key_pem_path, last_xmlsec_error));
    if (xmlSecCryptoAppKeyCertLoad(ctx->signKey, cert_pem_path.c_str(), xmlSecKeyDataFormatPem) < 0)
        throw Error(tr("cannot read the certificate '{0}' (a PEM X.509 certificate is expected)", cert_pem_path));
    if (xmlSecDSigCtxSign(ctx.get(), signature) < 0)
        throw Error(last_xmlsec_error.empty() ? std::string(tr("signing failed"))
                                              // TRANSLATORS: {0} is libxmlsec1's own message, in English.
                                              : tr("signing failed: {0}", last_xmlsec_error));

    xmlChar* bytes = nullptr;
    int size = 0;
    xmlDocDumpMemoryEnc(doc.get(), &bytes, &size, "UTF-8");
    if (!bytes) throw std::bad_alloc();
    std::string out(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size));
    xmlFree(bytes);

    // A certificate that does not belong to the key would make a signature
    // nobody can verify: check now rather than after publication.
    const SignatureCheck check = check_locked(out, cert_pem_path);
    if (check.status != SignatureCheck::Status::valid)
        throw Error(tr("the private key '{0}' does not belong to the certificate '{1}'", key_pem_path, cert_pem_path));
    return out;
}

SignatureCheck check_manifest_signature(std::string_view manifest, const std::string& cert_pem_path)
{
    std::lock_guard lock(xmlsec_mutex);
    init_xmlsec();
    return check_locked(manifest, cert_pem_path);
}

}  // namespace tthc
