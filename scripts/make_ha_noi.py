#!/usr/bin/env python3
"""Build the procedures of the sample provincial catalog catalogs/ha-noi/ from the real portal records.

Usage:
    python3 scripts/make_ha_noi.py SRC_DIR CATALOG_DIR [--edits FILE]

SRC_DIR is the directory of portal records (/work/shared/data/portal-2026/bo-tu-phap). The script selects the Hộ
tịch and Chứng thực procedures that a province and its communes run (SELECTED, ABOLISHED below), converts them with
scripts/convert_portal.py, applies the edits needed to make them clean under catalog format version 1 (every edit
is listed, with its reason), checks the result, and writes

    CATALOG_DIR/procedures/<field-slug>/<code>.toml
    CATALOG_DIR/abolished/<field-slug>/<code>.toml
    CATALOG_DIR/legal.toml          the register of the legal documents the procedures cite (REGISTER below)

replacing only those two sub-directories and that file (each written into a temporary directory, then renamed). Everything else
in CATALOG_DIR (catalog.toml, units.toml, processes/, plans/, decisions/, README.md) is written by people and left
alone. The list of edits is printed on stdout as Markdown (or written to FILE with --edits); it belongs in
CATALOG_DIR/README.md. Deterministic; Python 3.11, standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
import tomllib
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import convert_portal as cp  # noqa: E402

# Hộ tịch and Chứng thực procedures run by the province (tỉnh) and its communes (xã). Left out: the khu vực biên
# giới procedures (Hà Nội has no border), records whose agency contradicts their level (1.001669: "Phòng Tư Pháp",
# a district office, for a commune procedure), records too damaged to repair without guessing (2.000635, 2.002516:
# no thời hạn at all; 2.000986, 2.001023: garbled legal basis and agency), and the chứng thực procedures of bodies
# outside the province (cơ quan đại diện, tổ chức hành nghề công chứng only).
SELECTED = [
    # Hộ tịch
    "1.000419", "1.000656", "1.000689", "1.000894", "1.001022", "1.001193", "1.001766", "1.003583", "1.004746",
    "1.004772", "1.004837", "1.004845", "1.004859", "1.004873", "1.004884", "1.005461", "2.000528", "2.000756",
    "2.000779", "2.000806",
    # Chứng thực
    "2.000815", "2.000884", "2.000908", "2.001035",
]
# A real record kept under abolished/: the sample decision 1234/QĐ-UBND abolishes it.
ABOLISHED = ["1.000593"]

PROVINCE_LEVELS = ["tỉnh", "xã"]
COMMUNE_AGENCY = "Ủy ban nhân dân cấp xã"
ND23 = "Nghị định số 23/2015/NĐ-CP"

# Values that are missing from the published record and taken from the legal basis the record itself cites.
CHUNG_THUC_TIME = {
    "2.000815": ("Trong ngày", f"{ND23}, Điều 7: chứng thực bản sao từ bản chính ngay trong ngày tiếp nhận yêu cầu "
                               "(hoặc trong ngày làm việc tiếp theo nếu tiếp nhận sau 15 giờ)"),
    "2.000884": ("Trong ngày", f"{ND23}, Điều 7: chứng thực chữ ký ngay trong ngày tiếp nhận yêu cầu (hoặc trong ngày "
                               "làm việc tiếp theo nếu tiếp nhận sau 15 giờ)"),
    "2.001035": ("2 ngày làm việc", f"{ND23}, Điều 37: chứng thực hợp đồng, giao dịch không quá 02 ngày làm việc"),
}


# The register of legal documents (legal.toml, tthc-catalog(5)): each document the procedures cite, described once.
# Dates and trích yếu come from the catalog's own records (the portal's titles, which often carry them) or from real
# texts that cite the document (Luật Hôn nhân và gia đình, Bộ luật Dân sự, Nghị định 23/2015, Thông tư 01/2020);
# where neither gives a date, the date is left out and the citation says less. `amends` lists only what a title in
# the data itself says the document amends. Kinds are given where the số ký hiệu does not say them (…/QHnn).
REGISTER = [
    {"number": "60/2014/QH13", "kind": "Luật", "title": "Luật Hộ tịch", "issued": "2014-11-20"},
    {"number": "52/2014/QH13", "kind": "Luật", "title": "Luật Hôn nhân và gia đình", "issued": "2014-06-19"},
    {"number": "91/2015/QH13", "kind": "Bộ luật", "title": "Bộ luật Dân sự", "issued": "2015-11-24"},
    {"number": "25/2008/QH12", "kind": "Luật", "title": "Luật Bảo hiểm y tế"},
    {"number": "46/2014/QH13", "kind": "Luật", "title": "Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế",
     "amends": ["25/2008/QH12"]},
    {"number": "123/2015/NĐ-CP", "issued": "2015-11-15",
     "title": "quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch"},
    {"number": "23/2015/NĐ-CP", "issued": "2015-02-16",
     "title": "về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, "
              "giao dịch"},
    {"number": "87/2020/NĐ-CP", "issued": "2020-07-28",
     "title": "quy định về Cơ sở dữ liệu hộ tịch điện tử, đăng ký hộ tịch trực tuyến"},
    {"number": "104/2022/NĐ-CP", "issued": "2022-12-21",
     "title": "sửa đổi, bổ sung một số điều của các Nghị định liên quan đến việc nộp, xuất trình sổ hộ khẩu, sổ tạm "
              "trú giấy khi thực hiện thủ tục hành chính, cung cấp dịch vụ công"},
    {"number": "07/2025/NĐ-CP", "amends": ["23/2015/NĐ-CP"],
     "title": "sửa đổi, bổ sung một số điều của các Nghị định trong lĩnh vực hộ tịch, quốc tịch, chứng thực"},
    {"number": "118/2025/NĐ-CP", "issued": "2025-06-09",
     "title": "về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa và Cổng "
              "Dịch vụ công quốc gia"},
    {"number": "120/2025/NĐ-CP", "issued": "2025-06-11",
     "title": "quy định về phân định thẩm quyền của chính quyền địa phương 02 cấp trong lĩnh vực quản lý nhà nước "
              "của Bộ Tư pháp"},
    {"number": "280/2025/NĐ-CP", "amends": ["23/2015/NĐ-CP"],
     "title": "sửa đổi, bổ sung một số điều của Nghị định số 23/2015/NĐ-CP về cấp bản sao từ sổ gốc, chứng thực bản "
              "sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch, được sửa đổi, bổ sung bởi Nghị "
              "định số 07/2025/NĐ-CP"},
    {"number": "18/2026/NĐ-CP",
     "title": "sửa đổi, bổ sung một số nghị định để cắt giảm, đơn giản hóa thủ tục hành chính, điều kiện kinh doanh "
              "thuộc phạm vi quản lý của Bộ Tư pháp"},
    {"number": "66.7/2025/NQ-CP", "title": "quy định cắt giảm, đơn giản hóa thủ tục hành chính dựa trên dữ liệu"},
    {"number": "04/2020/TT-BTP", "issued": "2020-05-28",
     "title": "quy định chi tiết thi hành một số điều của Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP ngày 15 tháng "
              "11 năm 2015 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch"},
    {"number": "04/2024/TT-BTP", "amends": ["02/2020/TT-BTP", "04/2020/TT-BTP"],
     "title": "sửa đổi, bổ sung một số điều của Thông tư số 02/2020/TT-BTP ngày 08 tháng 4 năm 2020 của Bộ trưởng Bộ "
              "Tư pháp ban hành, hướng dẫn sử dụng, quản lý mẫu sổ quốc tịch và mẫu giấy tờ về quốc tịch và Thông tư "
              "số 04/2020/TT-BTP ngày 28 tháng 5 năm 2020 của Bộ trưởng Bộ Tư pháp quy định chi tiết thi hành một số "
              "điều của Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP ngày 15 tháng 11 năm 2015 của Chính phủ quy định "
              "chi tiết một số điều và biện pháp thi hành Luật Hộ tịch"},
    {"number": "01/2022/TT-BTP", "issued": "2022-01-04",
     "title": "quy định chi tiết một số điều và biện pháp thi hành Nghị định số 87/2020/NĐ-CP ngày 28 tháng 7 năm "
              "2020 của Chính phủ quy định về Cơ sở dữ liệu hộ tịch điện tử, đăng ký hộ tịch trực tuyến"},
    {"number": "03/2023/TT-BTP", "issued": "2023-08-02", "amends": ["01/2022/TT-BTP"],
     "title": "sửa đổi, bổ sung một số nội dung của Thông tư số 01/2022/TT-BTP ngày 04 tháng 01 năm 2022 của Bộ "
              "trưởng Bộ Tư pháp quy định chi tiết một số điều và biện pháp thi hành Nghị định số 87/2020/NĐ-CP ngày "
              "28 tháng 7 năm 2020 của Chính phủ quy định về Cơ sở dữ liệu hộ tịch điện tử, đăng ký hộ tịch trực "
              "tuyến"},
    {"number": "09/2022/TT-BTP", "issued": "2022-12-30",
     "title": "bãi bỏ một số nội dung tại các Thông tư trong lĩnh vực trợ giúp pháp lý, hộ tịch do Bộ trưởng Bộ Tư "
              "pháp ban hành"},
    {"number": "01/2020/TT-BTP", "issued": "2020-03-03"},
    {"number": "85/2019/TT-BTC", "issued": "2019-11-29",
     "title": "hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh, thành phố trực "
              "thuộc Trung ương"},
    {"number": "106/2021/TT-BTC", "amends": ["85/2019/TT-BTC"],
     "title": "sửa đổi, bổ sung một số điều của Thông tư số 85/2019/TT-BTC ngày 29 tháng 11 năm 2019 của Bộ trưởng Bộ "
              "Tài chính hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh, thành phố "
              "trực thuộc Trung ương"},
    {"number": "257/2016/TT-BTC",
     "title": "quy định mức thu, chế độ thu, nộp, quản lý, sử dụng phí công chứng; phí chứng thực bản sao từ bản "
              "chính, chứng thực chữ ký trong giấy tờ, văn bản; phí thẩm định tiêu chuẩn, điều kiện hành nghề công "
              "chứng; phí thẩm định điều kiện hoạt động Văn phòng công chứng; lệ phí cấp thẻ công chứng viên"},
    {"number": "264/2016/TT-BTC",
     "title": "quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí, lệ phí trong lĩnh vực ngoại giao áp dụng tại "
              "các Cơ quan đại diện Việt Nam ở nước ngoài"},
]


def legal_toml() -> str:
    out = ["# The register of legal documents this catalog cites (tthc-catalog(5), legal.toml).",
           "# Written by scripts/make_ha_noi.py (REGISTER); a field left out was not found in a real text.", ""]
    for d in sorted(REGISTER, key=lambda d: d["number"]):
        out.append("[[document]]")
        for key in ("number", "kind", "title"):
            if key in d:
                out.append(f"{key} = {q(d[key])}")
        if "issued" in d:
            out.append(f"issued = {d['issued']}")
        if "amends" in d:
            out.append("amends = [\n" + "".join("  " + q(x) + ",\n" for x in d["amends"]) + "]")
        out.append("")
    return "\n".join(out)


class Log:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str, str]] = []

    def add(self, code: str, what: str, before: str, after: str, why: str) -> None:
        self.rows.append((code, what, before, after, why))


def q(v) -> str:
    if isinstance(v, list):
        return "[" + ", ".join(q(x) for x in v) + "]"
    if v is None:
        return "(absent)"
    return '"' + str(v) + '"'


def edit(code: str, proc: dict, log: Log) -> None:
    # levels: only what the province and its communes run
    levels = [lv for lv in proc["levels"] if lv in PROVINCE_LEVELS]
    if levels != proc["levels"]:
        log.add(code, "levels", q(proc["levels"]), q(levels),
                "a provincial catalog lists what the province and its communes run; \"bộ\" and \"khác\" (the "
                "ministry, cơ quan đại diện, tổ chức hành nghề công chứng) are other authorities' business")
        proc["levels"] = levels

    # agency
    if code in ("2.000815", "2.000884"):
        log.add(code, "agency", q(proc.get("agency")), q(COMMUNE_AGENCY),
                "the published agency names only bodies outside the province, while the same record's fee "
                "description reads \"Tại Ủy ban nhân dân cấp xã, Tổ chức hành nghề công chứng: ...\" and its level "
                "is \"Cấp xã\"")
        proc["agency"] = COMMUNE_AGENCY
    elif "agency" not in proc and proc["levels"] == ["xã"]:
        steps = " ".join(proc.get("steps", []))
        why = "cơ quan thực hiện missing; the record's level is \"Cấp xã\""
        if "Ủy ban nhân dân cấp xã" in steps:
            why += " and its steps name the Ủy ban nhân dân cấp xã as the body that decides"
        elif "Trung tâm Phục vụ hành chính công cấp xã" in steps:
            why += " and its steps have the dossier received by the Trung tâm Phục vụ hành chính công cấp xã"
        log.add(code, "agency", "(\"Không có thông tin\")", q(COMMUNE_AGENCY), why)
        proc["agency"] = COMMUNE_AGENCY

    # channels
    kept = []
    for ch in proc["channels"]:
        if ch.get("currency") == "USD":
            log.add(code, f"channel {ch['kind']} (USD)", f"fee {ch.get('fee')} USD", "(dropped)",
                    "charged only \"Tại cơ quan đại diện\" (Vietnamese missions abroad), not by the province")
            continue
        kept.append(ch)
    proc["channels"] = kept
    bare = sorted({ch["time"] for ch in proc["channels"] if re.fullmatch(r"\d+", ch.get("time", ""))})
    for t in bare:
        new = f"{int(t)} ngày làm việc"
        kinds = [ch["kind"] for ch in proc["channels"] if ch.get("time") == t]
        for ch in proc["channels"]:
            if ch.get("time") == t:
                ch["time"] = new
        log.add(code, "time (" + ", ".join(kinds) + ")", q(t), q(new),
                "the published Thời gian cell lost its unit; the portal's unit for hộ tịch deadlines is \"Ngày làm "
                "việc\" (e.g. 1.000419, 1.003583 of the same decision 163/QĐ-BTP read \"5 Ngày làm việc\")")
    if code in CHUNG_THUC_TIME:
        t, why = CHUNG_THUC_TIME[code]
        kinds = [ch["kind"] for ch in proc["channels"] if "time" not in ch]
        for ch in proc["channels"]:
            if "time" not in ch:
                ch["time"] = t
        log.add(code, "time (" + ", ".join(kinds) + ")", "(\"Không có thông tin\")", q(t),
                "not in the published record; taken from the decree the record cites as legal basis: " + why)

    # steps garbled at the source
    if code == "1.001193":
        st = proc["steps"]
        i0 = next(i for i, s in enumerate(st) if "đăng ký khai tâm Phục vụ" in s)
        i2 = next(i for i, s in enumerate(st) if s.endswith("hoàn tất việc sinh tại Trung"))
        assert st[i2 + 1] == "nộp hồ sơ."
        before = "\"…đăng ký khai tâm Phục vụ…\" / \"…hoàn tất việc sinh tại Trung\" / \"nộp hồ sơ.\""
        st[i0] = st[i0].replace("đăng ký khai tâm Phục vụ", "đăng ký khai sinh tại Trung tâm Phục vụ")
        st[i2] = st[i2][: -len("hoàn tất việc sinh tại Trung")] + "hoàn tất việc nộp hồ sơ."
        del st[i2 + 1]
        log.add(code, f"steps {i0 + 1}, {i2 + 1}, {i2 + 2}", before,
                "\"…đăng ký khai sinh tại Trung tâm Phục vụ…\" / \"…hoàn tất việc nộp hồ sơ.\" (step "
                f"{i2 + 2} joined back)",
                "a fragment (\"sinh tại Trung\") is misplaced in the published text; moved back where it belongs")


# Content (tthc lint's content rules: dossier-note, capitals, district-named, glued-legal-number, abbreviation)

STALE_COMMUNE_AGENCY = "Ủy ban Nhân dân xã, phường, thị trấn."
NOTE_CASES = {"lưu ý", "ghi chú", "chú ý"}
NOTE_PREFIXES = ("Lưu ý", "LƯU Ý", "Ghi chú:", "GHI CHÚ:", "Chú ý", "CHÚ Ý", "(*)", "*")


def dossier_note_kind(d: dict) -> str | None:
    """What lint's dossier-note rule sees in a dossier entry: "heading", "note" or None (a document)."""
    name = d["name"].strip()
    if d.get("case", "").strip().lower() in NOTE_CASES or name.startswith(NOTE_PREFIXES):
        return "note"
    if d.get("originals", 0) or d.get("copies", 0):
        return None
    if name.endswith(":"):
        return "heading"
    if (name.startswith(("Trường hợp", "Trong trường hợp")) and " thì " in name) or " có trách nhiệm " in name:
        return "note"
    return None


