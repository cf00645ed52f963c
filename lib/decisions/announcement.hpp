// The quyết định công bố danh mục thủ tục hành chính (Nghị định 63/2010/NĐ-CP
// Điều 15 as amended by 48/2013 and 92/2017; Thông tư 02/2017/TT-VPCP): the
// decision a legal officer signs to announce what a catalog change means, laid
// out per Nghị định 30/2020/NĐ-CP, with its appendix (Phần I: the lists;
// Phần II: the full content of each new and amended procedure).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diff/diff.hpp"
#include "documents/document.hpp"
#include "catalog/ledger.hpp"
#include "catalog/model.hpp"
#include "core/values.hpp"

namespace tthc {

// Whether the appendix carries Phần II, the full content of each new and
// amended procedure: `automatic` follows Nghị định 63/2010/NĐ-CP Điều 13 as
// tthc-announce(1) states it (a ministry: always; a province: only for the
// procedures a local legal document regulates).
enum class ContentMode { automatic, full, list };

struct DecisionInfo {
    std::string number;  // "280/QĐ-UBND"
    Date date;
    Date effective;
    std::string signer, signer_title, sign_mode;  // "Nguyễn Văn A", "Phó Chủ tịch", "KT. CHỦ TỊCH"
    std::string proposer;                        // "Giám đốc Sở Tư pháp" (Theo đề nghị của ...)
    std::string submission;                      // Tờ trình: "125/TTr-STP"
    std::optional<Date> submission_date;
    std::string scope;                           // "Sở Tư pháp" (thuộc phạm vi chức năng quản lý của ...)
    std::vector<std::string> extra_basis;        // more căn cứ, as written
    std::vector<std::string> supersedes;         // earlier decisions whose content for these procedures ends
    std::string change_basis;                    // the document that amends/abolishes every procedure (abolish --basis)
    std::map<std::string, std::vector<std::string>> amended_by;  // code -> số ký hiệu (--amended-by)
    std::map<std::string, std::string> abolished_by;             // code -> số ký hiệu (--abolished-by)
    ContentMode content = ContentMode::automatic;
};

// The documents that make each change, named by the data or by the officer,
// never guessed: for an amended (or replacing) procedure --amended-by, the
// register's amends_procedures, or a document its new version cites that the
// register says amends one its old version cites; for an abolished one
// --abolished-by, the register's abolishes_procedures, or --change-basis.
// Keyed by the code as the diff names it.
struct ChangeDocuments {
    std::map<std::string, std::vector<std::string>> by_code;  // số ký hiệu (or the text as given)
    std::vector<std::string> suggestions;  // warnings: what a heuristic would take, never printed in the document
    std::vector<std::string> unknown;      // one message per procedure whose document nobody named (translated)
};

ChangeDocuments change_documents(const Catalog& before, const Catalog& after, const CatalogDiff& diff,
                                 const DecisionInfo& info);

// Throws Error naming each procedure whose document is unknown and the way to name it.
void require_named(const ChangeDocuments& docs);

// Every procedure the decision is about (new, amended and replacing ones from
// `after`, abolished ones from `before`), for the content checks.
std::vector<const Procedure*> changed_procedures(const Catalog& before, const Catalog& after, const CatalogDiff& diff);

// The trích yếu: "Về việc công bố danh mục thủ tục hành chính mới ban hành, ... lĩnh vực Hộ tịch ...".
std::string announcement_title(const Catalog& before, const Catalog& after, const CatalogDiff& diff,
                               const DecisionInfo& info);

// Earlier decisions of the ledger that announced a procedure this change
// amends, replaces or abolishes ("280/QĐ-UBND ngày 11 tháng 01 năm 2023"), by date.
std::vector<std::string> superseded_decisions(const Catalog& ledger, const CatalogDiff& diff);

// The căn cứ of the decision, each without its final punctuation.
std::vector<std::string> announcement_basis(const Catalog& before, const Catalog& after, const CatalogDiff& diff,
                                            const DecisionInfo& info);

// The căn cứ as the ledger keeps them: the documents only, without "Căn cứ"
// and without the proposer line.
std::vector<std::string> ledger_basis(const std::vector<std::string>& basis);

// The ledger entry recording this decision (catalog-format.md section 6).
LedgerEntry announcement_entry(const Catalog& before, const Catalog& after, const CatalogDiff& diff,
                               const DecisionInfo& info);

// The whole decision with its appendix. `before` gives the abolished
// procedures' details, `after` the new and amended ones'.
doc::Document build_announcement(const Catalog& before, const Catalog& after, const CatalogDiff& diff,
                                 const DecisionInfo& info);

// Working days between signing and the effective date that the law requires:
// 5 for a province, 20 for a ministry.
int required_notice_days(const Catalog& catalog);

// The procedure of `catalog` (in force or abolished) with this code's identity, or nullptr.
const Procedure* find_procedure(const Catalog& catalog, const std::string& code);

}  // namespace tthc
