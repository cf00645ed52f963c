#!/usr/bin/env python3
"""Convert procedure records from the national public-service portal into a tthc catalog.

Usage:
    python3 scripts/convert_portal.py SRC_DIR OUT_DIR [--force]

SRC_DIR holds one JSON file per procedure as collected from dichvucong.gov.vn (keys ma_thu_tuc, ten_thu_tuc,
cap_thuc_hien, cach_thuc_thuc_hien, thanh_phan_ho_so, can_cu_phap_ly, ... raw_text; see
/work/shared/data/portal-2026/README.md). OUT_DIR receives a catalog in the directory form of catalog format
version 1:

    OUT_DIR/catalog.toml
    OUT_DIR/procedures/<field-slug>/<code>.toml      one per procedure
    OUT_DIR/CONVERSION.md                            what could not be converted, per procedure

The portal's tables were flattened into single strings with the cells glued together. The converter splits them
where the published text allows it and never guesses: a value that is missing ("Không có thông tin") is omitted, a
value that does not parse is kept as published (so that `tthc lint` reports it) or omitted when it cannot even be
delimited, and every such case is listed in CONVERSION.md and on stderr.

The output is deterministic: the same input gives byte-identical files (sorted, no timestamps). OUT_DIR must be
absent or empty unless --force is given; everything is written into a temporary directory next to OUT_DIR and then
renamed into place. With --force an existing OUT_DIR/README.md (written by a person, not by this script) is carried
over into the new tree.

Python 3.11, standard library only.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import re
import shutil
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field

# --------------------------------------------------------------------------------------------------------------
# Catalog constants (the Ministry of Justice catalog)

CATALOG = {
    "id": "bo-tu-phap",
    "name": "Bộ thủ tục hành chính thuộc phạm vi chức năng quản lý của Bộ Tư pháp",
    "authority": "Bộ Tư pháp",
    "authority_kind": "ministry",
    "place": "Hà Nội",
}

MISSING = "Không có thông tin"

# Vietnamese lowercase letters, for regular expressions ("à-ỹ" would also take the capitals in between)
VN_LOWER = "a-zàáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ"

LEVELS = {
    "Cấp bộ": "bộ",
    "Cấp tỉnh": "tỉnh",
    "Cấp huyện": "huyện",
    "Cấp xã": "xã",
    "Cơ quan khác": "khác",
}
LEVEL_ORDER = ["bộ", "tỉnh", "huyện", "xã", "khác"]

CHANNEL_KINDS = {
    "Trực tiếp": "trực tiếp",
    "Trực tuyến": "trực tuyến",
    "Dịch vụ bưu chính": "bưu chính",
}

# --------------------------------------------------------------------------------------------------------------
# Text helpers


def _clean_chars(s: str) -> str:
    """NFC, drop invisible format characters (U+200E and the like), turn odd spaces into plain spaces."""
    s = unicodedata.normalize("NFC", s)
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    out = []
    for ch in s:
        cat = unicodedata.category(ch)
        if ch == "\n":
            out.append(ch)
        elif cat == "Cf":
            continue
        elif cat in ("Zs", "Zl", "Zp") or ch == "\t" or (cat == "Cc"):
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def text(s: str | None) -> str:
    """Multi-line text: NFC, each line trimmed with runs of spaces collapsed, empty lines dropped."""
    if s is None:
        return ""
    s = _clean_chars(s)
    lines = [re.sub(r" {2,}", " ", ln).strip() for ln in s.split("\n")]
    return "\n".join(ln for ln in lines if ln)


def line(s: str | None) -> str:
    """Single-line text: like text() with line breaks turned into spaces."""
    return re.sub(r" {2,}", " ", text(s).replace("\n", " ")).strip()


def is_missing(s: str) -> bool:
    return line(s) == "" or line(s).casefold() == MISSING.casefold()


def slug(s: str) -> str:
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    s = "".join(ch for ch in s if unicodedata.category(ch) != "Mn")
    s = re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")
    return s or "khac"


def short(s: str, n: int = 90) -> str:
    s = s.replace("\n", " ")
    return s if len(s) <= n else s[: n - 1] + "…"


def strip_bullet(s: str) -> str:
    return re.sub(r"^(?:[-+*•–]\s*)+", "", s).strip()


# --------------------------------------------------------------------------------------------------------------
# TOML writer (only what the catalog needs: strings, integers, booleans, local dates, arrays of strings)


def toml_str(s: str) -> str:
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\b":
            out.append("\\b")
        elif ch == "\f":
            out.append("\\f")
        elif o < 0x20 or o == 0x7F:
            out.append("\\u%04X" % o)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def toml_value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, _dt.date):
        return v.isoformat()
    if isinstance(v, str):
        return toml_str(v)
    if isinstance(v, list):
        if not v:
            return "[]"
        return "[\n" + "".join("  " + toml_value(x) + ",\n" for x in v) + "]"
    raise TypeError(type(v))


def toml_doc(top: list[tuple[str, object]], tables: list[tuple[str, list[list[tuple[str, object]]]]]) -> str:
    """top: key/value pairs; tables: (name, [entries]) written as [[name]] arrays of tables, in order."""
    lines = []
    for k, v in top:
        lines.append(f"{k} = {toml_value(v)}")
    for name, entries in tables:
        for entry in entries:
            lines.append("")
            comments = [v for k, v in entry if k == "#"]
            for c in comments:  # a remark about the published value, not data
                lines.append("# " + re.sub(r"[\x00-\x1f\x7f]", " ", c))
            lines.append(f"[[{name}]]")
            for k, v in entry:
                if k != "#":
                    lines.append(f"{k} = {toml_value(v)}")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------------------------------------------
# Problems


@dataclass(order=True)
class Problem:
    kind: str
    detail: str


# "gap": the published value is missing or unusable (a defect of the published data; lint reports most of them);
# "note": converted, but the reader should know how.
NOTE_KINDS = {"dossier-note-rows", "legal-number-as-text", "result-code-nonstandard", "channel-duplicate"}

KIND_HELP = {
    "agency-missing": "cơ quan thực hiện is \"Không có thông tin\" (required key `agency` omitted)",
    "agency-suspect": "cơ quan thực hiện holds prose rather than an agency name (kept as published)",
    "subjects-missing": "đối tượng thực hiện missing (omitted)",
    "steps-missing": "trình tự thực hiện missing (omitted)",
    "channels-none": "no row could be read from cách thức thực hiện",
    "channels-unparsed-text": "text in cách thức thực hiện outside any channel row (dropped)",
    "channel-duplicate": "a channel row identical to an earlier one (dropped)",
    "channel-time-missing": "channel thời hạn is \"Không có thông tin\" (time omitted)",
    "channel-time-not-duration": "channel thời hạn is not a duration of format 3.2, e.g. a bare number \"7\" (kept as published)",
    "channel-time-fee-glued": "channel thời hạn and phí cells run together and cannot be told apart (both omitted)",
    "fee-missing": "fee is \"Không có thông tin\" (fee omitted)",
    "fee-suspect": "fee is a clear amount but implausibly small, probably a placeholder (kept as published)",
    "fee-unparsed": "fee amount does not parse (omitted)",
    "fee-note-unbalanced": "fee explanation has unbalanced parentheses (kept up to the end of the row)",
    "dossier-missing": "thành phần hồ sơ missing",
    "dossier-row-without-quantity": "a dossier row without \"N bản chính\" (name kept, counts omitted)",
    "dossier-note-rows": "rows under a \"Lưu ý\" heading are notes, not documents (kept with case = \"Lưu ý\")",
    "dossier-empty-name": "a dossier row with an empty name (dropped)",
    "legal-missing": "căn cứ pháp lý missing",
    "legal-no-number": "a legal-basis row with no document number (number = \"\")",
    "legal-number-as-text": "the Mã văn bản cell repeats the document type (\"Thông tư số …\"); type moved out of the title",
    "legal-title-glued": "a legal-basis title seems to contain several rows glued together (kept as published)",
    "legal-title-missing": "a legal-basis row with a number but no title",
    "legal-number-invalid": "a Mã văn bản that is not a số ký hiệu of format 3.3 (kept as published)",
    "result-missing": "kết quả thực hiện missing",
    "result-code-nonstandard": "a result code not of the form KQ.Xnn.nnnnnn (kept as published)",
    "online-conflict": "raw_text states two different mức độ (online omitted)",
}


# --------------------------------------------------------------------------------------------------------------
# Channels (cách thức thực hiện)

CH_HEADER = "Hình thức nộpThời gianPhí, lệ phíMô tả"
# catalog format 3.2
DURATION = re.compile(r"(?i)\d+(?:[.,]\d+)? (?:giờ làm việc|giờ|ngày làm việc|ngày|tháng)|trong ngày|ngay")
_K = r"(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)"
_T = (r"(\d+(?:[.,]\d+)?\s?(?:Ngày làm việc|Giờ làm việc|Ngày|Giờ|Tháng|Năm|Phút)(?![" + VN_LOWER + r"])"
      r"|\d+|Không có thông tin|Trong ngày|Ngay)")
_F = r"(Miễn phí|Không có thông tin|Lệ phí\s*:\s*\d[\d,.]*\s*(?:Việt Nam Đồng|VNĐ|Đồng|đồng|USD)|\d[\d,.]*\s*(?:Việt Nam Đồng|VNĐ|Đồng|USD))"
CH_ROW = re.compile(_K + _T + _F)
_AMOUNT_OK = re.compile(r"0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*")


def parse_amount(a: str) -> int | None:
    a = a.strip()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", a):
        return int(a.replace(",", ""))
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", a):
        return int(a.replace(".", ""))
    if re.fullmatch(r"\d+", a):
        return int(a)
    return None


def take_parens(s: str) -> tuple[str, str, bool]:
    """s starts with '('. Return (inside, rest, balanced)."""
    depth = 0
    for i, ch in enumerate(s):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return s[1:i], s[i + 1:], True
    return s[1:], "", False


def unwrap(s: str) -> str:
    s = s.strip()
    while s.startswith("(") and s.endswith(")"):
        inner, rest, ok = take_parens(s)
        if ok and rest == "":
            s = inner.strip()
        else:
            break
    return s


def parse_channels(raw: str, probs: list[Problem]) -> list[dict]:
    s = _clean_chars(raw).strip()
    if is_missing(s):
        probs.append(Problem("channels-none", "cách thức thực hiện is \"Không có thông tin\""))
        return []
    if s.startswith(CH_HEADER):
        s = s[len(CH_HEADER):]
    rows = list(CH_ROW.finditer(s))
    if not rows:
        probs.append(Problem("channels-none", f"no channel row in {short(line(s))!r}"))
        return []
    lead = line(s[: rows[0].start()])
    if lead:
        probs.append(Problem("channels-unparsed-text", f"before the first row: {short(lead)!r}"))
    out: list[dict] = []
    seen: list[tuple] = []
    for idx, m in enumerate(rows):
        end = rows[idx + 1].start() if idx + 1 < len(rows) else len(s)
        kind = CHANNEL_KINDS[m.group(1)]
        time_raw, fee_raw = m.group(2), m.group(3)
        rest = s[m.end():end]
        n = len(out) + 1
        label = f"channel {n} ({kind})"
        ch: dict = {"kind": kind}
        time_val: str | None = time_raw
        fee_val: int | None = None
        currency = None
        glued = False
        # A bare-number time glued to a numeric fee: "1200 VNĐ" may be 1 + 200, 12 + 00, 120 + 0.
        if re.fullmatch(r"\d+", time_raw) and fee_raw[:1].isdigit():
            fm = re.match(r"([\d,.]+)\s*(.*)$", fee_raw)
            digits = time_raw + fm.group(1)
            splits = [(digits[:i], digits[i:]) for i in range(1, len(digits))
                      if _AMOUNT_OK.fullmatch(digits[i:])]
            if len(splits) == 1:
                time_val = splits[0][0]
                fee_raw = splits[0][1] + " " + fm.group(2)
            else:
                glued = True
                probs.append(Problem("channel-time-fee-glued",
                                     f"{label}: {digits + ' ' + fm.group(2)!r} could be "
                                     + ", ".join(f"{a} + {b}" for a, b in splits)))
                time_val = None
        if not glued:
            if time_val == MISSING:
                probs.append(Problem("channel-time-missing", f"{label}: thời hạn \"Không có thông tin\""))
                time_val = None
            elif re.fullmatch(r"\d+", time_val):
                probs.append(Problem("channel-time-not-duration", f"{label}: thời hạn {time_val!r} has no unit"))
            elif not DURATION.fullmatch(line(time_val)):
                probs.append(Problem("channel-time-not-duration", f"{label}: thời hạn {time_val!r}"))
            if time_val is not None:
                ch["time"] = line(time_val)
            # fee
            if fee_raw == "Miễn phí":
                fee_val = 0
            elif fee_raw == MISSING:
                probs.append(Problem("fee-missing", f"{label}: phí \"Không có thông tin\""))
            else:
                fm = re.search(r"(\d[\d,.]*)\s*(Việt Nam Đồng|VNĐ|Đồng|đồng|USD)$", fee_raw)
                amount = parse_amount(fm.group(1))
                if fm.group(2) == "USD":
                    currency = "USD"
                if amount is None:
                    probs.append(Problem("fee-unparsed", f"{label}: {fee_raw!r}"))
                else:
                    fee_val = amount
                    if currency is None and 0 < amount < 1000:
                        probs.append(Problem("fee-suspect", f"{label}: {fee_raw!r} = {amount} VND"))
            if fee_val is not None:
                ch["fee"] = fee_val
            if currency:
                ch["currency"] = currency
        # fee explanation "(...)" right after the fee, then the Mô tả column
        fee_note = ""
        r = rest
        if r.startswith("("):
            inner, r, ok = take_parens(r)
            if not ok:
                probs.append(Problem("fee-note-unbalanced", f"{label}: {short(line(inner))!r}"))
            fee_note = text(unwrap(inner))
        if glued:
            # what was published, for a reader to decide; the cells themselves cannot be separated
            ch["#"] = ("thời hạn and phí cells run together in the published table: "
                       + json.dumps(line(time_raw + fee_raw), ensure_ascii=False))
        if fee_note:
            ch["fee_note"] = fee_note
        note = text(r)
        if note:
            ch["note"] = note
        key = tuple(sorted(ch.items()))
        if key in seen:
            probs.append(Problem("channel-duplicate", f"{label} repeats an earlier row"))
            continue
        seen.append(key)
        out.append(ch)
    return out


# --------------------------------------------------------------------------------------------------------------
# Dossier (thành phần hồ sơ)

DOS_HEADER = "Tên giấy tờMẫu đơn, tờ khaiSố lượng"
QTY = re.compile(r"(?<!\()(\d+) bản chính(?:,\s*(\d+) bản sao)?(?!\s*\))(?! [" + VN_LOWER + r"])")
FILE_EXT = re.compile(r"\.(?:docx?|pdf|xlsx?|odt|rtf|zip|rar)$", re.I)
FORM_MAU = re.compile(r"(?<=[^\s(])(?=(?:Mẫu|MẪU|Mau|MAU)[\s_A-Z0-9])")
FORM_OTHER = re.compile(r"(?<=[.;)])(?=[A-Za-z0-9])|(?<=[^\W\d_])(?=\d+\.[A-Za-z])")


def split_form(row: str) -> tuple[str, str]:
    """A row 'NAME' or 'NAMEform-file.docx' (cells glued). Return (name, form). The form column holds file names
    of the mẫu đơn, tờ khai: "...theo mẫuMẫu TP-TVPL-02-sđ.doc", "...Đơn xin nhận con nuôi;1.nxinnhnconnui.doc"."""
    first_ext = re.search(r"(?i:\.(?:docx?|pdf|xlsx?|odt|rtf|zip|rar))(?![a-z])", row)
    if not first_ext or not FILE_EXT.search(row):
        return row, ""
    head = row[: first_ext.start()]
    cands = []
    for m in FORM_MAU.finditer(head):
        cands.append(m.start())
    for m in re.finditer(r"(?=TP-[A-ZĐ])", head):  # "...doanh nghiệp đấu giá tài sảnTP-DGTS-05.doc"
        if m.start() > 0 and head[m.start() - 1].islower():
            cands.append(m.start())
    for m in FORM_OTHER.finditer(head):
        cand = head[m.start():]
        if re.fullmatch(r"[A-Za-z0-9 ._()\-]+", cand) and len(cand) < 90:
            cands.append(m.start())
    cands = [c for c in cands if c > 0]
    if not cands:
        return row, ""
    start = min(cands)
    name = row[:start].strip()
    forms = re.findall(r".+?(?i:\.(?:docx?|pdf|xlsx?|odt|rtf|zip|rar))(?![a-z])", row[start:])
    form = "; ".join(f.strip() for f in forms) if forms else row[start:].strip()
    return name, form


def classify_heading(h: str) -> tuple[str, bool]:
    """Return (case, present_only) for a dossier section heading."""
    h = line(h).strip(" *-:–")
    h = h.strip()
    if not h:
        return "", False
    if re.search(r"xuất trình", h, re.I):
        return "", True
    if re.fullmatch(r"(?:Giấy tờ phải nộp|Thành phần hồ sơ(?: bao gồm)?|Hồ sơ gồm|Hồ sơ bao gồm)", h, re.I):
        return "", False
    if re.match(r"Người yêu cầu .*\bnộp\b.*\bgồm\b", h):  # "Người yêu cầu chứng thực nộp 01 bộ hồ sơ ..., gồm"
        return "", False
    return h, False


def parse_dossier(raw: str, probs: list[Problem]) -> list[dict]:
    s = _clean_chars(raw).strip()
    if is_missing(s):
        probs.append(Problem("dossier-missing", "thành phần hồ sơ is \"Không có thông tin\""))
        return []
    parts = s.split(DOS_HEADER)
    headings = [parts[0]]
    bodies = []
    for i, part in enumerate(parts[1:], start=1):
        qs = list(QTY.finditer(part))
        last_section = i == len(parts) - 1
        if qs:
            tail = part[qs[-1].end():]
            body = part[: qs[-1].end()]
        else:
            tail, body = part, ""
        if last_section:
            bodies.append((body, tail))
        else:
            bodies.append((body, ""))
            headings.append(tail)
    if len(parts) == 1:
        # no table header at all: read the rows directly
        qs = list(QTY.finditer(s))
        bodies = [(s[: qs[-1].end()] if qs else "", s[qs[-1].end():] if qs else s)]
        headings = [""]
    out: list[dict] = []
    note_rows = 0
    for (body, leftover), heading in zip(bodies, headings):
        case, present = classify_heading(heading)
        pos = 0
        rows = []
        for q in QTY.finditer(body):
            rows.append((body[pos:q.start()], int(q.group(1)), int(q.group(2) or 0)))
            pos = q.end()
        if line(leftover):
            rows.append((leftover, None, None))
        for row, orig, copies in rows:
            name, form = split_form(strip_bullet(line(row)))
            name = strip_bullet(name)
            if not name:
                probs.append(Problem("dossier-empty-name", f"row {len(out) + 1}: no name"))
                continue
            e: dict = {"name": name}
            if form:
                e["form"] = form
            if orig is None:
                probs.append(Problem("dossier-row-without-quantity", f"row {len(out) + 1}: {short(name)!r}"))
            else:
                e["originals"] = orig
                e["copies"] = copies
            if case:
                e["case"] = case
                if case.casefold().startswith("lưu ý"):
                    note_rows += 1
            if present:
                e["present_only"] = True
            out.append(e)
    if note_rows:
        probs.append(Problem("dossier-note-rows", f"{note_rows} row(s) under \"Lưu ý\""))
    if not out:
        probs.append(Problem("dossier-missing", f"no row in {short(line(s))!r}"))
    return out


# --------------------------------------------------------------------------------------------------------------
# Legal basis (căn cứ pháp lý)

LB_HEADER = "Tên văn bản pháp lýMã văn bản"
# catalog format 3.3: digits [. digits] / [year /] symbol groups of letters and digits joined by "-", with a letter
LEGAL_NUMBER = re.compile(r"\d+(?:\.\d+)?/(?:\d{4}/)?(?=[\w-]*[^\W\d_])[^\W_]+(?:-[^\W_]+)*")
NUM_START = re.compile(r"\d+(?:\.\d+)?/(?:\d{4}/)?")
ISSUERS = {
    "CP", "TTg", "BTP", "BTC", "BCA", "BNG", "BQP", "BYT", "BCT", "BTTTT", "BTNMT", "BNV", "BLĐTBXH", "BXD",
    "BGTVT", "BKHĐT", "BNNPTNT", "BVHTTDL", "BGDĐT", "BKHCN", "NHNN", "TTCP", "KTNN", "UBND", "HĐND", "TANDTC",
    "VKSNDTC", "HĐTP", "CTN", "UBTƯMTTQVN", "MTTQVN", "VPCP", "BHXH", "BTNN", "BDTTG", "UBDT", "BNN", "UBTVQH",
    "HĐBT", "BTM", "BKH", "TCCP", "BTCCBCP", "C06",
}
DOC_TYPES = r"(?:Thông tư liên tịch|Thông tư|Nghị định|Nghị quyết liên tịch|Nghị quyết|Quyết định|Bộ luật|Luật|Pháp lệnh|Lệnh|Chỉ thị|Văn bản hợp nhất)"
ISSUED_RE = re.compile(r"^\s*,?\s*ngày\s+(\d{1,2})\s*(?:/|-|tháng\s+)(\d{1,2})\s*(?:/|-|năm\s+)(\d{4})")


MARK = "\x00"  # marks a number start glued to a date, see split_legal_rows
ONLY_TYPE = re.compile(r"\s*" + DOC_TYPES + r"(?:\s+số)?\s*")


def _sym_char(c: str) -> bool:
    return c == "-" or c.isdigit() or (c.isalpha() and c.isupper())


def _known_issuer(group: str) -> bool:
    return group in ISSUERS or bool(re.fullmatch(r"(?:UBTV)?QH\d{1,2}", group))


def _number_end(s: str, start: int, after_prefix: int, space_upper_ok: bool = True) -> int | None:
    """The number starts at `start`, its symbol at `after_prefix`. Return where the number ends if it ends a row
    (the next row's title follows), None if it is a number inside a title.

    The cells are glued, so the symbol ("TT-BTP") runs straight into the next title ("Nghị định ...", "BAN HÀNH
    ...", even "quy định ..."). A cut inside a run of capitals and digits is accepted only where the symbol ends with
    a known issuer code (CP, BTP, QH13, ...); otherwise only before a Capitalised word or at the end of the run."""
    j = after_prefix
    while j < len(s) and (_sym_char(s[j]) or (s[j] == "g" and s[j - 2:j] == "TT")):
        j += 1
    run = s[after_prefix:j]

    def follows_ok(e: int, glued_upper_ok: bool) -> bool:
        rest = s[e:]
        stripped = rest.lstrip(" ")
        if stripped == "":
            return True
        c = rest[:1]
        if c.isalpha():
            return glued_upper_ok or c.islower()
        if space_upper_ok and c == " " and stripped[:1].isalpha() and stripped[:1].isupper():
            return True
        return False

    def valid(sym: str) -> bool:
        return bool(sym) and not sym.startswith("-") and not sym.endswith("-") and "--" not in sym

    # 1. the longest cut that ends with a known issuer code
    for k in range(len(run), 0, -1):
        sym = run[:k]
        if valid(sym) and _known_issuer(sym.split("-")[-1]) and follows_ok(after_prefix + k, True):
            return after_prefix + k
    # 2. unknown issuer: the next title starts with a Capitalised word glued to the run ("XYZNghị")
    if len(run) >= 2 and run[-1].isalpha() and run[-1].isupper() and j < len(s) and s[j].islower():
        sym = run[:-1]
        if valid(sym):
            return after_prefix + len(sym)
    # 3. unknown issuer at the end of the run, followed by the end, a lowercase word or " Capitalised"
    if valid(run) and follows_ok(j, False):
        return j
    return None


def _in_title_glued_digit(s: str, after_prefix: int) -> int | None:
    """A number inside a title glued to the following number cell ("Luật 60/2014/QH1360/2014/QH13").
    Return where the in-title number ends (the next number starts there) or None."""
    j = after_prefix
    while j < len(s) and _sym_char(s[j]):
        j += 1
    run = s[after_prefix:j]
    for k in range(len(run), 0, -1):
        sym = run[:k]
        e = after_prefix + k
        if e < len(s) and s[e].isdigit() and _known_issuer(sym.split("-")[-1]) and NUM_START.match(s, e):
            return e
    return None


def _start_allowed(s: str, p: int) -> bool:
    """May a document number start at p? Not inside another number ("66.7", "QH1360", "12/2020")."""
    if p == 0:
        return True
    prev = s[p - 1]
    if prev == MARK:
        return True
    if prev.isdigit() or prev == "/":
        return False
    if prev == "." and p >= 2 and s[p - 2].isdigit():
        return False
    return True



def _glued_number(s: str, p: int) -> str:
    """The number starting at p, cut after its last known issuer code ("01/2013/TT-BVHTTDL01/..." -> "01/2013/TT-BVHTTDL")."""
    m = NUM_START.match(s, p)
    if not m:
        return ""
    j = m.end()
    while j < len(s) and _sym_char(s[j]):
        j += 1
    run = s[m.end():j]
    for k in range(len(run), 0, -1):
        if _known_issuer(run[:k].split("-")[-1]):
            return s[p:m.end() + k]
    return ""


def split_legal_rows(s: str) -> list[tuple[str, str]]:
    """Split "TITLE NUMBER TITLE NUMBER ..." (cells glued) into (title, number) rows; a trailing title without a
    number gets number ""."""
    # a number glued to a date: "... có hiệu lực từ ngày 01/01/2017120/2016/NĐ-CP"
    s = re.sub(r"((?<![\d/])\d{1,2}/\d{1,2}/(?:19|20)\d\d)(?=\d+(?:\.\d+)?/(?:\d{4}/)?[A-ZĐ])", "\\1" + MARK, s)
    rows: list[tuple[str, str]] = []
    pos = 0
    i = 0
    forced: int | None = None
    forced_number = ""
    while True:
        m = None
        if forced is not None:
            m = NUM_START.match(s, forced)
            forced = None
        else:
            forced_number = ""
        if m is None:
            for cand in NUM_START.finditer(s, i):
                if _start_allowed(s, cand.start()):
                    m = cand
                    break
        if m is None:
            break
        start = m.start()
        if not (m.end() < len(s) and _sym_char(s[m.end()])):
            i = m.start() + 1
            continue
        e = None
        if forced_number and s.startswith(forced_number, start):
            # the number cell repeating the number that ends the title: "Luật 60/2014/QH1360/2014/QH13"
            e = start + len(forced_number)
        if e is None:
            bare = ONLY_TYPE.fullmatch(s[pos:start].replace(MARK, "")) is not None
            e = _number_end(s, start, m.end(), space_upper_ok=not bare)
        if e is None:
            g = _in_title_glued_digit(s, m.end())
            nxt = _glued_number(s, g) if g is not None else ""
            if g is not None and not s.startswith(s[start:g], g) and nxt and s.startswith(nxt, g + len(nxt)):
                # "...Bộ Tư pháp11/2025/TT-BTP01/2013/TT-BVHTTDL01/2013/TT-BVHTTDL": a number cell followed by a
                # row whose title is a bare number
                e = g
            elif g is not None:
                # "Luật 60/2014/QH1360/2014/QH13", "... theo Luật số 37/2024/QH1519/2024/TT-BTP": the title ends
                # with a number and the Mã văn bản cell follows
                forced = g
                forced_number = s[start:g]
                i = g
                continue
            else:
                i = m.start() + 1
                continue
        number = s[start:e]
        # "Luật Công chứng năm 202446/2024/QH15", "Luật Cư trú 202068/2020/QH14": the title's year glued on
        head, _, tail = number.partition("/")
        ym = re.match(r"(\d{4})/", tail)
        if ym and len(head) > 4 and head[:4] == ym.group(1):
            start += 4
            number = s[start:e]
        rows.append((s[pos:start].replace(MARK, ""), number))
        pos = e
        i = e
    if s[pos:].strip():
        rows.append((s[pos:].replace(MARK, ""), ""))
    return rows


def parse_legal(raw: str, probs: list[Problem]) -> list[dict]:
    s = _clean_chars(raw).strip()
    if is_missing(s):
        probs.append(Problem("legal-missing", "căn cứ pháp lý is \"Không có thông tin\""))
        return []
    if s.startswith(LB_HEADER):
        s = s[len(LB_HEADER):]
    s = s.replace("\n", " ")
    rows = split_legal_rows(s)
    # "Thông tư số 64/2025/TT-BCTThông tư số 64/2025/TT-BCT": a title that is only "type + number", followed by a
    # Mã văn bản cell written the same way, splits into two rows; join them back
    merged: list[tuple[str, str]] = []
    k = 0
    while k < len(rows):
        t, n = rows[k]
        if (n and k + 1 < len(rows) and ONLY_TYPE.fullmatch(t) and rows[k + 1][1] == n
                and ONLY_TYPE.fullmatch(rows[k + 1][0])):
            merged.append((line(t) + " " + n + rows[k + 1][0], n))
            k += 2
            continue
        merged.append((t, n))
        k += 1
    out: list[dict] = []
    for title_raw, number in merged:
        title = line(title_raw)
        n = len(out) + 1
        if number:
            # the Mã văn bản cell written as "Thông tư số 03/2023/TT-BTP": the type words end up glued to the title
            m = re.search(r"(?<=[^\s])\s*(" + DOC_TYPES + r")(\s+số)?\s*$", title)
            if m and m.start() > 0:
                probs.append(Problem("legal-number-as-text",
                                     f"row {n}: Mã văn bản cell reads {line(m.group(0)) + ' ' + number!r}"))
                title = title[: m.start()].strip()
            elif re.fullmatch(DOC_TYPES + r"(\s+số)?", title):
                probs.append(Problem("legal-title-missing", f"row {n}: {number} has no title (only {title!r})"))
        if not title:
            probs.append(Problem("legal-title-missing", f"row {n}: {number or '?'} has no title"))
        if not number:
            probs.append(Problem("legal-no-number", f"row {n}: {short(title)!r}"))
        if title_glued(title):
            probs.append(Problem("legal-title-glued", f"row {n} ({number or 'no number'}): {short(title)!r}"))
        if number and not LEGAL_NUMBER.fullmatch(number):
            probs.append(Problem("legal-number-invalid", f"row {n}: {number!r} is not a số ký hiệu (kept as published)"))
        e: dict = {"number": number, "title": title}
        if number:
            issued = issued_date(title, number)
            if issued:
                e["issued"] = issued
        out.append(e)
    if not out:
        probs.append(Problem("legal-missing", f"no row in {short(line(s))!r}"))
    return out


def title_glued(title: str) -> bool:
    """Does a title look like several cells run together: a lowercase letter directly followed by a capital
    ("Luật Nuôi con nuôiThông tư"), or a document number directly followed by a letter or digit?"""
    for a, b in zip(title, title[1:]):
        if a.isalpha() and a.islower() and b.isalpha() and b.isupper():
            return True
    for m in NUM_START.finditer(title):
        if not _start_allowed(title, m.start()):
            continue
        num = _glued_number(title, m.start())
        end = m.start() + len(num)
        if num and end < len(title) and title[end].isalnum():
            return True
    # "...08.a/2010/TT-BTP08.a/2010/TT-BTPThông tư 09b/...": an issuer code glued to digits or to a word
    issuer = "|".join(sorted(ISSUERS, key=len, reverse=True))
    return bool(re.search(r"-(?:" + issuer + r"|QH\d\d)(?=\d|[A-ZĐ][" + VN_LOWER + r"])", title))


def issued_date(title: str, number: str) -> _dt.date | None:
    """The date written right after the document's own number in its title: "Nghị định số 123/2015/NĐ-CP ngày
    15/11/2015 ..."; only when the year matches the number's year (if it has one)."""
    for m in re.finditer(re.escape(number), title):
        d = ISSUED_RE.match(title[m.end():])
        if not d:
            continue
        try:
            date = _dt.date(int(d.group(3)), int(d.group(2)), int(d.group(1)))
        except ValueError:
            return None
        ym = re.match(r"\d+(?:\.\d+)?/(\d{4})/", number)
        if ym and int(ym.group(1)) != date.year:
            return None
        return date
    return None


# --------------------------------------------------------------------------------------------------------------
# Results (kết quả xử lý)

RESULT_CODES = [
    re.compile(r"KQ\.[A-Z]\d{2}\.\d{6}"),
    re.compile(r"\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-KQ\d+"),
    re.compile(r"KQ[\w.\-]*?(?=[A-ZĐ][" + VN_LOWER + r"]|$)"),
    re.compile(r"\d+"),
]


def parse_results(raw: str, probs: list[Problem]) -> list[dict]:
    s = _clean_chars(raw)
    k = s.find("Từ khóa")
    if k >= 0:
        s = s[:k]
    s = s.strip()
    if is_missing(s):
        probs.append(Problem("result-missing", "kết quả xử lý is \"Không có thông tin\""))
        return []
    parts = re.split(r"Mã\s*:\s*", s)
    out: list[dict] = []
    name = parts[0]
    for p in parts[1:]:
        code = ""
        for rx in RESULT_CODES:
            m = rx.match(p)
            if m and m.group(0):
                code = m.group(0)
                break
        e = {"name": line(name)}
        if code:
            e["code"] = code
            if not RESULT_CODES[0].fullmatch(code):
                probs.append(Problem("result-code-nonstandard", f"{code!r} for {short(line(name), 60)!r}"))
        out.append(e)
        name = p[len(code):]
    if line(name):
        out.append({"name": line(name)})
    out = [e for e in out if e["name"] and not is_missing(e["name"])]
    if not out:
        probs.append(Problem("result-missing", f"no result in {short(line(s))!r}"))
    return out


# --------------------------------------------------------------------------------------------------------------
# Other fields


def parse_levels(raw: str, probs: list[Problem]) -> list[str]:
    out = []
    for part in line(raw).split(","):
        part = part.strip()
        if not part:
            continue
        if part in LEVELS:
            out.append(LEVELS[part])
        else:
            probs.append(Problem("levels-unknown", f"{part!r}"))
    return sorted(set(out), key=LEVEL_ORDER.index)


def parse_subjects(raw: str) -> list[str]:
    s = line(raw)
    items: list[str] = []
    depth = 0
    cur = ""
    for ch in s:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "," and depth == 0:
            items.append(cur.strip())
            cur = ""
        else:
            cur += ch
    items.append(cur.strip())
    merged: list[str] = []
    for it in items:
        if not it:
            continue
        if merged and it[:1].islower():  # "Cán bộ, công chức, viên chức"
            merged[-1] += ", " + it
        else:
            merged.append(it)
    return merged


def parse_steps(raw: str) -> list[str]:
    s = text(raw)
    out = []
    for ln in s.split("\n"):
        for piece in re.split(r"(?<=[.;:])\s+(?=Bước\s+\d+\s*[:.)-])", ln):
            piece = strip_bullet(piece)
            if piece:
                out.append(piece)
    return out


def parse_online(raw_text: str, probs: list[Problem]) -> str | None:
    s = line(raw_text).casefold()
    found = set()
    if re.search(r"trực tuyến toàn trình|dvc(?:tt)? toàn trình|mức độ 4", s):
        found.add("toàn trình")
    if re.search(r"trực tuyến một phần|dvc(?:tt)? một phần|mức độ 3", s):
        found.add("một phần")
    if len(found) == 1:
        return found.pop()
    if len(found) > 1:
        probs.append(Problem("online-conflict", ", ".join(sorted(found))))
    return None


# --------------------------------------------------------------------------------------------------------------
# One procedure


@dataclass
class Converted:
    code: str
    name: str
    field: str
    path: str
    proc: dict
    problems: list[Problem] = field(default_factory=list)
    online: str | None = None

    @property
    def toml(self) -> str:
        return procedure_toml(self.proc)


TOP_ORDER = ["code", "name", "field", "levels", "kind", "subjects", "agency", "authority", "delegated",
             "coordinating", "address", "online", "conditions", "steps", "related"]
TABLE_ORDER = {
    "results": ["#", "name", "code"],
    "channels": ["#", "kind", "time", "fee", "currency", "fee_note", "case", "note"],
    "dossier": ["#", "name", "form", "originals", "copies", "case", "present_only"],
    "legal_basis": ["#", "number", "title", "issued", "issuer"],
}


def procedure_toml(proc: dict) -> str:
    """Render a procedure (a dict with the keys of catalog format section 3) in canonical key order."""
    unknown = set(proc) - set(TOP_ORDER) - set(TABLE_ORDER)
    if unknown:
        raise ValueError(f"unknown procedure keys: {sorted(unknown)}")
    top = [(k, proc[k]) for k in TOP_ORDER if k in proc]
    tables = []
    for name, order in TABLE_ORDER.items():
        entries = proc.get(name, [])
        for e in entries:
            bad = set(e) - set(order)
            if bad:
                raise ValueError(f"unknown {name} keys: {sorted(bad)}")
        tables.append((name, [[(k, e[k]) for k in order if k in e] for e in entries]))
    return toml_doc(top, tables)


def convert(rec: dict) -> Converted:
    probs: list[Problem] = []
    code = line(rec.get("ma_thu_tuc", ""))
    name = line(rec.get("ten_thu_tuc", ""))
    fld = line(rec.get("linh_vuc", ""))
    proc: dict = {"code": code, "name": name, "field": fld}
    levels = parse_levels(rec.get("cap_thuc_hien", ""), probs)
    proc["levels"] = levels
    if not levels:
        probs.append(Problem("levels-missing", "cấp thực hiện missing"))
    if not is_missing(rec.get("loai_thu_tuc", "")):
        proc["kind"] = line(rec["loai_thu_tuc"])
    if not is_missing(rec.get("doi_tuong_thuc_hien", "")):
        proc["subjects"] = parse_subjects(rec["doi_tuong_thuc_hien"])
    else:
        probs.append(Problem("subjects-missing", "đối tượng thực hiện missing"))
    agency = rec.get("co_quan_thuc_hien", "")
    if is_missing(agency):
        probs.append(Problem("agency-missing", "cơ quan thực hiện \"Không có thông tin\""))
    else:
        a = line(agency)
        if a[:1].islower() or len(a) > 300:
            probs.append(Problem("agency-suspect", f"{short(a)!r}"))
        proc["agency"] = a
    for src, key in (("co_quan_co_tham_quyen", "authority"), ("co_quan_duoc_uy_quyen", "delegated"),
                     ("co_quan_phoi_hop", "coordinating"), ("dia_chi_tiep_nhan", "address")):
        v = rec.get(src, "")
        if not is_missing(v):
            proc[key] = line(v)
    online = parse_online(rec.get("raw_text", ""), probs)
    if online:
        proc["online"] = online
    if not is_missing(rec.get("yeu_cau_dieu_kien", "")):
        proc["conditions"] = text(rec["yeu_cau_dieu_kien"])
    raw_steps = rec.get("trinh_tu_thuc_hien", "")
    steps = parse_steps(raw_steps) if not is_missing(raw_steps) else []
    if steps:
        proc["steps"] = steps
    else:
        probs.append(Problem("steps-missing", "trình tự thực hiện missing"))
    rel = rec.get("thu_tuc_lien_quan", "")
    if not is_missing(rel):
        codes = sorted(set(re.findall(r"(?<![\d.])\d\.\d{6}(?:\.[0-9A-Z.]+)?(?![\d])", _clean_chars(rel))))
        codes = [c for c in codes if c != code]
        if codes:
            proc["related"] = codes
        else:
            probs.append(Problem("related-unparsed", f"{short(line(rel))!r}"))

    proc["results"] = parse_results(rec.get("ket_qua_xu_ly", ""), probs)
    proc["channels"] = parse_channels(rec.get("cach_thuc_thuc_hien", ""), probs)
    proc["dossier"] = parse_dossier(rec.get("thanh_phan_ho_so", ""), probs)
    proc["legal_basis"] = parse_legal(rec.get("can_cu_phap_ly", ""), probs)
    path = os.path.join("procedures", slug(fld), code + ".toml")
    return Converted(code, name, fld, path, proc, _dedupe(probs), online)


def _dedupe(probs: list[Problem]) -> list[Problem]:
    seen = set()
    out = []
    for p in probs:  # keep document order (row numbers), drop exact repeats
        key = (p.kind, p.detail)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


# --------------------------------------------------------------------------------------------------------------
# Catalog and report


def catalog_toml() -> str:
    return "[catalog]\n" + "".join(f"{k} = {toml_value(v)}\n" for k, v in CATALOG.items())


def report(converted: list[Converted], src_name: str) -> str:
    kinds: dict[str, set[str]] = {}
    counts: dict[str, int] = {}
    for c in converted:
        for p in c.problems:
            kinds.setdefault(p.kind, set()).add(c.code)
            counts[p.kind] = counts.get(p.kind, 0) + 1
    lines = [
        "# Conversion report",
        "",
        f"Generated by `scripts/convert_portal.py` from `{src_name}` ({len(converted)} procedures). "
        "Deterministic: regenerate, never edit by hand.",
        "",
        "Missing values (\"Không có thông tin\") were omitted; values that do not parse were kept as published or, "
        "when they could not even be delimited, omitted. Nothing was guessed. `tthc lint` reports every one of "
        "them that breaks the format.",
        "",
        "## Summary",
        "",
        "`gap`: the published value is missing or unusable, a defect of the published data. "
        "`note`: converted; how is worth knowing.",
        "",
        "| kind | type | meaning | procedures | occurrences |",
        "|---|---|---|---:|---:|",
    ]
    for k in sorted(kinds):
        typ = "note" if k in NOTE_KINDS else "gap"
        lines.append(f"| `{k}` | {typ} | {KIND_HELP.get(k, '')} | {len(kinds[k])} | {counts[k]} |")
    online = sorted(c.code for c in converted if c.online)
    lines += [
        "",
        f"`online` (mức độ dịch vụ công trực tuyến): the portal pages carry no mức độ field; it is set only where "
        f"raw_text states it ({len(online)} procedure(s): {', '.join(online) if online else 'none'}) and omitted "
        f"for the other {len(converted) - len(online)}.",
        "",
        "## Per procedure",
        "",
    ]
    clean = 0
    for c in converted:
        if not c.problems:
            clean += 1
            continue
        lines.append(f"### {c.code} — {c.name}")
        lines.append("")
        for p in c.problems:
            lines.append(f"- `{p.kind}`: {md_escape(p.detail)}")
        lines.append("")
    lines.append(f"{clean} procedure(s) converted without any problem recorded.")
    return "\n".join(lines) + "\n"


def md_escape(s: str) -> str:
    return s.replace("|", "\\|").replace("<", "&lt;")


def load(src: str) -> list[dict]:
    recs = []
    for fn in sorted(os.listdir(src)):
        if not fn.endswith(".json"):
            continue
        with open(os.path.join(src, fn), encoding="utf-8") as f:
            recs.append(json.load(f))
    return recs


def write_tree(root: str, files: dict[str, str]) -> None:
    for rel in sorted(files):
        p = os.path.join(root, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "w", encoding="utf-8", newline="\n") as f:
            f.write(files[rel])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("src", metavar="SRC_DIR", help="directory of portal JSON records")
    ap.add_argument("out", metavar="OUT_DIR", help="catalog directory to create")
    ap.add_argument("--force", action="store_true",
                    help="replace a non-empty OUT_DIR (its README.md, if any, is carried over)")
    a = ap.parse_args(argv)

    if not os.path.isdir(a.src):
        print(f"convert_portal: {a.src}: not a directory", file=sys.stderr)
        return 2
    out = os.path.abspath(a.out)
    if os.path.exists(out) and not os.path.isdir(out):
        print(f"convert_portal: {a.out}: exists and is not a directory", file=sys.stderr)
        return 2
    if os.path.isdir(out) and os.listdir(out) and not a.force:
        print(f"convert_portal: {a.out}: not empty (use --force to replace it)", file=sys.stderr)
        return 2

    recs = load(a.src)
    converted = []
    codes = set()
    for rec in recs:
        c = convert(rec)
        if c.code in codes:
            print(f"convert_portal: duplicate code {c.code}; second record skipped", file=sys.stderr)
            continue
        codes.add(c.code)
        converted.append(c)
    converted.sort(key=lambda c: c.code)

    files = {"catalog.toml": catalog_toml()}
    for c in converted:
        files[c.path] = c.toml
    files["CONVERSION.md"] = report(converted, os.path.basename(os.path.normpath(a.src)))

    for c in converted:
        for p in c.problems:
            print(f"{c.code}: {p.kind}: {p.detail}", file=sys.stderr)

    parent = os.path.dirname(out)
    os.makedirs(parent, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="." + os.path.basename(out) + ".tmp-", dir=parent)
    try:
        write_tree(tmp, files)
        if os.path.isdir(out):
            keep = os.path.join(out, "README.md")
            if os.path.isfile(keep):
                shutil.copy2(keep, os.path.join(tmp, "README.md"))
            old = tempfile.mkdtemp(prefix="." + os.path.basename(out) + ".old-", dir=parent)
            os.rmdir(old)
            os.rename(out, old)
            os.rename(tmp, out)
            shutil.rmtree(old)
        else:
            os.rename(tmp, out)
        os.chmod(out, 0o755)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    n_probs = sum(len(c.problems) for c in converted)
    print(f"convert_portal: {len(converted)} procedures written to {a.out}; {n_probs} problem(s) recorded in "
          f"{os.path.join(a.out, 'CONVERSION.md')}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