# Text repairs, each (code, key, published, corrected, why).
TEXT_REPAIRS = [
    ("2.001035", "channels.note", "Nghị định số 55/2015/NĐ-về", "Nghị định số 55/2015/NĐ-CP về",
     "the symbol of the decree is cut short (glued-legal-number); Nghị định số 55/2015/NĐ-CP is the decree on "
     "credit policy for agricultural and rural development that the sentence names"),
    ("1.003583", "steps", "trình Lãnh đạo UBND ký", "trình Lãnh đạo Ủy ban nhân dân cấp xã ký",
     "\"UBND\" is never written out in the record (abbreviation, Nghị định 30/2020/NĐ-CP); the body that signs the "
     "Giấy khai sinh of this commune procedure is the Ủy ban nhân dân cấp xã, as the record's other steps say"),
]


def repair_text(code: str, proc: dict, log: Log) -> None:
    for c, key, old, new, why in TEXT_REPAIRS:
        if c != code:
            continue
        hits = 0
        if key == "steps":
            for i, st in enumerate(proc["steps"]):
                if old in st:
                    proc["steps"][i] = st.replace(old, new)
                    hits += 1
        elif key == "channels.note":
            for ch in proc["channels"]:
                if old in ch.get("note", ""):
                    ch["note"] = ch["note"].replace(old, new)
                    hits += 1
        assert hits, (code, key, old)
        log.add(code, f"{key} ({hits}×)" if hits > 1 else key, q(old), q(new), why)


