// The quyết định công bố danh mục thủ tục hành chính (Nghị định 63/2010/NĐ-CP
// Điều 15 as amended by 48/2013 and 92/2017; Thông tư 02/2017/TT-VPCP): the
// decision a legal officer signs to announce what a catalog change means, laid
// out per Nghị định 30/2020/NĐ-CP, with its appendix (Phần I: the lists;
// Phần II: the full content of each new and amended procedure).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diff/diff.hpp"
#include "documents/document.hpp"
#include "catalog/ledger.hpp"
#include "catalog/model.hpp"
#include "core/values.hpp"

namespace tthc {

struct DecisionInfo {
    std::string number;  // "280/QĐ-UBND"
    Date date;
    Date effective;
    std::string signer, signer_title, sign_mode;  // "Nguyễn Văn A", "Phó Chủ tịch", "KT. CHỦ TỊCH"
    std::string proposer;                        // "Giám đốc Sở Tư pháp" (Theo đề nghị của ...)
    std::string scope;                           // "Sở Tư pháp" (thuộc phạm vi chức năng quản lý của ...)
    std::vector<std::string> extra_basis;        // more căn cứ, as written
    std::vector<std::string> supersedes;         // earlier decisions whose content for these procedures ends
    std::string change_basis;                    // the document that amends/abolishes, when the catalog does not say
};

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