# A published note that asks for a document: rewritten as that document, its condition in case.
POSTAL_NOTE = ("Trường hợp gửi hồ sơ qua hệ thống bưu chính thì phải gửi kèm theo bản sao có chứng thực các giấy tờ "
               "phải xuất trình nêu trên.")
POSTAL_ENTRY = {"name": "Bản sao có chứng thực các giấy tờ phải xuất trình nêu trên", "originals": 0, "copies": 1,
                "case": "Gửi hồ sơ qua hệ thống bưu chính"}


def content_edits(code: str, proc: dict, log: Log) -> None:
    for key in ("agency", "authority"):
        if proc.get(key) == STALE_COMMUNE_AGENCY:
            log.add(code, key, q(STALE_COMMUNE_AGENCY), q(COMMUNE_AGENCY),
                    "since 1 July 2025 there is no thị trấn (district-named), and Nghị định 30/2020/NĐ-CP writes "
                    "\"Ủy ban nhân dân\" (capitals); \"cấp xã\" is the record's own level (\"Cấp xã\")")
            proc[key] = COMMUNE_AGENCY
    repair_text(code, proc, log)
    kept, notes, headings = [], [], 0
    for d in proc.get("dossier", []):
        if d["name"].strip() == POSTAL_NOTE:
            kept.append(dict(POSTAL_ENTRY))
            log.add(code, "dossier entry", q(POSTAL_NOTE) + " (0 bản chính, 0 bản sao, xuất trình)",
                    f"{q(POSTAL_ENTRY['name'])}, 1 bản sao, case {q(POSTAL_ENTRY['case'])}",
                    "a rule written as a dossier entry (dossier-note) that asks for a document: the document is named, "
                    "with its trường hợp in case and the bản sao it asks for counted")
            continue
        kind = dossier_note_kind(d)
        if kind == "note":
            notes.append(d["name"].strip())
        elif kind == "heading":
            headings += 1
        else:
            kept.append(d)
    if notes:
        text = "Lưu ý về thành phần hồ sơ:\n" + "\n".join("- " + n for n in notes)
        proc["conditions"] = (proc["conditions"] + "\n\n" + text) if proc.get("conditions") else text
        log.add(code, f"dossier: {len(notes)} notes", "dossier entries (\"Lưu ý\" table, \"Trường hợp … thì …\", "
                "\"… có trách nhiệm …\", 0 bản chính, 0 bản sao)", "conditions, under \"Lưu ý về thành phần hồ sơ\"",
                "notes, not documents to hand in (dossier-note): a thành phần hồ sơ is counted and printed as a "
                "document; their text is kept word for word, in the order published")
    if headings:
        log.add(code, f"dossier: {headings} heading{'s' if headings > 1 else ''}",
                "\"… các giấy tờ sau:\", \"… gồm:\" (0 bản chính, 0 bản sao)", "(dropped)",
                "an introduction to a list, not a document (dossier-note); the portal's rows are not in the order of "
                "the list, and the documents it introduces remain entries of their own")
    proc["dossier"] = kept


# ------------------------------------------------------------------------------------------------------------------
# Checks: the catalog must be clean under catalog format version 1

CODE = re.compile(r"\d\.\d{6}(?:\.\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}|\.[A-Z]\d{2})?|TAM-[a-z0-9-]+")
DURATION = re.compile(r"(?i)0*\d+(?:[.,]\d+)? (?:giờ làm việc|giờ|ngày làm việc|ngày|tháng)|trong ngày|ngay")
LEGAL = cp.LEGAL_NUMBER
LEVELS = {"bộ", "tỉnh", "huyện", "xã", "khác"}
KINDS = {"trực tiếp", "trực tuyến", "bưu chính"}


def check(proc: dict) -> list[str]:
    errs = []
    c = proc.get("code", "")
    for k in ("code", "name", "field", "levels", "agency"):
        if not proc.get(k):
            errs.append(f"{c}: missing {k}")
    if not CODE.fullmatch(c):
        errs.append(f"{c}: bad code")
    for lv in proc.get("levels", []):
        if lv not in LEVELS or lv == "huyện":
            errs.append(f"{c}: level {lv!r}")
    if not proc.get("channels"):
        errs.append(f"{c}: no channel")
    for ch in proc.get("channels", []):
        if ch.get("kind") not in KINDS:
            errs.append(f"{c}: channel kind {ch.get('kind')!r}")
        if not DURATION.fullmatch(ch.get("time", "")):
            errs.append(f"{c}: channel time {ch.get('time')!r}")
        if "fee" in ch and (not isinstance(ch["fee"], int) or ch["fee"] < 0):
            errs.append(f"{c}: fee {ch['fee']!r}")
        if ch.get("currency", "VND") not in ("VND", "USD"):
            errs.append(f"{c}: currency {ch.get('currency')!r}")
    if not proc.get("dossier") and not proc.get("conditions"):
        errs.append(f"{c}: empty dossier without conditions")
    if not proc.get("legal_basis"):
        errs.append(f"{c}: no legal basis")
    for e in proc.get("legal_basis", []):
        if not LEGAL.fullmatch(e.get("number", "")):
            errs.append(f"{c}: legal number {e.get('number')!r}")
        if not e.get("title"):
            errs.append(f"{c}: legal title missing for {e.get('number')!r}")
    if proc.get("online") in ("toàn trình", "một phần") and not any(
            ch.get("kind") == "trực tuyến" for ch in proc.get("channels", [])):
        errs.append(f"{c}: online {proc['online']!r} without a trực tuyến channel")
    return errs


def nfc_ok(s: str) -> bool:
    return unicodedata.is_normalized("NFC", s)


# ------------------------------------------------------------------------------------------------------------------


def edits_markdown(log: Log) -> str:
    out = ["| code | what | published | in this catalog | why |", "|---|---|---|---|---|"]
    for code, what, before, after, why in log.rows:
        cells = [code, what, before, after, why]
        out.append("| " + " | ".join(x.replace("|", "\\|").replace("\n", " ") for x in cells) + " |")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("src", metavar="SRC_DIR")
    ap.add_argument("catalog", metavar="CATALOG_DIR")
    ap.add_argument("--edits", metavar="FILE", help="write the Markdown list of edits to FILE instead of stdout")
    a = ap.parse_args(argv)

    log = Log()
    trees: dict[str, dict[str, str]] = {"procedures": {}, "abolished": {}}
    errors: list[str] = []
    for where, codes in (("procedures", SELECTED), ("abolished", ABOLISHED)):
        for code in sorted(codes):
            path = os.path.join(a.src, code + ".json")
            with open(path, encoding="utf-8") as f:
                rec = json.load(f)
            conv = cp.convert(rec)
            edit(code, conv.proc, log)
            content_edits(code, conv.proc, log)
            doc = cp.procedure_toml(conv.proc)
            errors += check(tomllib.loads(doc))  # what a reader of the file will see
            if not nfc_ok(doc):
                errors.append(f"{code}: not NFC")
            trees[where][os.path.join(cp.slug(conv.field), code + ".toml")] = doc
    if errors:
        for e in errors:
            print("make_ha_noi: " + e, file=sys.stderr)
        return 1

    os.makedirs(a.catalog, exist_ok=True)
    for where, files in trees.items():
        dest = os.path.join(a.catalog, where)
        tmp = tempfile.mkdtemp(prefix=f".{where}.tmp-", dir=a.catalog)
        try:
            cp.write_tree(tmp, files)
            os.chmod(tmp, 0o755)
            if os.path.isdir(dest):
                old = dest + ".old"
                os.rename(dest, old)
                os.rename(tmp, dest)
                shutil.rmtree(old)
            else:
                os.rename(tmp, dest)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise

    legal = os.path.join(a.catalog, "legal.toml")
    with open(legal + ".tmp", "w", encoding="utf-8", newline="\n") as f:
        f.write(legal_toml())
    os.replace(legal + ".tmp", legal)

    md = edits_markdown(log)
    if a.edits:
        with open(a.edits, "w", encoding="utf-8", newline="\n") as f:
            f.write(md)
    else:
        sys.stdout.write(md)
    print(f"make_ha_noi: {len(SELECTED)} procedures, {len(ABOLISHED)} abolished, {len(log.rows)} edits; clean",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
